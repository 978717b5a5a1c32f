import type { AnchorHop } from './anchor';

/**
 * A kind's relationship fields, declared with its attributes, anchors and facets (`<kind>.properties.ts`): each
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
