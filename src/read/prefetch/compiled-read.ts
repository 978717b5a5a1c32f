import type { Cypher } from '../../db/cypher';
import type { CypherFile } from '../../db/cypher-files';
import type { CompiledStatement, Params } from '../../db/graph-gateway';
import type { NodeLabel } from '../../graph/graph-model';
import type { Hop } from '../declared-relationships';

// The shapes a root read takes once compiled, shared by the planner (selection-plan.ts, nested-pages.ts),
// the compiler (compile-prefetch.ts) and the priming of its answer (execute-read.ts, prime-loaders.ts).

/**
 * How the root statement hands over its nodes: `list` — one row whose `column` holds the list of nodes (a
 * page statement's `pageNodes`); `rows` — one row per node, the node (or its property map) in `column`.
 * `lookAhead`: the list's entry past `$limit - 1` is only there to tell whether a next page exists (a page
 * asks for one node more than it shows), so nothing is read below it. `nodes` (rows): the root statement
 * is a template that returns its node itself as well where its ROOT_ENTITY hole is filled
 * (src/graph/root-entity.ts), so the relationships below start from it, not from a seek by id.
 */
export type RootShape = {
  readonly kind: 'list' | 'rows';
  readonly column: string;
  readonly lookAhead?: true;
  readonly nodes?: true;
};

/** A planned projection with the result column that carries it. */
export interface ColumnPlan {
  readonly hop: Hop;
  readonly label?: NodeLabel | undefined;
  readonly column: string;
  readonly children: readonly ColumnPlan[];
  /** The nested connections folded in below the related nodes, each in a column beside this one. */
  readonly pages: readonly FoldedPage[];
  /**
   * What each related node's entry holds, in order, when it is a list (a known label: its projected
   * properties, then its children's and pages' columns); absent when it is a map (no known label). A map
   * repeated these names for every node, and the driver unpacked each one as a string and defined it as a
   * property of a fresh object, about a quarter of its work on a page with its relationships.
   */
  readonly fields?: readonly string[];
}

/** A root read compiled: the one statement to run, its parameters, and where its rows prime the loaders. */
export interface CompiledRead {
  readonly statement: CypherFile | CompiledStatement;
  readonly params: Params;
  readonly shape: RootShape;
  /** The prefetched relationship columns (empty: the root statement runs as it is). */
  readonly columns: readonly ColumnPlan[];
  /** The nested connections folded into the statement, each in a column of its own (absent: none). */
  readonly pages?: readonly FoldedPage[];
}

/** A nested connection's page statement for every parent, as its resolver would run it (nested-pages.ts). */
export interface PlannedPage {
  /** The question as the resolver's batch knows it (batchKey): the priming of the root's answer uses it. */
  readonly key: string;
  readonly compiled: CompiledRead & { readonly statement: ComposedStatement };
}

/** A statement composed from parts (src/db/cypher.ts), which a root statement can fold in by binding names. */
export type ComposedStatement = CompiledStatement & { readonly cypher: Cypher };

export function isComposed(statement: CypherFile | CompiledStatement): statement is ComposedStatement {
  return typeof statement !== 'string' && statement.cypher !== undefined;
}

/** A nested connection folded into a root statement: its column and its parameters, renamed for it. */
export interface FoldedPage extends PlannedPage {
  readonly column: string;
  readonly params: Params;
  /**
   * What each entry of the column holds, in order: one list per parent (its page statement's columns), not
   * a map, which repeated these names for every parent and had the driver unpack each one as a string.
   */
  readonly rowColumns: readonly string[];
}
