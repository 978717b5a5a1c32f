import type { CompiledStatement, GraphGateway, Params } from '../../db/graph-gateway';
import type { PlainRow, PlainValue } from '../../db/plain-values';
import { RowReader } from '../../db/row-reader';
import type { NodeProperties } from '../graph-loaders';
import { toConnection, type ConnectionShape } from '../../common/connection';
import { decodePosition, encodeCursor, encodePositionCursor, type CursorPosition, type SortValue } from './cursor';
import { readRoot, type RootSelection } from '../prefetch/read-root';

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

/**
 * Runs a page statement and shapes the result as a connection. The statement is a cypher/ file by name or
 * one compiled at run time (src/read/page/compile-page.ts); its contract: params `$afterKey` (sortKey to continue
 * after), `$afterValues` (the cursor's sort values), `$limit` (page size + 1) and `$after` (the same as
 * `$afterKey`, for statements of the default order); columns `totalCount` and `pageNodes`, optionally
 * `pagePositions` (each node's sort values) and `facets`. One statement per page: the total, the page and
 * the facets come from the same match, so they cannot disagree. Given the root field's `selection`, the
 * relationship fields selected below the page's nodes are fetched in that same statement (src/read/prefetch/).
 */
export async function fetchPage<T extends { sortKey: string }>(
  gateway: GraphGateway,
  statement: string | CompiledStatement,
  filter: Params,
  first: number,
  after: string | null | undefined,
  map: (node: NodeProperties) => T,
  order: PageOrder = DEFAULT_ORDER,
  selection?: RootSelection,
): Promise<Page<T>> {
  const position = afterPosition(after, order);
  const params = { ...filter, ...sliceParams(position, first) };
  const [row] = await readRoot(gateway, { statement, params, shape: PAGE_SHAPE }, selection);
  return toPage(row, first, after, map, order, { projected: typeof statement !== 'string' });
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
  return {
    ...connection,
    facets: facets !== null && typeof facets === 'object' && !Array.isArray(facets) ? facets : null,
  };
}

/** The page statement's contract: one row, its nodes in the `pageNodes` list. */
const PAGE_SHAPE = { kind: 'list', column: 'pageNodes' } as const;
