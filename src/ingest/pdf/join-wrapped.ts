/**
 * Two printed lines of one paragraph or cell. Japanese breaks between any two characters and a wrap adds
 * nothing. Latin text breaks at a space, which most PDFs keep at the end of the line; where one did not
 * (a letter or digit on both sides), it is put back.
 */
export function joinWrapped(text: string, next: string): string {
  return /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? `${text} ${next}` : `${text}${next}`;
}
