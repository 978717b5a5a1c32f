import type DataLoader from 'dataloader';
import { naming, variable, type Cypher } from '../db/cypher';
import type { CypherFile, CypherFileUnder } from '../db/cypher-files';
import type { CypherSource } from '../db/cypher-registry';
import { unlessDeletedAtEnd, type AnchorHop } from '../graph/kinds/anchor';
import { DEPARTMENT_RELATIONSHIPS } from '../graph/kinds/department.kind';
import { FIELD_RELATIONSHIPS } from '../graph/kinds/field.kind';
import { INDICATOR_RELATIONSHIPS } from '../graph/kinds/indicator.kind';
import { INITIATIVE_RELATIONSHIPS, LINKAGE_PLAN_RELATIONSHIPS } from '../graph/kinds/linkage-plan.kind';
import { MEASURE_RELATIONSHIPS } from '../graph/kinds/measure.kind';
import { POLICY_ITEM_RELATIONSHIPS } from '../graph/kinds/policy-item.kind';
import { PROJECT_RELATIONSHIPS } from '../graph/kinds/project.kind';
import { REFORM_AREA_RELATIONSHIPS } from '../graph/kinds/reform-area.kind';
import { REFORM_SHEET_RELATIONSHIPS } from '../graph/kinds/reform-sheet.kind';
import { RELATED_PLAN_RELATIONSHIPS } from '../graph/kinds/related-plan.kind';
import type { RelationshipDeclaration, RelationshipFieldDeclaration, Relationships } from '../graph/kinds/relationship';
import { SDG_RELATIONSHIPS } from '../graph/kinds/sdg.kind';
import type { GraphLoaders, NodeProperties } from './graph-loaders';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../graph/graph-model';
import type { GraphSizes } from './graph-sizes';
import { pathOf } from './page/declared-anchors';

/**
 * How a relationship field finds its nodes from its parent's: one relationship type followed out of or into
 * the parent (the loaders' `graph/outgoing` and `graph/incoming`, the compiler's generated fragment), or a
 * multi-hop path, whose one fragment (the template cypher/projection/path.cypher with its hops written in, or
 * its own file when it filters on the way) serves both the compiler (inlined in the root statement) and the
 * loader (wrapped for batching, src/read/graph-loaders.ts `pathBatch`).
 */
export type Hop =
  | { readonly kind: 'out' | 'in'; readonly type: RelationshipType }
  | {
      readonly kind: 'path';
      /** The path's name (`measure/sdgs`): its loader's key and its batch statement's name. */
      readonly path: string;
      /** The template its fragment is made from (cypher/projection/path or path-unless-deleted). */
      readonly file: ProjectionPath;
      /** Its fragment, binding `node` from `parent`, with `variables` (HOP_VARIABLES) declared as slots. */
      readonly fragment: (source: CypherSource, variables?: readonly string[]) => Cypher;
      /**
       * The properties of the far node the fragment reads (a kept end's `status`): Neo4j's planner caches
       * them on the row, so the compiler reads them again from there (compile-prefetch.ts `projectionText`).
       */
      readonly readsOfNode: readonly string[];
    };

/** A path's template: the name of a file of cypher/projection/, checked by tsc. */
export type ProjectionPath = CypherFileUnder<'projection'>;

/** The most nodes a field can list in the loaded graph (the query-cost rule multiplies by it). */
export type SizeOf = (graph: GraphSizes) => number;

/** The field's arguments as GraphQL coerced them (defaults applied). */
export type FieldArguments = Readonly<Record<string, unknown>>;

/** Which of the loaded nodes a field lists, given its arguments (absent: all of them). */
export type Keep = (args: FieldArguments) => ((node: NodeProperties) => boolean) | undefined;

/**
 * One relationship field: how its nodes are found (which may depend on its arguments), which of them it
 * lists, and how many there can be.
 */
export interface Relationship {
  readonly hop: (args: FieldArguments) => Hop;
  /** The hop with no argument narrowing it: what a connection's scope pages (its kind filters on its own). */
  readonly every: Hop;
  readonly keep?: Keep;
  readonly size: SizeOf;
  /**
   * A path's hops from the parent to its nodes, written as declarations write them (src/graph/kinds/anchor.ts):
   * its size follows from them, and tests/unit/read/relationship-paths.test.ts holds its fragment to them.
   */
  readonly along: readonly AnchorHop[];
  /** The label of the nodes the field belongs to (the path's start). */
  readonly from: NodeLabel;
  /** The GraphQL field the read engine answers by itself (src/read/relationship-fields.ts); absent: written by hand. */
  readonly field?: RelationshipFieldDeclaration;
  /** Its nodes may be deleted in the next plan: the field takes `includeDeleted` (relationship.ts `alongDeletable`). */
  readonly deletable: boolean;
}

