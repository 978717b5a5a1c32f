import type DataLoader from 'dataloader';
import type { CompiledStatement, GraphGateway, Params } from '../../db/graph-gateway';
import type { PlainRow, PlainValue } from '../../db/plain-values';
import { RowReader } from '../../db/row-reader';
import type { GraphLoaders } from '../graph-loaders';
import type { CypherFile } from '../../db/cypher-files';
import type { CypherSource } from '../../db/cypher-registry';
import { compilePrefetch, PREFETCH_COLUMN, ROOT_NODES_COLUMN } from './compile-prefetch';
import type { CompiledRead, FoldedPage, PlannedPage, RootShape } from './compiled-read';
import { projectedProperties } from './property-demand';
import { primeLoaders, type PagePrimer } from './prime-loaders';
import { planProjections, rootNodeSelection, type PlannedProjection, type RootField } from './selection-plan';

/**
 * A root field's read in its three steps, each a function of its own:
 *
 *   parseSelection   the selection below the root's nodes, as the relationship fields the compiler knows
 *                    (and withNestedPages, nested-pages.ts: the nested connections right below them)
 *   compileRead      the root statement and that plan as ONE statement (src/read/prefetch/compile-prefetch.ts)
 *   executeRead      runs it, primes the loaders with what it answered below the root, returns the root rows
 *
 * A lookup or a short list calls them in a row (load-node.ts, list-by-label.ts); a connection parses its
 * own arguments beside the selection (src/read/page/page-selection.ts) and uses the same compile and
 * execute steps.
 */

/** Step 1's answer: the root field and the relationship fields planned below its nodes (empty: none). */
export interface ParsedSelection {
  readonly info: RootField;
  readonly projections: readonly PlannedProjection[];
  /**
   * The nested connections selected directly below the root's nodes, each compiled as its resolver compiles
   * it (src/read/prefetch/nested-pages.ts); empty until a root field plans them.
   */
  readonly pages: readonly PlannedPage[];
}

/** A root field's own statement: a cypher/ file by name or a statement compiled at run time, and its params. */
export interface RootStatement {
  readonly statement: CypherFile | CompiledStatement;
  readonly params: Params;
  readonly shape: RootShape;
}

export type { CompiledRead, PlannedPage };

/** Step 1: the relationship fields the compiler knows below the root field's nodes. */
export function parseSelection(info: RootField): ParsedSelection {
  const root = rootNodeSelection(info);
  return { info, projections: root ? planProjections(info, root.type, root.fieldNodes) : [], pages: [] };
}

/**
 * Step 2: when the selection asks for relationship fields the compiler knows, they are compiled into the
 * root's statement (its rows then prime the loaders, so the whole selection costs one statement);
 * otherwise the root statement is the read.
 */
export function compileRead(
  source: CypherSource,
  root: RootStatement,
  selection: ParsedSelection | undefined,
): CompiledRead {
  if (!selection || (selection.projections.length === 0 && selection.pages.length === 0))
    return Object.assign({ columns: [] }, root);
  const statement =
    typeof root.statement === 'string' ? { text: source.get(root.statement), origin: root.statement } : root.statement;
  const compiled = compilePrefetch(
    source,
    statement,
    root.shape,
    selection.projections,
    (label) => projectedProperties(selection.info, label, 'related'),
    selection.pages,
  );
  const params = Object.assign({}, root.params, compiled.params);
  return { statement: compiled.statement, params, shape: root.shape, columns: compiled.columns, pages: compiled.pages };
}

/**
 * Step 3: runs the compiled read (with `params`, by default its own) and primes `loaders` with its
 * prefetch. Returns the root statement's rows: for a `list` shape every row (e.g. one per parent of a
 * nested page, the prefetch column beside its own); for a `rows` shape one row per node with only the
 * node column.
 */
