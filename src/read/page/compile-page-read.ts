import type { Cypher } from '../../db/cypher';
import type { CypherSource } from '../../db/cypher-registry';
import { compileRead } from '../prefetch/compile-read';
import type { CompiledRead } from '../prefetch/compiled-read';
import { compileCountsPage } from './compile-counts-page';
import { compilePage } from './compile-page';
import type { Condition } from './condition';
import { PAGE_SHAPE, sliceParams } from './page-statement';
import type { PageSelection } from './page-selection';
import type { PageSpec } from './page-spec';

/**
 * The second step of reading a connection's page: the filter's condition tree, the order, the selected
 * facets and the slice as one page statement (compile-page.ts), with the relationship fields selected
 * below the page's nodes compiled into it (src/read/prefetch/). With a `scope` (a nested connection) it
 * answers one row per parent of `$parents`, which the execution step adds.
 */
export function compilePageRead<F extends string, Facet extends string>(
  source: CypherSource,
  spec: PageSpec<F, Facet>,
  condition: Condition,
  selection: PageSelection<F, Facet>,
  scope?: Cypher,
): CompiledRead {
  // Only counts and figures: a statement that aggregates as it matches (compile-counts-page.ts).
  if (!selection.listsItems && selection.facets.length === 0) {
    const counts = compileCountsPage(source, spec, condition, selection.aggregates, scope);
    return compileRead(
      source,
      { statement: counts.statement, params: counts.params, shape: PAGE_SHAPE },
      selection.below,
    );
  }
  const { statement, params } = compilePage(
    source,
    spec,
    condition,
    selection.order,
    selection.facets,
    selection.properties,
    scope,
    selection.aggregates,
  );
  const slice = sliceParams(selection.position, selection.slice.first);
  // No item is read (facets only): the statement lists none (`[0..0]`), its total, facets and figures unchanged.
  const limit = selection.listsItems ? {} : { limit: 0 };
  return compileRead(
    source,
    { statement, params: Object.assign({}, params, slice, limit), shape: PAGE_SHAPE },
    selection.below,
  );
}
