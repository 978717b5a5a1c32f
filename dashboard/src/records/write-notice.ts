/**
 * The outcome of the page's last write, kept outside the components: a write makes the view read its data
 * again (a fresh mount), and the person must still be told what happened.
 */
let notice: { readonly subjectId: string; readonly text: string } | null = null;

export function leaveNotice(subjectId: string, text: string): void {
  notice = { subjectId, text };
}

/** The notice for this subject, once: it is shown after the re-read and then forgotten. */
export function takeNotice(subjectId: string): string | null {
  if (notice === null || notice.subjectId !== subjectId) return null;
  const { text } = notice;
  notice = null;
  return text;
}