export async function executeRead(
  gateway: GraphGateway,
  loaders: GraphLoaders,
  compiled: CompiledRead,
  params: Params = compiled.params,
): Promise<PlainRow[]> {
  const { statement, shape, columns, pages = [] } = compiled;
  const rows =
    typeof statement === 'string'
      ? await gateway.read(statement, params)
      : await gateway.readStatement(statement, params);
  if (columns.length === 0 && pages.length === 0) return rows;
  // A page statement answers one row; a nested page statement one row per parent, each with its prefetch.
  const pagesBelow: PagePrimer = (below, row, parents) => primePages(gateway, loaders, below, row, parents);
  if (columns.length > 0)
    for (const row of rows) primeLoaders(loaders, row[PREFETCH_COLUMN] ?? [], columns, pagesBelow);
  const nodesColumn = shape.kind === 'list' ? shape.column : ROOT_NODES_COLUMN;
  // One row, or one per parent of a nested page: each row's nodes have their pages in that row.
  if (pages.length > 0) for (const row of rows) primePages(gateway, loaders, pages, row, idsOf(row[nodesColumn]));
  const nodes = rows[0]?.[nodesColumn];
  if (shape.kind === 'list') return rows;
  return Array.isArray(nodes) ? nodes.map((node) => ({ [shape.column]: node })) : [];
}

/**
 * Hands each folded nested connection's pages to the loader its resolver reads (parentPages, under the same
 * key), one per root node: a parent with nothing to list has no row, which is that loader's answer too.
 */
function primePages(
  gateway: GraphGateway,
  loaders: GraphLoaders,
  pages: readonly FoldedPage[],
  row: PlainRow,
  parents: readonly string[],
): void {
  for (const { column, key, compiled, rowColumns } of pages) {
    const loader = parentPages(gateway, loaders, { key, compiled });
    const byParent = new Map(
      new RowReader(row).listedRows(column, rowColumns).map((entry) => [entry.string('parent'), entry.values]),
    );
    for (const parent of parents) {
      const page = byParent.get(parent);
      loader.prime(parent, page);
      loaders.primePage(key, parent, page);
      if (page && compiled.columns.length > 0)
        primeLoaders(loaders, page[PREFETCH_COLUMN] ?? [], compiled.columns, (below, pageRow, ids) =>
          primePages(gateway, loaders, below, pageRow, ids),
        );
      // The pages folded below this page's nodes, in its row (compile-prefetch.ts pageColumnsOf).
      if (page && compiled.pages)
        primePages(gateway, loaders, compiled.pages, page, idsOf(page[compiled.shape.column]));
    }
  }
}

/** The ids of the root's nodes (maps or nodes, each with its `id`). */
function idsOf(nodes: PlainValue | undefined): string[] {
  return Array.isArray(nodes) ? nodes.map((node) => new RowReader({ node }).projected('node').string('id')) : [];
}

/**
 * The question a nested page asks, as text: parents asking the same one share a statement. Made once per
 * compiled read (every parent's resolver asks for it; the statement text is over a kilobyte).
 */
export function batchKey(compiled: Pick<CompiledRead, 'statement' | 'params'>): string {
  let key = batchKeys.get(compiled);
  if (key === undefined) {
    const { statement, params } = compiled;
    key = `${typeof statement === 'string' ? statement : statement.text}\n${JSON.stringify(params)}`;
    batchKeys.set(compiled, key);
  }
  return key;
}

const batchKeys = new WeakMap<object, string>();

/**
 * The loader of a nested connection's pages, one row per parent (the `parent` column): parents asking the
 * same question share it, so their pages come from one statement; a root statement that folded the
 * question in primes it (primePages).
 */
export function parentPages(
  gateway: GraphGateway,
  loaders: GraphLoaders,
  { key, compiled }: { readonly key: string; readonly compiled: CompiledRead },
): DataLoader<string, PlainRow | undefined> {
  return loaders.parentRows(key, (parents) =>
    executeRead(gateway, loaders, compiled, Object.assign({}, compiled.params, { parents: [...parents] })),
  );
}
