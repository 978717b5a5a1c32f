/**
 * What the extraction left around the words: HTML fragments, Markdown emphasis, ruby and glossary marks.
 * None of it is text; each parser removes what its document carries.
 */

/** Remove HTML fragments that survived the PDF extraction (`<ul><li>`, `<p>`, `<b>`, `<br>`). */
export function stripTags(text: string): string {
  // Only real HTML tag names: `‹令和6年度計画変更>` and similar bracketed text is content, not markup.
  return text.replace(/<\/?(?:ul|ol|li|p|b|i|u|br|strong|em|span|div|table|tr|td|th)\b[^>]*>/gi, ' ');
}

/** Markdown emphasis (`**台風等による被害**`), which the revision sheets use to mark what the draft changed. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*/g, '');
}

/** Ruby (furigana) the extraction kept as `舵取り^{かじ}`: a reading aid, not text. */
export function stripRuby(text: string): string {
  return text.replace(/\^\{[^}]*\}/g, '');
}

/** Glossary marks (`ICT*`, `ICT※`, `バリアフリー**`) point to the glossary; they are not part of a name. */
export function stripGlossaryMarks(text: string): string {
  return text.replace(/[*＊※]+/g, '');
}