const notDeleted = (node: NodeProperties): boolean => node.values['status'] !== 'DELETED';

/**
 * A list of nodes the next plan may delete (measures, projects): the deleted ones only with
 * `includeDeleted: true`. Every node the loaders or a compiled statement hand over carries its `status`.
 */
const unlessDeletedIncluded: Keep = (args) => (args['includeDeleted'] === true ? undefined : notDeleted);

/**
 * How a declared path is answered: one hop of one type that keeps every node by the graph/outgoing|incoming
 * loaders and templates, anything else as a walked path named after the field (`measure/sdgs`: its loader's
 * key and its batch statement's name).
 */
function hopAlong(name: string, hops: readonly AnchorHop[]): Hop {
  const [only, ...more] = hops;
  const [type, ...others] = only?.types ?? [];
  if (only !== undefined && type !== undefined && more.length === 0 && others.length === 0 && !only.unlessDeleted) {
    return { kind: only.direction, type };
  }
  return walked(name, hops);
}

/** The relationship a kind's declaration (src/graph/kinds/relationship.ts) makes of one field. */
function declared(label: NodeLabel, field: string, declaration: RelationshipDeclaration): Relationship {
  const name = `${NODE_LABELS[label]}/${field.replace(/[A-Z]/g, (capital) => `-${capital.toLowerCase()}`)}`;
  const usual = hopAlong(name, declaration.along);
  const chosen = declaration.byArgument;
  const byValue = new Map(
    Object.entries(chosen?.paths ?? {}).map(([value, hops]) => [value, hopAlong(`${name}-${value}`, hops)]),
  );
  const relationship: Relationship = {
    hop: chosen === undefined ? () => usual : (args) => byValue.get(String(args[chosen.name])) ?? usual,
    every: usual,
    size: sizeAlong(declaration.along),
    along: declaration.along,
    from: label,
    ...(declaration.field === undefined ? {} : { field: declaration.field }),
    deletable: declaration.deletable === true,
  };
  if (!declaration.deletable) return relationship;
  // Deleted nodes are left out in the hop itself unless asked for, so a compiled statement never expands
  // below them; `keep` stays for nodes a loader primed another way.
  const kept = hopAlong(`${name}-kept`, unlessDeletedAtEnd(declaration.along));
  return Object.assign({}, relationship, {
    hop: (args: FieldArguments) => (args['includeDeleted'] === true ? usual : kept),
    keep: unlessDeletedIncluded,
  });
}

/** A kind's declared relationship fields as the read engine uses them, by field name. */
function derived<R extends Relationships>(
  label: NodeLabel,
  declarations: R,
): { readonly [F in keyof R]: Relationship } {
  return Object.fromEntries(
    Object.entries(declarations).map(([field, declaration]) => [field, declared(label, field, declaration)]),
  ) as { readonly [F in keyof R]: Relationship };
}

function walked(name: string, hops: readonly AnchorHop[]): Hop {
  return {
    kind: 'path',
    path: name,
    file: hops.some((on) => on.unlessDeleted) ? 'path-unless-deleted' : 'path',
    // The template tests the status of the node its one kept hop reaches (walkedFragment): the end's own, or one on the way.
    readsOfNode: hops.at(-1)?.unlessDeleted === true ? ['status'] : [],
    fragment: (source, variables) => walkedFragment(source, hops, variables),
  };
}

/**
 * A path's fragment from its declared hops: the pattern's middle (src/read/page/declared-anchors.ts `pathOf`,
 * names of src/graph/graph-model.ts, never user text) and the far end's label, written into the template. A
 * hop that passes only kept nodes names the node it reaches (`m` on the way, the end's own `node`), which the
 * template tests; one such hop per path is all any declared path needs, so a second one is refused.
 */
export function walkedFragment(
  source: CypherSource,
  hops: readonly AnchorHop[],
  variables: readonly string[] = [],
): Cypher {
  const label = farLabel(hops);
  const tested = hops.flatMap((on, at) => (on.unlessDeleted ? [at] : []));
  if (tested.length > 1) throw new Error('a path passes only kept nodes at one hop at most');
  const [at] = tested;
  if (at === undefined) {
    return source.part('projection/path', variables).bind(naming('hole', { hops: pathOf(hops), label }));
  }
  const end = at === hops.length - 1;
  return source.part('projection/path-unless-deleted', variables).bind(
    naming('hole', {
      hops: end ? pathOf(hops) : pathOf(hops, { at, as: 'm' }),
      label,
      // The end is the fragment's own `node`, a variable the compiler may rename per level.
      kept: end ? variable('node') : 'm',
    }),
  );
}

