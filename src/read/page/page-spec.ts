import type { CypherPart } from './cypher-part';
import type { AggregateQuantity } from './aggregate';
import type { NodeLabel } from '../../graph/graph-model';

/**
 * What the page compiler needs to know about one kind of root connection (measures, policy items, …): the
 * parts of cypher/fragments/ it may assemble a page statement from, each a typed handle (cypher-part.ts): a
 * fragment file tsc checks, or a template filled from the kind's declarations. Fragments see the node as `n` (and, with a context, its further variables such as `i`).
 */
export interface PageSpec<OrderField extends string = string, FacetName extends string = string> {
  /** The connection's name, e.g. `measures` (in errors, the cursor's order tag and the statement's origin). */
  readonly name: string;
  /** The label of the listed nodes, which says which properties a page can project (property-demand.ts). */
  readonly label: NodeLabel;
  /**
   * Every node of the label as `n` (`MATCH (n:Measure)`), when no condition can anchor the match; absent for
   * a kind listed only below a parent (plainListKind: nested connections of a type without a root one).
   */
  readonly scan?: CypherPart;
  /**
   * Narrowest first: when a condition on `condition` must hold (not inside `or`/`not`), the statement
   * starts from `anchor`, an index-backed match binding `n` from the same `$value`. An `exact` anchor starts
   * from exactly the nodes the condition holds for, so the condition is not tested again; the others may
   * start from more (a policy item reached through a deleted measure), and the condition sorts them out.
   */
  readonly anchors: readonly { readonly condition: CypherPart; readonly anchor: CypherPart; readonly exact: boolean }[];
  /** Binds further variables for each candidate (e.g. a measure's policy item as `i`). */
  readonly context?: { readonly fragment: CypherPart; readonly variables: readonly string[] };
  /** The sort expression of each order field; null for the field the sortKey orders (codes). */
  readonly orderFields: Readonly<Record<OrderField, CypherPart | null>>;
  /** Each facet's subquery over `matched` (the filtered nodes), returning one list as `facet`. */
  readonly facets: Readonly<Record<FacetName, CypherPart>>;
  /**
   * For a facet whose fragment reads `$value` (the indicators' outlooks read the reference file's years and
   * thresholds), the value, asked for each time the page is compiled; other facets take no parameter.
   */
  readonly facetValues?: Readonly<Partial<Record<FacetName, () => unknown>>>;
  /**
   * The numbers `aggregate` offers besides `count`, by field: each a Quantity fragment over `n` (no context
   * variables), computed over `matched` when selected.
   */
  readonly aggregates: Readonly<Record<string, AggregateQuantity>>;
}
