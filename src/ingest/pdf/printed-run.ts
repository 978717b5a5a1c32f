import type { ContentPlace } from './tagged-structure';

/** A run of text as a PDF page prints it: left and right edge and baseline (up from the page's foot), in points. */
export interface PrintedRun {
  readonly text: string;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly size: number;
  /** Where a tagged PDF puts the run (a table cell, a paragraph); null when untagged or outside both. */
  readonly place: ContentPlace | null;
}
