/** What the page's last write did: recorded a revision of a year, or retracted a year's record. */
export interface WriteNotice {
  readonly subjectId: string;
  readonly action: 'saved' | 'retractDone';
  readonly fiscalYear: number | null;
  readonly revision: number | null;
}

/**
 * The outcome of the page's last write, kept outside the components: a write makes the view read its data
 * again (a fresh mount), and the person must still be told what happened, in the language shown then.
 */
let notice: WriteNotice | null = null;

export function leaveNotice(next: WriteNotice): void {
  notice = next;
}

/** The notice for this subject, once: it is shown after the re-read and then forgotten. */
export function takeNotice(subjectId: string): WriteNotice | null {
  if (notice === null || notice.subjectId !== subjectId) return null;
  const taken = notice;
  notice = null;
  return taken;
}
