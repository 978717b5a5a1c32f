import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ErrorCode, hasPublicCode } from '../../core/errors';
import { sendErrorJson } from '../http/localized-errors';
import type { Logger } from '../observability/logger';
import type { Config } from '../../core/config';
import { connectionArguments, type ConnectionArguments } from './connection-arguments';
import { headerOf, type ExportKind } from './export-column';
import { ExportError } from './export-error';
import { EXPORT_KINDS } from './export-kinds';
import { exportPages, type RunOperation } from './export-operation';
import { writeRows } from './export-rows';
import { readExportParameters } from './export-parameters';
import { csvSink } from './csv-sink';
import type { SheetLayout } from './row-sink';
import { xlsxSink } from './xlsx-sink';
import { quotedInput } from '../../core/quoted-input';
import { contentDisposition, dayInJapan, type DownloadNameParts } from './download-name';

/** The most rows one connection page may have (the connections' own `first` limit). */
export const EXPORT_PAGE_SIZE = 100;

/**
 * The `close` listeners a streamed download's response may hold at once. The front hangs one per concern on
 * every response (access line, span, drain on stop, connection close on stop, the listener's in-flight count,
 * express's on-finished), and `stream.pipeline` adds its own end-of-stream hooks to the response it writes to:
 * eleven in all, past Node's default warning threshold of ten, so every download printed a
 * MaxListenersExceededWarning. None of them is per row, so the count does not grow with the file; a bound
 * well above it, rather than none, keeps Node's leak warning for a hook that would be added per row.
 */
const PIPED_RESPONSE_CLOSE_LISTENERS = 20;

// The settings' type belongs to the configuration (config.ts reads EXPORT_MAX_ROWS); callers may take it from here.
/** The export route's settings: EXPORT_MAX_ROWS, and the rows asked for per connection page (at most 100). */
export type ExportSettings = Config['export'] & { readonly pageSize?: number };

/** How the route reaches the rest of the service. */
export interface ExportDeps {
  readonly schema: GraphQLSchema;
  readonly settings: ExportSettings;
  /**
   * Signs the request in as /graphql does (refusing it with UNAUTHENTICATED when it must and cannot) and gives
   * a way to run operations as that caller, within the request's budget.
   */
  readonly operationsFor: (request: Request) => Promise<{ readonly run: RunOperation; readonly requestId: string }>;
  /** Each export's summary (kind, format, rows, pages, time) and its failures. */
  readonly logger: Logger;
  /** Runs each page's operation (tracing wraps it in a span); the operation alone when absent. */
  readonly tracePage?: ExportPageTracer;
}

/** Runs `work`, the operation of one page of an export (`index` 1 for the first), and returns its answer. */
export type ExportPageTracer = <T>(
  page: { readonly kind: string; readonly format: string; readonly index: number },
  work: () => Promise<T>,
) => Promise<T>;

const FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8; header=present', sink: csvSink },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sink: xlsxSink },
} as const;
type Format = keyof typeof FORMATS;

const FILE_NAME = /^([a-z-]+)\.(csv|xlsx)$/;

/**
 * `GET /export/<kind>.<csv|xlsx>`: runs the kind's root connection through the service's own GraphQL server
 * (so the filter, its validation, the query limits and the request's budget are exactly the API's) and
 * writes each page's rows out before asking for the next. Anything wrong before the first byte is a JSON
 * error with the API's code; a failure while streaming cuts the connection, so a client never takes a
 * truncated file for a whole one.
 */
export function serveExport(deps: ExportDeps): RequestHandler {
  const pageSize = Math.min(deps.settings.pageSize ?? EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE);
  const argumentsByConnection = new Map<string, ConnectionArguments>();
  const argumentsOf = (connection: string): ConnectionArguments => {
    let found = argumentsByConnection.get(connection);
    if (!found) {
      found = connectionArguments(deps.schema, connection);
      argumentsByConnection.set(connection, found);
    }
    return found;
  };
  return (request, response) => {
    const progress: ExportProgress = { startedAt: Date.now(), requestId: '', streaming: false };
    runExport({ deps, argumentsOf, pageSize }, request, response, progress).catch((error: unknown) =>
      answerFailure(deps.logger, response, progress, error),
    );
  };
}

/** How far an export got: what its failure answer depends on. */
interface ExportProgress {
  readonly startedAt: number;
  requestId: string;
  /** Headers sent: from here only a cut connection can tell the client the file is incomplete. */
  streaming: boolean;
}

interface ExportRoute {
  readonly deps: ExportDeps;
  readonly argumentsOf: (connection: string) => ConnectionArguments;
  readonly pageSize: number;
}

