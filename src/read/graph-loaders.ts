import DataLoader from 'dataloader';
import type { CompiledStatement, GraphGateway, Params } from '../db/graph-gateway';
import type { PlainRow } from '../db/plain-values';
import { RowReader } from '../db/row-reader';
import type { RelationshipType } from '../graph/graph-model';

/** A node's properties as stored (id, sortKey, sourceDocument, sourceLine and the kind's own). */
export type NodeProperties = RowReader;

/**
 * What the loaders need of the gateway: batch reads by name and compiled, and the text of cypher/ files to
 * compile path batches from (so a test can hand them a recording stand-in).
 */
export type BatchReader = Pick<GraphGateway, 'read' | 'readStatement' | 'statementText'>;

/**
 * The per-request DataLoaders, one per relationship type and direction (and one per derived path), all
 * built lazily on first use.
 *
 * Contract of every batch statement (cypher/graph/*, the path batches, cypher/<feature>/*-by-ids.cypher): it takes `$ids`
 * and returns rows `(id, node)`, `id` being the key asked for, already in display order. The batch
 * function groups rows by key and answers in the order of the keys, `[]` (or null) for keys without rows —
 * DataLoader's rule of one answer per key, same length, same order.
 */
export class GraphLoaders {
  private readonly lists = new Map<string, DataLoader<string, NodeProperties[]>>();
  private readonly rowLists = new Map<string, DataLoader<string, RowReader[]>>();
  private readonly parentRowLoaders = new Map<string, DataLoader<string, PlainRow | undefined>>();
  /** By the first field node; each entry's `nodes` are compared node by node (see oncePerSelection). */
  private readonly perSelection = new WeakMap<
    object,
    { readonly nodes: readonly object[]; readonly value: unknown }[]
  >();
  /** What compiled statements answered, by hop key and node id, for field resolvers to read synchronously. */
  private readonly primedLists = new Map<string, Map<string, NodeProperties[]>>();
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
   * A multi-hop path (`policy-item/departments`): its fragment cypher/projection/<path>.cypher wrapped for
   * batching (cypher/projection/path-by-ids.cypher), the same fragment the selection compiler inlines.
   */
  path(path: string): DataLoader<string, NodeProperties[]> {
    return this.list(`path:${path}`, () => pathBatch((name) => this.gateway.statementText(name), path), {});
  }

  /**
   * Records what a compiled statement answered for the hop `key` (src/read/relationships.ts `keyOf`) below
   * the node `id`, for `primedList`. Like DataLoader's `prime`, a first answer is never overwritten (any
   * later one is the same data).
   */
  primeList(key: string, id: string, nodes: NodeProperties[]): void {
    let byId = this.primedLists.get(key);
    if (!byId) {
      byId = new Map();
      this.primedLists.set(key, byId);
    }
    if (!byId.has(id)) byId.set(id, nodes);
  }

  /** The nodes a compiled statement answered for the hop `key` below `id`, or undefined when none did. */
  primedList(key: string, id: string): NodeProperties[] | undefined {
    return this.primedLists.get(key)?.get(id);
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

  /**
   * What `make` gives for a selection (a field's field nodes), made once per request. graphql-js hands every
   * parent of a list the same field nodes, so the same arguments: a nested connection's parse and compile
   * (src/read/nested-connection.ts) is the same for all of them, and doing it again for each parent was most
   * of what a nested page cost the service. The nodes are compared one by one rather than as one array, so
   * a root that planned the connection ahead of its resolver (src/read/prefetch/nested-pages.ts, from its
   * own collection of the same nodes) hands its compile to the resolver.
   */
  oncePerSelection<T>(fieldNodes: readonly object[], make: () => T): T {
    const [first] = fieldNodes;
    if (first === undefined) return make();
    let entries = this.perSelection.get(first);
    if (!entries) {
      entries = [];
      this.perSelection.set(first, entries);
    }
    const found = entries.find(({ nodes }) => sameNodes(nodes, fieldNodes));
    if (found) return found.value as T;
    const value = make();
    entries.push({ nodes: fieldNodes, value });
    return value;
  }

  /**
   * One row per parent of a statement answering many parents at once (a nested connection's pages, column
   * `parent`), the loader named by `key` (the statement and its parameters: the same question). Rows of
   * parents nobody asked for are dropped; a parent without a row gets undefined.
   */
  parentRows(
    key: string,
    read: (parents: readonly string[]) => Promise<PlainRow[]>,
  ): DataLoader<string, PlainRow | undefined> {
    let loader = this.parentRowLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (parents) => {
        const byParent = new Map((await read(parents)).map((row) => [new RowReader(row).string('parent'), row]));
        return parents.map((parent) => byParent.get(parent));
      });
      this.parentRowLoaders.set(key, loader);
    }
    return loader;
  }

  private list(
    key: string,
    statement: string | (() => CompiledStatement),
    params: Params,
  ): DataLoader<string, NodeProperties[]> {
    let loader = this.lists.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const batch = Object.assign({}, params, { ids: [...ids] });
        const rows =
          typeof statement === 'string'
            ? await this.gateway.read(statement, batch)
            : await this.gateway.readStatement(statement(), batch);
        const groups = groupByKey(rows);
        return ids.map((id) => groups.get(id) ?? []);
      });
      this.lists.set(key, loader);
    }
    return loader;
  }
}

function sameNodes(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((node, at) => node === b[at]);
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

/**
 * The batch statement of a path: its fragment inside the wrapper. Named after the files it replaced
 * (`measure/sdgs-by-ids`), so statement logs and metrics keep their names.
 */
export function pathBatch(source: (name: string) => string, path: string): CompiledStatement {
  return {
    text: source('projection/path-by-ids').replace('{path}', source(`projection/${path}`)),
    origin: `${path}-by-ids`,
  };
}
