import DataLoader from 'dataloader';
import type { GraphGateway, Params } from '../db/graph-gateway';
import type { PlainRow } from '../db/plain-values';
import { RowReader } from '../db/row-reader';
import type { RelationshipType } from './graph-model';

/** A node's properties as stored (id, sortKey, sourceDocument, sourceLine and the kind's own). */
export type NodeProperties = RowReader;

/** What the loaders need of the gateway: batch reads (so a test can hand them a recording stand-in). */
export type BatchReader = Pick<GraphGateway, 'read'>;

/**
 * The per-request DataLoaders, one per relationship type and direction (and one per derived path), all
 * built lazily on first use.
 *
 * Contract of every batch statement (cypher/graph/*, cypher/<feature>/*-by-ids.cypher): it takes `$ids`
 * and returns rows `(id, node)`, `id` being the key asked for, already in display order. The batch
 * function groups rows by key and answers in the order of the keys, `[]` (or null) for keys without rows —
 * DataLoader's rule of one answer per key, same length, same order.
 */
export class GraphLoaders {
  private readonly lists = new Map<string, DataLoader<string, NodeProperties[]>>();
  private readonly rowLists = new Map<string, DataLoader<string, RowReader[]>>();
  readonly node: DataLoader<string, NodeProperties | null>;

  constructor(private readonly gateway: BatchReader) {
    this.node = new DataLoader(async (ids) => {
      const groups = groupByKey(await gateway.read('graph/nodes-by-id', { ids: [...ids] }));
      return ids.map((id) => groups.get(id)?.[0] ?? null);
    });
  }

  /** Nodes that `id`'s relationships of `type` point to (e.g. HAS_MEASURE from a policy item). */
  outgoing(type: RelationshipType): DataLoader<string, NodeProperties[]> {
    return this.list(`out:${type}`, 'graph/outgoing', { type });
  }

  /** Nodes whose relationships of `type` point at `id` (e.g. HAS_MEASURE into a measure: its item). */
  incoming(type: RelationshipType): DataLoader<string, NodeProperties[]> {
    return this.list(`in:${type}`, 'graph/incoming', { type });
  }

  /**
   * The one node pointing at `id` through `type`, for relationships every node of a kind has exactly one
   * of (a measure's item, an indicator's item). Missing means the graph broke its own model.
   */
  async parent(type: RelationshipType, id: string): Promise<NodeProperties> {
    const [parent] = await this.incoming(type).load(id);
    if (!parent) throw new Error(`${id} has no incoming ${type} relationship`);
    return parent;
  }

  /** The one node `id` points to through `type` (a reform sheet's area). */
  async child(type: RelationshipType, id: string): Promise<NodeProperties> {
    const [child] = await this.outgoing(type).load(id);
    if (!child) throw new Error(`${id} has no outgoing ${type} relationship`);
    return child;
  }

  /** A multi-hop path with its own batch statement (e.g. `policy-item/departments-by-ids`). */
  path(statement: string, params: Params = {}): DataLoader<string, NodeProperties[]> {
    return this.list(`path:${statement}:${JSON.stringify(params)}`, statement, params);
  }

  /**
   * Whole rows per key, for batch statements that return more than a node (e.g. collaborators with their
   * shared counts). Same contract: `$ids` in, rows with an `id` column out, in display order.
   */
  rows(statement: string): DataLoader<string, RowReader[]> {
    let loader = this.rowLists.get(statement);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const groups = new Map<string, RowReader[]>();
        for (const row of await this.gateway.read(statement, { ids: [...ids] })) {
          const reader = new RowReader(row);
          const id = reader.string('id');
          groups.set(id, [...(groups.get(id) ?? []), reader]);
        }
        return ids.map((id) => groups.get(id) ?? []);
      });
      this.rowLists.set(statement, loader);
    }
    return loader;
  }

  private list(key: string, statement: string, params: Params): DataLoader<string, NodeProperties[]> {
    let loader = this.lists.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const groups = groupByKey(await this.gateway.read(statement, { ...params, ids: [...ids] }));
        return ids.map((id) => groups.get(id) ?? []);
      });
      this.lists.set(key, loader);
    }
    return loader;
  }
}

function groupByKey(rows: readonly PlainRow[]): Map<string, NodeProperties[]> {
  const groups = new Map<string, NodeProperties[]>();
  for (const row of rows) {
    const reader = new RowReader(row);
    const id = reader.string('id');
    const node = reader.map('node');
    const group = groups.get(id);
    if (group) group.push(node);
    else groups.set(id, [node]);
  }
  return groups;
}
