import DataLoader from 'dataloader';
import { naming, type Cypher } from '../db/cypher';
import type { CypherFile } from '../db/cypher-files';
import type { CypherSource } from '../db/cypher-registry';
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
export type BatchReader = Pick<GraphGateway, 'read' | 'readStatement' | 'statements'>;

/** `primedPage`'s answer when no root statement answered the page (undefined is "answered: none"). */
export const NOT_PRIMED = Symbol('not primed');

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
  private readonly perSelection: SelectionEntries = new WeakMap();
  /** What compiled statements answered, by hop key and node id, for field resolvers to read synchronously. */
  private readonly primedLists = new Map<string, Map<string, NodeProperties[]>>();
  /** Nested pages a root statement answered, by batch key and parent id (undefined: the parent has none). */
  private readonly primedPages = new Map<string, Map<string, PlainRow | undefined>>();
  /** What a nested connection's resolver compiled once it had checked its arguments (see `resolved`). */
  private readonly resolvedSelections: SelectionEntries = new WeakMap();
  /** The batch keys of nested connections a root statement folded in (see `rememberPlanned`). */
  private readonly plannedKeys: SelectionEntries = new WeakMap();
  /** The first resolver call's answer per selection (see `firstOfSelection`). */
  private readonly firstAnswers: SelectionEntries = new WeakMap();
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
   * A multi-hop path (`policy-item/departments`): its fragment (src/read/declared-relationships.ts) wrapped for
   * batching (cypher/projection/path-by-ids.cypher), the same fragment the selection compiler inlines.
   */
  path(found: PathFragment): DataLoader<string, NodeProperties[]> {
    return this.list(`path:${found.path}`, () => pathBatch(this.gateway.statements, found), {});
  }

  /**
   * Records what a compiled statement answered for the hop `key` (src/read/declared-relationships.ts `keyOf`) below
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
   * Records a nested page a root statement answered (`row`, undefined when the parent has none) under its
   * batch key, for `primedPage`. A first answer is never overwritten, as with `primeList`.
   */
  primePage(key: string, parent: string, row: PlainRow | undefined): void {
    let byParent = this.primedPages.get(key);
    if (!byParent) {
      byParent = new Map();
      this.primedPages.set(key, byParent);
    }
    if (!byParent.has(parent)) byParent.set(parent, row);
  }

  /** The nested page a root statement answered for `parent` (a row, or undefined: none), or NOT_PRIMED. */
  primedPage(key: string, parent: string): PlainRow | undefined | typeof NOT_PRIMED {
    const byParent = this.primedPages.get(key);
    return byParent?.has(parent) === true ? byParent.get(parent) : NOT_PRIMED;
  }

  /**
   * Whole rows per key, for batch statements that return more than a node (e.g. collaborators with their
   * shared counts). Same contract: `$ids` in, rows with an `id` column out, in display order.
   */
  rows(statement: CypherFile): DataLoader<string, RowReader[]> {
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
    const found = entryOf(this.perSelection, fieldNodes);
    if (found) return found.value as T;
    const value = make();
    addEntry(this.perSelection, fieldNodes, value);
    return value;
  }

  /**
   * Remembers what a resolver made of a selection after type-graphql converted and validated its
   * arguments: every parent of the selection has the same arguments, so once one parent's resolver ran,
   * the others' may take `resolved` without running the checks again (src/read/primed-pages.ts).
   */
  rememberResolved(fieldNodes: readonly object[], value: unknown): void {
    if (!entryOf(this.resolvedSelections, fieldNodes)) addEntry(this.resolvedSelections, fieldNodes, value);
  }

  /** What `rememberResolved` kept for the selection, or undefined before its resolver first ran. */
  resolved<T>(fieldNodes: readonly object[]): T | undefined {
    return entryOf(this.resolvedSelections, fieldNodes)?.value as T | undefined;
  }

  /**
   * Remembers the batch key (compile-read.ts `batchKey`) under which a root statement that folded a nested
   * connection in primes its pages (`primePage`), by the connection's field nodes, for `plannedKey`.
   */
  rememberPlanned(fieldNodes: readonly object[], key: string): void {
    if (!entryOf(this.plannedKeys, fieldNodes)) addEntry(this.plannedKeys, fieldNodes, key);
  }

  /** The batch key `rememberPlanned` kept for the selection, or undefined when no root folded it in. */
  plannedKey(fieldNodes: readonly object[]): string | undefined {
    return entryOf(this.plannedKeys, fieldNodes)?.value as string | undefined;
  }

  /**
   * The answer of the selection's first resolver call, as a promise (`resolve` runs only when there is
   * none yet: `first` says whether this call made it). graphql-js calls a field's resolver for every parent
   * of a list before any of them settles, so later parents wait on the first to learn whether its arguments
   * passed (src/read/primed-pages.ts).
   */
  firstOfSelection(
    fieldNodes: readonly object[],
    resolve: () => unknown,
  ): { first: boolean; answer: Promise<unknown> } {
    const found = entryOf(this.firstAnswers, fieldNodes);
    if (found) return { first: false, answer: found.value as Promise<unknown> };
    const answer = Promise.resolve(resolve());
    addEntry(this.firstAnswers, fieldNodes, answer);
    return { first: true, answer };
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
    statement: CypherFile | (() => CompiledStatement),
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

/** A selection's entries, by its first field node; each entry's `nodes` are compared node by node. */
type SelectionEntries = WeakMap<object, { readonly nodes: readonly object[]; readonly value: unknown }[]>;

function entryOf(entries: SelectionEntries, fieldNodes: readonly object[]): { readonly value: unknown } | undefined {
  const [first] = fieldNodes;
  return first === undefined ? undefined : entries.get(first)?.find(({ nodes }) => sameNodes(nodes, fieldNodes));
}

function addEntry(entries: SelectionEntries, fieldNodes: readonly object[], value: unknown): void {
  const [first] = fieldNodes;
  if (first === undefined) return;
  const list = entries.get(first);
  if (list) list.push({ nodes: fieldNodes, value });
  else entries.set(first, [{ nodes: fieldNodes, value }]);
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

/** A multi-hop path as the loaders need it: its name and its fragment (src/read/declared-relationships.ts `Hop`). */
export interface PathFragment {
  readonly path: string;
  readonly fragment: (source: CypherSource) => Cypher;
}

/**
 * The batch statement of a path: its fragment inside the wrapper. Named after the files it replaced
 * (`measure/sdgs-by-ids`), so statement logs and metrics keep their names.
 */
export function pathBatch(source: CypherSource, found: PathFragment): CompiledStatement {
  const wrapped = source.part('projection/path-by-ids').bind(naming('hole', { path: found.fragment(source) }));
  return { text: wrapped.render(), origin: `${found.path}-by-ids` };
}
