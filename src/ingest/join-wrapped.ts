/**
 * Two printed lines of one paragraph or cell. Japanese breaks between any two characters and a wrap adds
 * nothing. Latin text breaks at a space, which most PDFs keep at the end of the line; where one did not
 * (a half-width letter or digit on both sides, which no line may break between), it is put back. A
 * full-width letter breaks as Japanese does, so `printed` (the two lines before widths were folded, when
 * known) decides. A `-` bullet whose text went on the next line keeps the space the documents always
 * set after it.
 */
export function joinWrapped(
  text: string,
  next: string,
  printed: { readonly text: string; readonly next: string } = { text, next },
): string {
  if (/^\s*-$/.test(text)) return `${text} ${next}`;
  return /[A-Za-z0-9]$/.test(printed.text) && /^[A-Za-z0-9]/.test(printed.next) ? `${text} ${next}` : `${text}${next}`;
}
