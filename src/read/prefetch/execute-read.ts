import type DataLoader from 'dataloader';
import type { GraphGateway, Params } from '../../db/graph-gateway';
import type { PlainRow, PlainValue } from '../../db/plain-values';
import { RowReader } from '../../db/row-reader';
import type { GraphLoaders } from '../graph-loaders';
import { PREFETCH_COLUMN, ROOT_NODES_COLUMN } from './compile-prefetch';
import type { CompiledRead, FoldedPage } from './compiled-read';
import { primeLoaders, type PagePrimer } from './prime-loaders';

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
  if (pages.length > 0)
    for (const row of rows) primePages(gateway, loaders, pages, row, shownIds(compiled, row[nodesColumn], params));
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
        primePages(
          gateway,
          loaders,
          compiled.pages,
          page,
          shownIds(compiled, page[compiled.shape.column], compiled.params),
        );
    }
  }
}

/**
 * The ids of the nodes a read shows: a page's look-ahead node (past `$limit - 1`) had nothing read below it
 * (compile-prefetch.ts), so its pages must not be primed as empty: the same question about the same node,
 * shown elsewhere in the operation, would read that.
 */
function shownIds(compiled: CompiledRead, nodes: PlainValue | undefined, params: Params): string[] {
  const ids = idsOf(nodes);
  const limit = Number(params['limit']);
  return compiled.shape.lookAhead === true && Number.isInteger(limit) && limit > 0 ? ids.slice(0, limit - 1) : ids;
}

/** The ids of the root's nodes (maps or nodes, each with its `id`). */
function idsOf(nodes: PlainValue | undefined): string[] {
  return Array.isArray(nodes) ? nodes.map((node) => new RowReader({ node }).projected('node').string('id')) : [];
}

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
