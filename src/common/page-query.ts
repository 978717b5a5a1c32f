import type { GraphGateway, Params } from '../db/graph-gateway';
import { readRoot, type RootSelection } from '../engine/read-root';
import { RowReader } from '../db/row-reader';
import type { NodeProperties } from '../graph/graph-loaders';
import { toConnection, type ConnectionShape } from './connection';
import { decodeCursor } from './cursor';

/**
 * Runs a `<feature>/page.cypher` statement (contract: params `$after` sortKey and `$limit`, columns
 * `totalCount` and `pageNodes`) and shapes the result as a connection. One statement per page: the
 * total and the page come from the same match, so they cannot disagree. Given the root field's
 * `selection`, the relationship fields selected below the page's nodes are fetched in that same statement
 * (src/engine/).
 */
export async function fetchPage<T extends { sortKey: string }>(
  gateway: GraphGateway,
  statement: string,
  filter: Params,
  first: number,
  after: string | null | undefined,
  map: (node: NodeProperties) => T,
  selection?: RootSelection,
): Promise<ConnectionShape<T>> {
  const afterKey = after === null || after === undefined ? null : decodeCursor(after);
  const params = { ...filter, after: afterKey, limit: first + 1 };
  const [row] = await readRoot(gateway, { statement, params, shape: PAGE_SHAPE }, selection);
  const reader = new RowReader(row ?? {});
  const items = reader.maps('pageNodes').map(map);
  return toConnection({ items, totalCount: row ? reader.number('totalCount') : 0 }, first, after);
}

/** The page statement's contract: one row, its nodes in the `pageNodes` list. */
const PAGE_SHAPE = { kind: 'list', column: 'pageNodes' } as const;