/** The label a path arrives at: its last hop's relationship types all reach it. */
export function farLabel(hops: readonly AnchorHop[]): NodeLabel {
  const last = hops.at(-1);
  if (last === undefined) throw new Error('a path has at least one hop');
  const labels = new Set(
    last.types.map((type) => (last.direction === 'out' ? RELATIONSHIP_TYPES[type].to : RELATIONSHIP_TYPES[type].from)),
  );
  const [label] = labels;
  if (label === undefined || labels.size > 1)
    throw new Error("a path's last hop follows relationship types that all reach one label");
  return label;
}

/**
 * The scope of the nested connection `type.field<Connection>` (its nodes for each parent id), from the field's
 * declared path: cypher/projection/scope-by-path.cypher with the parent's label, the hops and the far label
 * written in, one pattern from each parent's id. Deleted nodes at the end are left to the listed kind's filter
 * (its `includeDeleted`); a path passing only kept nodes on the way has no such scope yet.
 */
export function scopeOf<T extends RelatedType>(type: T, field: RelationshipField<T>): Scope {
  const { along, from } = relationshipNamed(type, field);
  if (along.slice(0, -1).some((hop) => hop.unlessDeleted))
    throw new Error(`${type}.${field}: a connection scope passes every node on the way`);
  return (source) =>
    source.part('projection/scope-by-path').bind(naming('hole', { from, hops: pathOf(along), label: farLabel(along) }));
}

/** A nested connection's scope: binds `parent` (each id of `$parents`) and `n` (its related nodes). */
export type Scope = (source: CypherSource) => Cypher;

/**
 * The most nodes a path lists: the product of its hops' fan-outs, a hop of several types by their sum (every
 * node list is also bounded by its label's node count, so a loose product costs nothing).
 */
function sizeAlong(hops: readonly AnchorHop[]): SizeOf {
  return (g) =>
    hops.reduce(
      (product, hop) =>
        product * hop.types.reduce((sum, type) => sum + (hop.direction === 'out' ? g.out(type) : g.in(type)), 0),
      1,
    );
}

/**
 * Every relationship field of the API, by GraphQL type and field name, derived from its kind's declaration
 * (`<KIND>_RELATIONSHIPS` in src/graph/kinds/<kind>.kind.ts): field resolvers load through it
 * (`related`, `relatedOne`), the selection compiler plans from it (src/read/prefetch/selection-plan.ts) and the
 * query-cost rule sizes lists from it (src/platform/graphql/limits/list-sizes.ts). Arguments that only filter
 * the loaded list in the resolver (`includeDeleted`) need nothing here: the resolver still applies them.
 * tests/unit/read/relationship-table.test.ts fails when the schema has a relationship field this table lacks.
 */
export const RELATIONSHIPS = {
  PolicyField: derived('Field', FIELD_RELATIONSHIPS),
  PolicyItem: derived('PolicyItem', POLICY_ITEM_RELATIONSHIPS),
  Measure: derived('Measure', MEASURE_RELATIONSHIPS),
  Department: derived('Department', DEPARTMENT_RELATIONSHIPS),
  Sdg: derived('Sdg', SDG_RELATIONSHIPS),
  ReformSheet: derived('ReformSheet', REFORM_SHEET_RELATIONSHIPS),
  ReformArea: derived('ReformArea', REFORM_AREA_RELATIONSHIPS),
  Indicator: derived('Indicator', INDICATOR_RELATIONSHIPS),
  LinkagePlan: derived('LinkagePlan', LINKAGE_PLAN_RELATIONSHIPS),
  Initiative: derived('Initiative', INITIATIVE_RELATIONSHIPS),
  Project: derived('Project', PROJECT_RELATIONSHIPS),
  RelatedPlan: derived('RelatedPlan', RELATED_PLAN_RELATIONSHIPS),
} as const satisfies Readonly<Record<string, Readonly<Record<string, Relationship>>>>;

/** A GraphQL type with relationship fields, and its relationship fields. */
export type RelatedType = keyof typeof RELATIONSHIPS;
export type RelationshipField<T extends RelatedType> = keyof (typeof RELATIONSHIPS)[T] & string;

/** The relationship `typeName.field` (by the schema's names), if the table has it. */
export function relationshipOf(typeName: string, field: string): Relationship | undefined {
  if (!Object.hasOwn(RELATIONSHIPS, typeName)) return undefined;
  const fields: Readonly<Record<string, Relationship>> = RELATIONSHIPS[typeName as RelatedType];
  return Object.hasOwn(fields, field) ? fields[field] : undefined;
}

