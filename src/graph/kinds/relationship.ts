import type { AnchorHop } from './anchor';

/**
 * A kind's relationship fields, declared with its attributes, anchors and facets (`<kind>.kind.ts`): each
 * field is the path from the kind's node to the nodes it lists, hop by hop, written as anchors and facets write
 * theirs (anchor.ts). Everything the read engine needs follows from the path (src/read/declared-relationships.ts):
 * a path of one hop of one type is answered by the graph/outgoing|incoming loaders and templates, a longer one
 * by the template cypher/projection/path.cypher (or path-unless-deleted.cypher) with its hops written in, and the
 * most nodes the field can list (the query-cost rule) is the product of its hops' fan-outs.
 *
 * Deleted measures: a measure the next plan drops stays in the graph marked DELETED and is listed only when
 * asked for (docs/analysts.md). A path that goes on past a measure lists what the plan links through it, so it
 * passes only kept measures: its measure hop declares `unlessDeleted` (anchor.ts). The paths through SUPPORTS
 * do not: no sheet supports a deleted measure, and the filter would read every measure's status for nothing
 * (docs/benchmarks.md); tests/unit/read/deleted-measure-paths.test.ts fails the day one does. A field that lists
 * the measures (or projects) themselves says `deletable` instead: it takes `includeDeleted`, and leaves deleted
 * ones out in its hop unless that is true.
 */
export interface RelationshipDeclaration {
  /** The hops from the kind's node to the listed nodes: every hop but the last names the label it reaches. */
  readonly along: readonly AnchorHop[];
  /** The listed nodes may be deleted in the next plan: the field lists them only with `includeDeleted: true`. */
  readonly deletable?: true;
  /**
   * Another path chosen by an argument's value (Department.reformSheets' `role`: EXECUTING follows EXECUTES
   * alone); any other value walks `along`.
   */
  readonly byArgument?: {
    readonly name: string;
    readonly paths: Readonly<Record<string, readonly AnchorHop[]>>;
  };
  /**
   * The GraphQL field the read engine answers by itself (src/read/relationship-fields.ts): its type is the
   * class of the label the path reaches. Absent: a resolver method written by hand answers the field (an
   * argument of its own, such as `role`).
   */
  readonly field?: RelationshipFieldDeclaration;
  /**
   * The kind's connection is filtered by the related nodes' keys: the filter fields `<field>`, `<field>All` and
   * `<field>None`, described so. Their anchor (from the related nodes by their key, the path walked back) and
   * condition follow from the path (relationship-pages.ts), as the other declared anchors' do.
   */
  readonly filter?: string;
  /**
   * The kind's connection counts a facet per SDG through the related nodes: the path followed by the reached
   * kind's own path to its SDGs (its facet `sdgs`), a field of the `<Label>Facets` type named and described so.
   */
  readonly sdgFacet?: { readonly name: string; readonly description: string };
}

/** What a relationship adds to its kind's connection besides its field: a filter, a facet. */
export type RelationshipOptions = Pick<RelationshipDeclaration, 'filter' | 'sdgFacet'>;

/**
 * What a relationship field is besides its path: how many nodes it gives and whether its `<field>Connection`
 * takes its kind's filter, order and facets. A list always gets its connection; a deletable one (`alongDeletable`)
 * takes `includeDeleted`, in the list and in the connection's filter.
 */
export interface RelationshipFieldDeclaration {
  /** The field's description in the schema. */
  readonly description: string;
  /** `one`: the one node every parent has (a measure's policy item); `many`: a list. */
  readonly cardinality: 'one' | 'many';
  /**
   * A list whose `<field>Connection` pages the reached label's paged kind: its filter (the any, all and none
   * forms of its declared relationships), order, facets and aggregates. Without: paged in code order.
   */
  readonly paged?: true;
}

/** A kind's relationship fields by their GraphQL name. */
export type Relationships = Readonly<Record<string, RelationshipDeclaration>>;

export function declareRelationships<const R extends Relationships>(relationships: R): R {
  return relationships;
}

/** A field that walks `hops` from the kind's node. */
export const along = (...hops: AnchorHop[]): RelationshipDeclaration => ({ along: hops });

/** A field listing nodes the next plan may delete (measures, projects), along `hops`. */
export const alongDeletable = (...hops: AnchorHop[]): RelationshipDeclaration => ({ along: hops, deletable: true });

/** The relationship as the field of the one node every parent has (a measure's policy item). */
export const single = <const O extends RelationshipOptions = object>(
  declaration: RelationshipDeclaration,
  description: string,
  options?: O,
): RelationshipDeclaration & O => asField(declaration, { description, cardinality: 'one' }, options);

/** The relationship as a list field, with its `<field>Connection` in code order. */
export const listed = <const O extends RelationshipOptions = object>(
  declaration: RelationshipDeclaration,
  description: string,
  options?: O,
): RelationshipDeclaration & O => asField(declaration, { description, cardinality: 'many' }, options);

/**
 * The relationship as a list field whose `<field>Connection` takes the filter, order and facets of the reached
 * label's paged kind (measures, policy items, indicators, reform sheets).
 */
export const paged = <const O extends RelationshipOptions = object>(
  declaration: RelationshipDeclaration,
  description: string,
  options?: O,
): RelationshipDeclaration & O => asField(declaration, { description, cardinality: 'many', paged: true }, options);

/** The path with its field and what it adds to its kind's connection (the options' own type kept, for tsc). */
function asField<O extends RelationshipOptions>(
  declaration: RelationshipDeclaration,
  field: RelationshipFieldDeclaration,
  options: O | undefined,
): RelationshipDeclaration & O {
  return Object.assign({}, declaration, options, { field });
}
