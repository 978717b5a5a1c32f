import type { GraphGateway, Params } from '../db/graph-gateway';
import { RowReader } from '../db/row-reader';
import type { NodeProperties } from '../graph/graph-loaders';
import { toConnection, type ConnectionShape } from './connection';
import { decodeCursor } from './cursor';

/**
 * Runs a `<feature>/page.cypher` statement (contract: params `$after` sortKey and `$limit`, columns
 * `totalCount` and `pageNodes`) and shapes the result as a connection. One statement per page: the
 * total and the page come from the same match, so they cannot disagree.
 */
export async function fetchPage<T extends { sortKey: string }>(
  gateway: GraphGateway,
  statement: string,
  filter: Params,
  first: number,
  after: string | null | undefined,
  map: (node: NodeProperties) => T,
): Promise<ConnectionShape<T>> {
  const afterKey = after === null || after === undefined ? null : decodeCursor(after);
  const [row] = await gateway.read(statement, { ...filter, after: afterKey, limit: first + 1 });
  const reader = new RowReader(row ?? {});
  const items = reader.maps('pageNodes').map(map);
  return toConnection({ items, totalCount: row ? reader.number('totalCount') : 0 }, first, after);
}