/** The per-request loader that answers a hop (the compiled statement primes the very same one). */
export function loaderOf(loaders: GraphLoaders, found: Hop): DataLoader<string, NodeProperties[]> {
  switch (found.kind) {
    case 'out':
      return loaders.outgoing(found.type);
    case 'in':
      return loaders.incoming(found.type);
    case 'path':
      return loaders.path(found);
  }
}

/**
 * Hands a hop's nodes below `id`, as a compiled statement answered them, to the request: the loader's
 * cache (so a resolver loading it finds them) and the synchronous list primed fields answer from
 * (src/read/primed-fields.ts).
 */
export function primeHop(loaders: GraphLoaders, found: Hop, id: string, nodes: NodeProperties[]): void {
  loaderOf(loaders, found).prime(id, nodes);
  loaders.primeList(keyOf(found), id, nodes);
}

/** Names the data a hop loads: two selections with the same key are fetched once. */
export function keyOf(found: Hop): string {
  return found.kind === 'path' ? `path:${found.path}` : `${found.kind}:${found.type}`;
}

/** The properties of its far node a hop's fragment reads itself (the single-hop templates: none). */
export function readsOfNode(found: Hop): readonly string[] {
  return found.kind === 'path' ? found.readsOfNode : [];
}

/** The variables a hop's fragment declares: it binds `node` from `parent` (the compiler names both per level). */
export const HOP_VARIABLES = ['parent', 'node'] as const;

/**
 * The fragment finding a hop's nodes, binding `node` from `parent`, both left open (HOP_VARIABLES). A single
 * hop is the template cypher/projection/outgoing|incoming.cypher with the type and the far end's label
 * bound to its holes, names from src/graph/graph-model.ts, never user text; a path is the fragment its hop carries.
 */
export function fragmentOf(source: CypherSource, found: Hop): Cypher {
  if (found.kind === 'path') return found.fragment(source, HOP_VARIABLES);
  return singleHop(source, found, found.kind === 'out' ? 'projection/outgoing' : 'projection/incoming', HOP_VARIABLES);
}

/**
 * A single hop as a nested connection's scope: cypher/projection/scope-by-outgoing|incoming.cypher, one
 * pattern from each parent's id, with the type and label bound as fragmentOf binds them.
 */
export function singleHopScope(source: CypherSource, found: Hop & { kind: 'out' | 'in' }): Cypher {
  return singleHop(
    source,
    found,
    found.kind === 'out' ? 'projection/scope-by-outgoing' : 'projection/scope-by-incoming',
  );
}

function singleHop(
  source: CypherSource,
  found: Hop & { kind: 'out' | 'in' },
  template: CypherFile,
  variables: readonly string[] = [],
): Cypher {
  const ends = RELATIONSHIP_TYPES[found.type];
  const label = found.kind === 'out' ? ends.to : ends.from;
  return source.part(template, variables).bind(naming('hole', { type: found.type, label }));
}

/**
 * The nodes the relationship field `type.field` lists below the node `id` (its `keep` applied), through the
 * request's loaders.
 */
export async function related<T extends RelatedType>(
  loaders: GraphLoaders,
  type: T,
  field: RelationshipField<T>,
  id: string,
  args: FieldArguments = {},
): Promise<NodeProperties[]> {
  const relationship = relationshipNamed(type, field);
  const nodes = await loaderOf(loaders, relationship.hop(args)).load(id);
  return keptOf(relationship, args, nodes);
}

/** The nodes a relationship field lists of those its hop found. */
export function keptOf(relationship: Relationship, args: FieldArguments, nodes: NodeProperties[]): NodeProperties[] {
  const keep = relationship.keep?.(args);
  return keep ? nodes.filter(keep) : nodes;
}

/**
 * The one node of a relationship every node of the type has exactly one of (a measure's item, a sheet's
 * area). Missing means the graph broke its own model.
 */
export async function relatedOne<T extends RelatedType>(
  loaders: GraphLoaders,
  type: T,
  field: RelationshipField<T>,
  id: string,
): Promise<NodeProperties> {
  const found = hopOf(type, field, {});
  const [node] = await loaderOf(loaders, found).load(id);
  if (!node) throw new Error(`${id} has no ${describe(found)}`);
  return node;
}

function hopOf<T extends RelatedType>(type: T, field: RelationshipField<T>, args: FieldArguments): Hop {
  return relationshipNamed(type, field).hop(args);
}

function relationshipNamed<T extends RelatedType>(type: T, field: RelationshipField<T>): Relationship {
  const relationship = relationshipOf(type, field);
  if (!relationship) throw new Error(`${type}.${field} is not in the relationship table`);
  return relationship;
}

function describe(found: Hop): string {
  return found.kind === 'path'
    ? `node on the path ${found.path}`
    : `${found.kind === 'out' ? 'outgoing' : 'incoming'} ${found.type} relationship`;
}
