import type { GraphQLFormattedError } from 'graphql';
import type { ConnectionArguments } from './connection-arguments';
import type { ExportKind } from './export-column';
import { ExportError } from './export-error';

/** One GraphQL answer, as the service's own Apollo server gives it for an operation run inside the process. */
export interface OperationAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** Runs one operation through the service's front door (limits, budget, the request's viewer). */
export type RunOperation = (query: string, variables: Record<string, unknown>) => Promise<OperationAnswer>;

/** One page of the connection: its nodes and the total over all pages. */
export interface ExportPage {
  readonly totalCount: number;
  readonly nodes: readonly unknown[];
}

/** The field the document aliases the connection to, whichever connection it is. */
const PAGE = 'page';

/**
 * The query an export pages through: the kind's root connection with the caller's filter (and `orderBy` when
 * the connection has one), asking for the kind's selection. Variable types are the schema's own names.
 */
export function exportDocument(kind: ExportKind<never>, argumentsOf: ConnectionArguments): string {
  const order = argumentsOf.orderBy
    ? { variable: `, $orderBy: ${String(argumentsOf.orderBy)}`, argument: ', orderBy: $orderBy' }
    : { variable: '', argument: '' };
  return `query Export($filter: ${argumentsOf.filter.name}${order.variable}, $first: Int!, $after: String) {
  ${PAGE}: ${kind.connection}(filter: $filter${order.argument}, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { ${kind.selection} }
  }
}`;
}

/**
 * The connection's pages in order, each fetched only when the previous one has been written out, so an
 * export holds one page at a time. A GraphQL error ends the walk as an ExportError with the API's code and
 * message.
 */
export async function* exportPages(
  run: RunOperation,
  kind: ExportKind<never>,
  argumentsOf: ConnectionArguments,
  variables: Record<string, unknown>,
  pageSize: number,
): AsyncGenerator<ExportPage, void, undefined> {
  const document = exportDocument(kind, argumentsOf);
  const filterKeys = new Set(Object.keys(argumentsOf.filter.getFields()));
  let after: string | null = null;
  for (;;) {
    const answer = await run(document, { ...variables, first: pageSize, after });
    const firstError = answer.errors?.[0];
    if (firstError) throw ExportError.fromGraphQL(firstError, filterKeys);
    const page = answer.data?.[PAGE] as
      | { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] }
      | undefined;
    if (!page) throw new ExportError('INTERNAL_SERVER_ERROR', 'the connection answered without a page');
    yield { totalCount: page.totalCount, nodes: page.nodes };
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return;
    after = page.pageInfo.endCursor;
  }
}
