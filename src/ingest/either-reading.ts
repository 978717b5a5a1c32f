import type { SourceRole } from './merge/read-documents';
import { ParseError } from './parse-error';
import { formatRef, type SourceDocument } from './source-document';

type Documents = Partial<Record<SourceRole, SourceDocument>>;

/**
 * A PDF page whose first row neither reading reads: framed as a new row (as printed), nor taken as the rest of
 * the row a page break cut on the page before. The message gives where each reading stopped, and why.
 */
export class UndecidedRowError extends ParseError {
  constructor(
    readonly asNewRow: ParseError,
    readonly asRowGoingOn: ParseError,
    page: number,
  ) {
    super(asNewRow.where, asNewRow.expected, asNewRow.found);
    this.message =
      `${formatRef(asNewRow.where)}: the first row of p. ${page} is framed as a new row of the table going on from ` +
      `p. ${page - 1}, and may be the rest of p. ${page - 1}'s last row (cut by the page break); neither reading ` +
      `reads. As a new row, ${withinDocument(asNewRow)}; as the rest of the row before, ${withinDocument(asRowGoingOn)}`;
  }
}

/** A parse error's message without its document's name: `p. 4 line 24: expected …`. */
function withinDocument(error: ParseError): string {
  return error.message.startsWith(`${error.where.document} `)
    ? error.message.slice(error.where.document.length + 1)
    : error.message;
}

/**
 * Parses the documents (`parse`) as first read and, where a PDF's print leaves a row's boundary open
 * (`PdfReadings`: a page's first row framed as a new row may be the rest of the row before), by what the rows
 * say: when the parse stops on such a page, the document is read again with that row going on from the page
 * before, and parsed again. Each page is tried both ways once, in page order as the parse meets them; a page
 * that stops the parse both ways is refused with both readings (`UndecidedRowError`).
 */
export function parseEitherReading<T>(documents: Documents, parse: (documents: Documents) => T): T {
  let current = documents;
  const goingOn = new Map<SourceRole, Set<number>>();
  const asNewRow = new Map<string, ParseError>();
  for (;;) {
    try {
      return parse(current);
    } catch (error) {
      const page = error instanceof ParseError ? error.where.page : undefined;
      const role = (Object.keys(documents) as SourceRole[]).find(
        (key) => error instanceof ParseError && documents[key]?.name === error.where.document,
      );
      const readings = role === undefined ? undefined : documents[role]?.readings;
      if (!(error instanceof ParseError) || page === undefined || role === undefined || readings === undefined)
        throw error;
      const tried = goingOn.get(role) ?? new Set<number>();
      // The parse stopped on, or before, a page already read the other way: neither reading of it reads.
      const undecided = [...tried].filter((at) => at >= page).sort((a, b) => a - b)[0];
      const first = undecided === undefined ? undefined : asNewRow.get(`${role}/${undecided}`);
      if (undecided !== undefined && first !== undefined) throw new UndecidedRowError(first, error, undecided);
      if (!readings.framedTops.includes(page)) throw error;
      asNewRow.set(`${role}/${page}`, error);
      tried.add(page);
      goingOn.set(role, tried);
      current = { ...current, [role]: readings.reading(tried) };
    }
  }
}
