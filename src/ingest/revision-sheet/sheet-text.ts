import { matchKey, stripTags, tidy } from '../text';

/**
 * Text clean-up for the revision sheets. The extraction kept HTML fragments (`<ul><li>`, `<b>`) and
 * Markdown emphasis (`**台風等による被害**`, which marks what the draft changed); neither is text.
 */

// Kanji, kana, the prolonged-sound mark and Japanese punctuation/brackets.
const JAPANESE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3001-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]`;
// Japanese never puts a space between two Japanese characters: such a space is a PDF wrap artefact.
const WRAP_SPACE = new RegExp(`(?<=${JAPANESE})\\s+(?=${JAPANESE})`, 'gu');

/** A running text as printed: HTML fragments and `**` emphasis removed, white space tidied. */
export function sheetText(text: string): string {
  return tidy(stripTags(text).replace(/\*\*/g, ''));
}

/**
 * A running text ready to store: also the spaces between Japanese characters joined (the PDF wrapped
 * there, or framed a changed phrase: `寄与する 市民提案型事業の周知`). Only for finished values: readers
 * split cells on such spaces first (`【順番の入替】3 name description`).
 */
export function sheetProse(text: string): string {
  return sheetText(text).replace(WRAP_SPACE, '');
}

/** A name for display: also glossary marks (`ICT※`) removed and wrap spaces joined. */
export function sheetName(text: string): string {
  return sheetProse(text.replace(/[*＊※]+/g, '')).trim();
}

/** The key to compare a name with other documents' names: glossary marks ignored. */
export function sheetKey(text: string): string {
  return matchKey(sheetName(text));
}

/** Leading bullet marks of a list line (`●`, `○`, `- `, `・`). */
export function withoutBullet(text: string): string {
  return text.replace(/^(?:[●○・]|-\s)\s*/, '');
}
