import { matchKey, stripTags, tidy } from '../text';

/**
 * Text clean-up specific to the printed plan. The PDF wraps headings and slogans in narrow boxes, leaving
 * a space where the line broke (`市民との協働による まちづくりの推進`); Japanese never puts a space between two
 * Japanese characters, so such a space is an artefact. Spaces next to Latin letters or digits
 * (`NPO 法人`, `PPP / PFI`) may be intended and stay.
 */

// Kanji, kana, the prolonged-sound mark and Japanese punctuation/brackets (CJK symbols and full-width forms).
const JAPANESE =
  String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC` +
  String.raw`\u3001-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]`;
const WRAP_SPACE = new RegExp(`(?<=${JAPANESE})\\s+(?=${JAPANESE})`, 'gu');

/** Tidies `text` and removes the spaces a line wrap left between two Japanese characters. */
export function joinWrappedText(text: string): string {
  return tidy(text).replace(WRAP_SPACE, '');
}

/** Glossary marks (`ICT*`, `ICT※`, `バリアフリー**`) point to the glossary; they are not part of a name. */
export function stripGlossaryMarks(text: string): string {
  return text.replace(/[*＊※]+/g, '');
}

/** Ruby (furigana) the extraction kept as `舵取り^{かじ}`: a reading aid, not text. */
export function stripRuby(text: string): string {
  return text.replace(/\^\{[^}]*\}/g, '');
}

/** A name for display: HTML fragments and glossary marks removed, wrap spaces joined. */
export function displayName(text: string): string {
  return joinWrappedText(stripGlossaryMarks(stripTags(text)));
}

/** A running text (vision, description, collaboration) as printed, tidied; ruby and HTML fragments removed. */
export function displayText(text: string): string {
  return tidy(stripRuby(stripTags(text)));
}

/** The key to compare a name or text of this document with other documents: glossary marks ignored. */
export function finalPlanKey(text: string): string {
  return matchKey(stripGlossaryMarks(stripRuby(text)));
}
