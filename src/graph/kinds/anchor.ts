import { RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../graph-model';

/**
 * The relationships a kind is filtered by, declared with its attributes (`<kind>.kind.ts`): for each
 * condition with an anchor (PageSpec.anchors), the related nodes `a` the filter names and the path from them
 * to the kind's node `n`, hop by hop. The page compiler starts a statement there, from an index on `a`; the
 * Cypher is one of two templates filled from this (src/read/page/declared-anchors.ts), instead of a file per
 * kind and condition.
 */

/**
 * One hop on the way from `a` to `n`: the relationship types followed (several: any of them), `out` of the
 * node before (`-[:T]->`) or `in` to it (`<-[:T]-`), to a node of `to`; the last hop arrives at `n` (no `to`).
 */
export interface AnchorHop {
  readonly direction: 'out' | 'in';
  readonly types: readonly RelationshipType[];
  readonly to?: NodeLabel;
  /**
   * The hop passes only nodes the next plan keeps: a node marked DELETED (a measure the revision drops) ends
   * the way there. A relationship path going on past a measure declares it on the hop reaching the measure
   * (relationship.ts says when it need not); the relationship's fragment tests it, anchors and facets do not
   * read it yet.
   */
  readonly unlessDeleted?: true;
}

/** A hop out of the node before: `-[:T]->(:To)`. */
export const outTo = (types: RelationshipType | readonly RelationshipType[], to?: NodeLabel): AnchorHop =>
  hopOf('out', types, to);

/** A hop into the node before: `<-[:T]-(:To)`. */
export const inFrom = (types: RelationshipType | readonly RelationshipType[], to?: NodeLabel): AnchorHop =>
  hopOf('in', types, to);

/** The same hop, passing only the nodes the next plan keeps (a measure marked DELETED stops it). */
export const unlessDeleted = (hop: AnchorHop): AnchorHop => Object.assign({}, hop, { unlessDeleted: true as const });

/**
 * The hops of a path walked the other way: from its end back to the node it started from. A path declared
 * once serves both directions (a measure's SDGs, an SDG's measures); which nodes a hop passes (`unlessDeleted`)
 * is said again for the direction walked, since the hop reaching a node is another one.
 */
export function reversedHops(hops: readonly AnchorHop[]): AnchorHop[] {
  return hops
    .map((hop, at): AnchorHop => {
      const before = hops[at - 1]?.to;
      const direction = hop.direction === 'out' ? 'in' : 'out';
      return before === undefined ? { direction, types: hop.types } : { direction, types: hop.types, to: before };
    })
    .reverse();
}

/**
 * A path going on past the end of `path` along `then`: the hop that ended it now names the label it reaches
 * (read from its relationship type), as every hop but a path's last does.
 */
export function followedBy(path: readonly AnchorHop[], ...then: AnchorHop[]): AnchorHop[] {
  const last = path.at(-1);
  if (last === undefined) return then;
  return [...path.slice(0, -1), Object.assign({}, last, { to: reachedBy(last) }), ...then];
}

/** The label a hop reaches, read from its (first) relationship type and its direction. */
export function reachedBy(hop: AnchorHop): NodeLabel {
  const [type] = hop.types;
  if (type === undefined) throw new Error('a hop follows at least one relationship type');
  return hop.direction === 'out' ? RELATIONSHIP_TYPES[type].to : RELATIONSHIP_TYPES[type].from;
}

/** The path with its last hop passing only the nodes the next plan keeps. */
export function unlessDeletedAtEnd(path: readonly AnchorHop[]): AnchorHop[] {
  const last = path.at(-1);
  return last === undefined ? [] : [...path.slice(0, -1), unlessDeleted(last)];
}

function hopOf(
  direction: AnchorHop['direction'],
  types: RelationshipType | readonly RelationshipType[],
  to: NodeLabel | undefined,
): AnchorHop {
  const list = typeof types === 'string' ? [types] : types;
  return to === undefined ? { direction, types: list } : { direction, types: list, to };
}

/**
 * Where an anchor starts: nodes of `from` whose `key` is one of the filter's values (an index on the key), or
 * fields by their numbers, each sought by its id (`field:5`, the unique constraint: one seek per number).
 */
export type AnchorStart =
  | { readonly from: NodeLabel; readonly key: 'id' | 'code' | 'number' }
  | { readonly from: 'Field'; readonly key: 'field-id' };

/**
 * The filter field a condition is asked for by (src/read/filter/declared-relationship-filters.ts): a list
 * `field` of the related nodes' keys, with its `<field>All` and `<field>None` siblings, each value checked as
 * the key's kind is (a measure's code, an SDG's number, a department's id or name). It is never written in an
 * anchor: a relationship declares it (`filter` in `<KIND>_RELATIONSHIPS`, relationship.ts), and its anchor and
 * condition follow from the relationship's path (relationship-pages.ts). A condition without it is asked for by
 * a filter field written by hand (one with a single form as well, or another check).
 */
export interface DeclaredRelationshipFilter {
  readonly field: string;
  readonly description: string;
}

/**
 * A declared anchor, and (`condition`) whether its condition is the same path walked back from `n`, the related
 * node bound as `as` and its key one of the values (`EXISTS { (n)<-[:R]-(d:Department) WHERE d.id IN $value }`):
 * the anchor then starts from exactly the nodes the condition holds for, and the kind's page spec uses it as an
 * exact anchor without naming it (src/read/page/kind-page-spec.ts).
 */
export type AnchorDeclaration = AnchorStart & {
  readonly hops: readonly AnchorHop[];
  readonly condition?: { readonly as: string; readonly filter?: DeclaredRelationshipFilter };
};

/** A kind's anchors by condition name (`sdgs`, `policy-items`: the `anchor-<name>` of its fragments). */
export type Anchors = Readonly<Record<string, AnchorDeclaration>>;

/**
 * An anchor as `<KIND>_ANCHORS` declares it: without a filter field, which only a relationship declares (the
 * anchors a relationship's filter makes join these, relationship-pages.ts).
 */
type HandAnchor = AnchorStart & {
  readonly hops: readonly AnchorHop[];
  readonly condition?: { readonly as: string; readonly filter?: never };
};

export function declareAnchors<const A extends Readonly<Record<string, HandAnchor>>>(anchors: A): A {
  return anchors;
}
