import { tidy } from './fold';

/**
 * The PDF wraps headings, slogans and table cells in narrow boxes, leaving a space where the line broke
 * (`市民との協働による まちづくりの推進`). Japanese never puts a space between two Japanese characters, so such
 * a space is an artefact. Spaces next to Latin letters or digits (`NPO 法人`, `PPP / PFI`) may be intended
 * and stay.
 */

// Kanji, kana, the prolonged-sound mark and Japanese punctuation/brackets (CJK symbols and full-width forms).
const JAPANESE =
  String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC` +
  String.raw`\u3001-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]`;
const WRAP_SPACE = new RegExp(`(?<=${JAPANESE})\\s+(?=${JAPANESE})`, 'gu');

/**
 * Tidies `text` and removes the spaces a line wrap left between two Japanese characters. Only for finished
 * values: readers that split on such spaces (`【順番の入替】3 name description`) split first.
 */
export function joinWrappedText(text: string): string {
  return tidy(text).replace(WRAP_SPACE, '');
}
