import type { FiscalYear } from './fiscal-year.type';
import type { Source } from './source.type';

/** Provenance of a stored node: every node has sourceDocument and sourceLine (the loader checks), a PDF's a page. */
export function sourceOf(p: {
  readonly sourceDocument: string;
  readonly sourcePage?: number | null;
  readonly sourceLine: number;
}): Source {
  return { document: p.sourceDocument, page: p.sourcePage ?? null, line: p.sourceLine };
}

/** A fiscal year from its two stored halves, or null when the node has none. */
export function fiscalYearOf(label: string | null, year: number | null): FiscalYear | null {
  return label !== null && year !== null ? { label, year } : null;
}
