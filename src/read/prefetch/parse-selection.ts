import type { PlannedPage } from './compiled-read';
import { planProjections, rootNodeSelection, type PlannedProjection, type RootField } from './selection-plan';

/**
 * A root field's read in its three steps, each a function of its own and a file of its own, each importing
 * only the steps before it (scripts/check-layers.js holds src/read/ to it, from the steps its README lists):
 *
 *   parseSelection   here: the selection below the root's nodes, as the relationship fields the compiler
 *                    knows (and withNestedPages, nested-pages.ts: the nested connections right below them)
 *   compileRead      compile-read.ts: the root statement and that plan as ONE statement (compile-prefetch.ts)
 *   executeRead      execute-read.ts: runs it, primes the loaders with what it answered below the root,
 *                    returns the root rows
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

/** Step 1: the relationship fields the compiler knows below the root field's nodes. */
export function parseSelection(info: RootField): ParsedSelection {
  const root = rootNodeSelection(info);
  return { info, projections: root ? planProjections(info, root.type, root.fieldNodes) : [], pages: [] };
}
