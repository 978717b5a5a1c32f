/** A line of a document while extraction noise is removed: its text and the 1-based file line it starts on. */
export interface FileLine {
  readonly text: string;
  readonly fileLine: number;
}

export function isBlankText(text: string): boolean {
  return text.trim() === '';
}
