/** A line of a document while extraction noise is removed: its text and the 1-based file line it starts on. */
export interface FileLine {
  readonly text: string;
  readonly fileLine: number;
  /**
   * The text as printed, before full-width digits and Latin letters were folded (character for character,
   * so positions match): a layout-mode table is aligned on the printed widths (`space-columns.ts`).
   */
  readonly printed?: string;
}

export function isBlankText(text: string): boolean {
  return text.trim() === '';
}