async function runExport(
  { deps, argumentsOf, pageSize }: ExportRoute,
  request: Request,
  response: Response,
  progress: ExportProgress,
): Promise<void> {
  const { kind, format } = exportTarget(String(request.params.file));
  const operations = await deps.operationsFor(request);
  progress.requestId = operations.requestId;
  response.setHeader('x-request-id', operations.requestId);
  const connection = argumentsOf(kind.connection);
  const parameters = readExportParameters(new URL(request.originalUrl, 'http://localhost').searchParams, connection);
  const runPage = tracedPages(deps.tracePage, operations.run, kind.name, format);
  const pages = exportPages(runPage, kind, connection, parameters.variables, pageSize);
  const first = await pages.next();
  refuseOverLimit(kind, first.done ? 0 : first.value.totalCount, deps.settings.maxRows);
  const layout: SheetLayout = {
    title: kind.title[parameters.header],
    headers: kind.columns.map((column) => headerOf(column, parameters.header)),
    types: kind.columns.map((column) => column.type),
  };
  response.status(200);
  response.setHeader('content-type', FORMATS[format].contentType);
  response.setHeader('content-disposition', contentDisposition(downloadParts(kind, format, request)));
  response.setHeader('cache-control', 'no-store');
  progress.streaming = true;
  response.setMaxListeners(Math.max(response.getMaxListeners(), PIPED_RESPONSE_CLOSE_LISTENERS));
  const sink = FORMATS[format].sink(response, layout);
  const { written, pagesRead } = await writeRows(response, sink, kind, pages, first, deps.settings.maxRows);
  deps.logger.info(
    {
      event: 'export',
      requestId: progress.requestId,
      kind: kind.name,
      format,
      rows: written,
      pages: pagesRead,
      durationMs: Date.now() - progress.startedAt,
    },
    `export ${kind.name}.${format}: ${written} rows in ${pagesRead} pages`,
  );
}

/** Each page's operation, in a span of its own when tracing is on (`index` 1 for the first page). */
function tracedPages(tracePage: ExportPageTracer | undefined, run: RunOperation, kind: string, format: string) {
  if (tracePage === undefined) return run;
  let pageIndex = 0;
  const traced: RunOperation = (query, variables) =>
    tracePage({ kind, format, index: (pageIndex += 1) }, () => run(query, variables));
  return traced;
}

/**
 * Nodes times the most rows one node gives: a kind with several rows per node is refused while it could exceed
 * the limit, never cut short without a word.
 */
function refuseOverLimit(kind: ExportKind<never>, nodes: number, maxRows: number): void {
  const totalCount = nodes * (kind.rowsPerNode ?? 1);
  if (totalCount > maxRows) {
    throw new ExportError(
      ErrorCode.RESPONSE_TOO_LARGE,
      `The export would have ${kind.rowsPerNode === undefined ? '' : 'up to '}${totalCount} rows; the limit is ${maxRows} (EXPORT_MAX_ROWS). ` +
        'Narrow the filter.',
    );
  }
}

/** A failed export's answer: a JSON error before the first byte, a cut connection after it. */
function answerFailure(logger: Logger, response: Response, progress: ExportProgress, error: unknown): void {
  const { requestId } = progress;
  const refusal = asExportError(error);
  if (!progress.streaming) {
    if (refusal) {
      sendErrorJson(response.req, response, refusal.status, refusal.toJSON());
      return;
    }
    // A fault of the service: logged once with the request id the client gets, masked as the API masks it.
    logger.error({ event: 'error.masked', requestId, err: error }, 'export failed');
    sendErrorJson(response.req, response, 500, {
      error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error', requestId },
    });
    return;
  }
  // Headers and rows are out: only a cut connection tells the client the file is incomplete.
  if (!response.destroyed) {
    logger.warn(
      { event: 'export.stopped', requestId, reason: refusal?.message ?? String(error) },
      'export stopped while streaming',
    );
    response.destroy();
  }
}

/** The download's name: the kind's titles, the flat filter parameters' values as given, and today in Japan. */
function downloadParts(kind: ExportKind<never>, format: Format, request: Request): DownloadNameParts {
  const search = new URL(request.originalUrl, 'http://localhost').searchParams;
  const notFilterValues = new Set(['filter', 'orderBy', 'header']);
  return {
    title: kind.title.ja,
    asciiTitle: kind.name,
    filterValues: [...search.entries()].filter(([key]) => !notFilterValues.has(key)).map(([, value]) => value),
    filteredOtherwise: search.has('filter'),
    day: dayInJapan(new Date()),
    format,
  };
}

function exportTarget(file: string): { kind: ExportKind<never>; format: Format } {
  const match = FILE_NAME.exec(file);
  const kind = match?.[1] === undefined ? undefined : EXPORT_KINDS.get(match[1]);
  if (!match || !kind) {
    const files = [...EXPORT_KINDS.keys()].flatMap((name) => Object.keys(FORMATS).map((format) => `${name}.${format}`));
    throw new ExportError(ErrorCode.NOT_FOUND, `no export ${quotedInput(file)}; exports are ${files.join(', ')}`);
  }
  return { kind, format: match[2] as Format };
}

/** Our refusals, and errors of the API's public codes (a refused sign-in), as the JSON answer they get. */
function asExportError(error: unknown): ExportError | undefined {
  if (error instanceof ExportError) return error;
  if (error instanceof GraphQLError && hasPublicCode(error)) {
    return new ExportError(String(error.extensions.code), error.message);
  }
  return undefined;
}
