import type { GraphQLResolveInfo } from 'graphql';
import type { CompiledStatement, Params } from '../../db/graph-gateway';
import type { PlainRow, PlainValue } from '../../db/plain-values';
import { RowReader } from '../../db/row-reader';
import type { NodeProperties } from '../graph-loaders';
import { toConnection, type ConnectionShape } from '../../common/connection';
import { decodePosition, encodeCursor, encodePositionCursor, type CursorPosition, type SortValue } from './cursor';
import { projectionsOf, readRoot, type RootSelection } from '../prefetch/read-root';
import type { RequestContext } from '../request-context';

/** The order a page is sorted by, as its cursors know it (see cursor.ts). */
export interface PageOrder {
  /** Names the order in cursors made for it (`measures:NAME.ASC`). */
  readonly tag: string;
  /** Sort keys before the sortKey tiebreak; 0 is the default order (codes). */
  readonly keyCount: number;
  /** The order in words, for the message refusing a cursor of another order. */
  readonly described: string;
}

export const DEFAULT_ORDER: PageOrder = { tag: '', keyCount: 0, described: 'code' };

/** A page with the facet counts its statement computed (null when none were asked for). */
export type Page<T> = ConnectionShape<T> & { readonly facets: Readonly<Record<string, PlainValue>> | null };

/** `first`/`after` of a connection. */
export interface Slice {
  readonly first: number;
  readonly after?: string | null;
}

/** One page to fetch: root or nested, from a cypher/ file or a compiled statement. */
export interface PageRequest<T> {
  /** The request's gateway and loaders (the context). */
  readonly ctx: Pick<RequestContext, 'gateway' | 'loaders'>;
  readonly statement: string | CompiledStatement;
  /** The statement's own parameters (a compiled page's conditions); the slice's are added here. */
  readonly params: Params;
  readonly slice: Slice;
  readonly map: (node: NodeProperties) => T;
  /** The order the statement sorts by (default: codes). */
  readonly order?: PageOrder;
  /**
   * The connection field being resolved: the relationship fields selected below the page's nodes are
   * fetched in the same statement (src/read/prefetch/). Without it the statement runs as it is.
   */
  readonly info?: GraphQLResolveInfo;
  /**
   * For a nested connection: the parent whose page this is. The statement then answers one row per parent
   * (column `parent`) for the parents in `$parents`; parents asking the same question in one request share
   * one loader, so their pages come from one statement (no N+1).
   */
  readonly parentId?: string;
}

/**
 * Runs a page statement and shapes the result as a connection, for root and nested pages alike. The
 * statement is a cypher/ file by name or one compiled at run time (src/read/page/compile-page.ts); its
 * contract: params `$afterKey` (sortKey to continue after), `$afterValues` (the cursor's sort values),
 * `$limit` (page size + 1) and `$after` (the same as `$afterKey`, for statements of the default order);
 * columns `totalCount` and `pageNodes`, optionally `pagePositions` (each node's sort values) and `facets`
 * (and `parent` for a nested page). One statement per page (per batch of parents): the total, the page and
 * the facets come from the same match, so they cannot disagree. Given `info`, the relationship fields
 * selected below the page's nodes are fetched in that same statement.
 */
export async function fetchPage<T extends { sortKey: string }>(request: PageRequest<T>): Promise<Page<T>> {
  const { ctx, statement, slice, map, info, parentId } = request;
  const order = request.order ?? DEFAULT_ORDER;
  const position = afterPosition(slice.after, order);
  const params = Object.assign({}, request.params, sliceParams(position, slice.first));
  const selection = info ? { info, loaders: ctx.loaders } : undefined;
  const root = { statement, params, shape: PAGE_SHAPE };
  const row =
    parentId === undefined
      ? (await readRoot(ctx.gateway, root, selection))[0]
      : await ctx.loaders
          .parentRows(
            `${typeof statement === 'string' ? statement : statement.text}\n${JSON.stringify(params)}\n${planKey(selection)}`,
            (parents) =>
              readRoot(
                ctx.gateway,
                Object.assign({}, root, { params: Object.assign({}, params, { parents: [...parents] }) }),
                selection,
              ),
          )
          .load(parentId);
  return toPage(row, slice.first, slice.after, map, order, { projected: typeof statement !== 'string' });
}

/** What a selection prefetches, as text: parents whose selections differ must not share a statement. */
function planKey(selection: RootSelection | undefined): string {
  return selection ? JSON.stringify(projectionsOf(selection)) : '';
}

/** The position an `after` cursor holds, checked against the page's order (null without a cursor). */
export function afterPosition(after: string | null | undefined, order: PageOrder): CursorPosition | null {
  return after === null || after === undefined
    ? null
    : decodePosition(after, order.tag, order.keyCount, order.described);
}

/** The slice parameters of the page-statement contract (see fetchPage). */
export function sliceParams(position: CursorPosition | null, first: number): Params {
  return {
    after: position?.sortKey ?? null,
    afterKey: position?.sortKey ?? null,
    afterValues: position?.values ?? [],
    limit: first + 1,
  };
}

/** One result row of a page statement as a page (an absent row is an empty page). */
export function toPage<T extends { sortKey: string }>(
  row: PlainRow | undefined,
  first: number,
  after: string | null | undefined,
  map: (node: NodeProperties) => T,
  order: PageOrder,
  { projected }: { readonly projected: boolean } = { projected: false },
): Page<T> {
  const reader = new RowReader(row ?? {});
  // A compiled page projects only the properties the operation reads (src/read/page/compile-page.ts).
  const items = (projected ? reader.projections('pageNodes') : reader.maps('pageNodes')).map(map);
  const positions = (row?.pagePositions ?? []) as SortValue[][];
  const cursorOf = (node: T, index: number) =>
    order.keyCount === 0
      ? encodeCursor(node.sortKey)
      : encodePositionCursor(order.tag, { values: positions[index] ?? [], sortKey: node.sortKey });
  const connection = toConnection({ items, totalCount: row ? reader.number('totalCount') : 0 }, first, after, cursorOf);
  const facets = row?.facets;
  return Object.assign({}, connection, {
    facets: facets !== null && typeof facets === 'object' && !Array.isArray(facets) ? facets : null,
  });
}

/** The page statement's contract: one row, its nodes in the `pageNodes` list. */
const PAGE_SHAPE = { kind: 'list', column: 'pageNodes' } as const;
