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

/** At most this many parses in all: each open row doubles the readings a document that never reads could try. */
const MAX_PARSES = 256;

type Outcome<T> = { readonly value: T } | { readonly error: unknown };

/**
 * Parses the documents (`parse`) as first read and, where a PDF's print leaves a row's boundary open
 * (`PdfReadings`: a page's first row framed as a new row may be the rest of the row before), by what the rows
 * say. When the parse stops on such a page (the row at its top) or on the page before it (the row at that
 * page's foot, which the break cut), the document is read with that row going on from the page before. A
 * reading the parse gets past the stop with is followed on (and left again if it ends where nothing reads);
 * one that stops where the first did, or before, is not. A stop that no reading gets past is refused with both
 * readings of the row whose other reading got furthest (`UndecidedRowError`); a stop some reading got past,
 * with where the furthest of them stopped in turn.
 */
export function parseEitherReading<T>(documents: Documents, parse: (documents: Documents) => T): T {
  let parses = 0;
  const attempt = (tried: Documents): Outcome<T> => {
    parses += 1;
    try {
      return { value: parse(tried) };
    } catch (error) {
      return { error };
    }
  };
  const search = (
    current: Documents,
    goingOn: ReadonlyMap<SourceRole, ReadonlySet<number>>,
    error: unknown,
  ): Outcome<T> => {
    const page = error instanceof ParseError ? error.where.page : undefined;
    const role = (Object.keys(documents) as SourceRole[]).find(
      (key) => error instanceof ParseError && documents[key]?.name === error.where.document,
    );
    const readings = role === undefined ? undefined : documents[role]?.readings;
    if (!(error instanceof ParseError) || page === undefined || role === undefined || readings === undefined)
      return { error };
    const read = goingOn.get(role) ?? new Set<number>();
    let notPastIt: { readonly page: number; readonly error: ParseError } | undefined;
    const further: unknown[] = [];
    for (const open of [page, page + 1].filter((at) => readings.framedTops.includes(at) && !read.has(at))) {
      if (parses >= MAX_PARSES) break;
      const rows = new Set([...read, open]);
      const tried = { ...current, [role]: readings.reading(rows) };
      const result = attempt(tried);
      if ('value' in result) return result;
      if (result.error instanceof ParseError && notPast(result.error, error)) {
        // Of the readings that do not get past, the one that gets as far as the stop names the row in question.
        if (notPastIt === undefined || position(result.error) > position(notPastIt.error))
          notPastIt = { page: open, error: result.error };
        continue;
      }
      const deeper = search(tried, new Map(goingOn).set(role, rows), result.error);
      if ('value' in deeper) return deeper;
      further.push(deeper.error);
    }
    if (further.length > 0) return { error: furthest(further) };
    // Both readings stopping on the same words: the row's boundary is not what stops the parse there.
    if (notPastIt === undefined || notPastIt.error.message === error.message) return { error };
    return { error: new UndecidedRowError(error, notPastIt.error, notPastIt.page) };
  };
  const first = attempt(documents);
  const outcome = 'value' in first ? first : search(documents, new Map(), first.error);
  if ('value' in outcome) return outcome.value;
  throw outcome.error;
}

/** Whether `next` stopped the parse of the same document where `stop` did, or before it. */
function notPast(next: ParseError, stop: ParseError): boolean {
  if (next.where.document !== stop.where.document) return false;
  return position(next) <= position(stop);
}

/** Where a parse error stopped, as one number that grows through the document (page, then line). */
function position(error: ParseError): number {
  return (error.where.page ?? 0) * 1_000_000 + error.where.line;
}

/** Of the refusals of readings that got past a stop, the one that got furthest (another document's: past all). */
function furthest(errors: readonly unknown[]): unknown {
  return errors.reduce((best, next) =>
    !(next instanceof ParseError) || (best instanceof ParseError && position(next) > position(best)) ? next : best,
  );
}
