import type { SourceDocument } from './source-document';

/**
 * A run of lines of one document, 1-based and inclusive; empty when `last < first`. Every parser passes
 * the part of a document it reads as one of these (a chapter, an item, a sheet, the plans before a matrix).
 */
export interface LineSpan {
  readonly first: number;
  readonly last: number;
}

export interface NumberedLine {
  readonly n: number;
  readonly text: string;
}

/** The lines of `span`, each with its line number. */
export function linesOf(doc: SourceDocument, span: LineSpan): NumberedLine[] {
  const lines: NumberedLine[] = [];
  for (let n = span.first; n <= span.last; n++) lines.push({ n, text: doc.line(n) });
  return lines;
}
