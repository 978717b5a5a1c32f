import type { CypherFile } from '../../db/cypher-files';
import type { Params } from '../../db/graph-gateway';
import type { PlainRow, PlainValue } from '../../db/plain-values';
import { FIGURES } from './compile-page';
import { RowReader } from '../../db/row-reader';
import { NumberAggregate } from './number-aggregate.type';
import type { NodeProperties } from '../graph-loaders';
import { toConnection, type ConnectionShape } from './connection';
import { encodeCursor, encodePositionCursor, type SortValue } from './cursor';
import { afterPosition, DEFAULT_ORDER, type PageOrder, type Slice } from './page-arguments';
import { PAGE_SHAPE, sliceParams } from './page-statement';
import { batchKey } from '../prefetch/compile-read';
import type { CompiledRead } from '../prefetch/compiled-read';
import { executeRead, parentPages } from '../prefetch/execute-read';
import type { RequestContext } from '../request-context';

/** A page with the facet counts its statement computed (null when none were asked for). */
export type Page<T> = ConnectionShape<T> & { readonly facets: Readonly<Record<string, PlainValue>> | null };

/** A page statement of cypher/ (a fixed file such as `audit/page`) to fetch as it is. */
export interface PageRequest<T> {
  /** The request's gateway and loaders (the context). */
  readonly ctx: Pick<RequestContext, 'gateway' | 'loaders'>;
  readonly statement: CypherFile;
  /** The statement's own parameters; the slice's are added here. */
  readonly params: Params;
  readonly slice: Slice;
  readonly map: (node: NodeProperties) => T;
}

/**
 * A page statement's contract, for root and nested pages alike. The statement is a cypher/ file by name or
 * one compiled at run time (src/read/page/compile-page.ts); params `$afterKey` (sortKey to continue after),
 * `$afterValues` (the cursor's sort values), `$limit` (page size + 1) and `$after` (the same as `$afterKey`,
 * for statements of the default order); columns `totalCount` and `pageNodes`, optionally `pagePositions`
 * (each node's sort values) and `facets` (and `parent` for a nested page). One statement per page (per
 * batch of parents): the total, the page and the facets come from the same match, so they cannot disagree.
 */
export async function fetchPage<T extends { sortKey: string }>(request: PageRequest<T>): Promise<Page<T>> {
  const { ctx, statement, slice, map } = request;
  const params = Object.assign({}, request.params, sliceParams(afterPosition(slice.after, DEFAULT_ORDER), slice.first));
  const [row] = await executeRead(ctx.gateway, ctx.loaders, { statement, params, shape: PAGE_SHAPE, columns: [] });
  return toPage(row, slice.first, slice.after, map, DEFAULT_ORDER);
}

/**
 * The third step of reading a connection's page: runs the compiled read (compile-page-read.ts) and shapes
 * its row as the page. For a nested connection (`parentId`), parents asking the same question (the same
 * statement and parameters) share one loader, so their pages come from one statement (no N+1), or none:
 * the root's statement answered them when the connection is right below the root's nodes (nested-pages.ts).
 */
export async function executePage<T extends { sortKey: string }>(
  ctx: Pick<RequestContext, 'gateway' | 'loaders'>,
  compiled: CompiledRead,
  selection: PageReading,
  map: (node: NodeProperties) => T,
  parentId?: string,
): Promise<Page<T>> {
  const { gateway, loaders } = ctx;
  const row =
    parentId === undefined
      ? (await executeRead(gateway, loaders, compiled))[0]
      : await parentPages(gateway, loaders, { key: batchKey(compiled), compiled }).load(parentId);
  return pageOfRow(row, selection, map, parentId);
}

/** What a compiled page needs to read its rows: the selection's slice, order and facets. */
export type PageReading = { readonly slice: Slice; readonly pageOrder: PageOrder; readonly facets: readonly string[] };

/** A compiled page statement's row (a root's, or one parent's) as the page (see executePage). */
export function pageOfRow<T extends { sortKey: string }>(
  row: PlainRow | undefined,
  { slice, pageOrder, facets }: PageReading,
  map: (node: NodeProperties) => T,
  parentId?: string,
): Page<T> {
  const page = toPage(row, slice.first, slice.after, map, pageOrder, { projected: true });
  // A parent with nothing matching has no row; its facets are the empty counts of an empty set.
  return parentId !== undefined && page.facets === null
    ? Object.assign({}, page, { facets: Object.fromEntries(facets.map((name) => [name, []])) })
    : page;
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
    aggregate: { count: connection.totalCount, values: aggregatesOf(row?.aggregates) },
  });
}

/**
 * The `aggregates` column (by asked figure, the list compile-page.ts `figureList` returns: count, min, max,
 * average, sum of the nodes that have the number) as the figures `aggregate` answers: all null when no node
 * has it (Cypher's sum would say 0).
 */
function aggregatesOf(column: PlainValue | undefined): Record<string, NumberAggregate> {
  if (column === null || column === undefined || typeof column !== 'object' || Array.isArray(column)) return {};
  const figures: Record<string, NumberAggregate> = {};
  for (const [key, value] of Object.entries(column)) {
    const listed = Array.isArray(value) ? value : [];
    const reader = new RowReader(Object.fromEntries(FIGURE_NAMES.map((name, at) => [name, listed[at] ?? null])));
    figures[key] =
      reader.number('count') === 0
        ? NumberAggregate.EMPTY
        : Object.assign(new NumberAggregate(), {
            min: reader.number('min'),
            max: reader.number('max'),
            average: reader.number('average'),
            sum: reader.number('sum'),
          });
  }
  return figures;
}

/** The names of figureList's entries, in its order. */
const FIGURE_NAMES = Object.keys(FIGURES);
