import type { PlainRow, PlainValue } from '../../db/plain-values';
import { RowReader } from '../../db/row-reader';
import type { GraphLoaders } from '../graph-loaders';
import { primeHop } from '../declared-relationships';
import type { ColumnPlan, FoldedPage } from './compiled-read';

/**
 * Primes the loaders of nested connections folded below a projection's nodes: their pages in `row` (its
 * columns), for the `parents` (the projection's node ids). See execute-read.ts primePages.
 */
export type PagePrimer = (pages: readonly FoldedPage[], row: PlainRow, parents: readonly string[]) => void;

/**
 * Hands the compiled statement's `prefetch` rows to the per-request loaders: for every node, each planned
 * relationship's nodes become that loader's answer for the node's id (DataLoader `prime`), at every level,
 * and the pages folded below them go to `primePages`. The field resolvers then find the answer without a
 * round trip: primed fields (src/read/primed-fields.ts) synchronously, any other resolver through its
 * loader. A key already loaded keeps its answer (`prime` never overwrites), which is the same data.
 */
export function primeLoaders(
  loaders: GraphLoaders,
  prefetch: PlainValue,
  columns: readonly ColumnPlan[],
  primePages: PagePrimer,
): void {
  for (const entry of new RowReader({ prefetch }).maps('prefetch')) {
    primeBelow(loaders, entry.string('id'), entry, columns, primePages);
  }
}

function primeBelow(
  loaders: GraphLoaders,
  id: string,
  entry: RowReader,
  columns: readonly ColumnPlan[],
  primePages: PagePrimer,
): void {
  for (const { hop, column, children, pages, fields } of columns) {
    // Each row is a related node's projected properties with its own children's columns beside them.
    const nodes = fields ? entry.listedProjections(column, fields) : entry.projections(column);
    primeHop(loaders, hop, id, nodes);
    if (pages.length > 0)
      primePages(
        pages,
        entry.values,
        nodes.map((node) => node.string('id')),
      );
    if (children.length === 0) continue;
    for (const node of nodes) primeBelow(loaders, node.string('id'), node, children, primePages);
  }
}
