import { compactCypher } from '../../db/compact-cypher';
import type { CompiledStatement } from '../../db/graph-gateway';
import type { NodeLabel } from '../../graph/graph-model';
import { fragmentOf, keyOf, type Hop } from '../relationships';
import type { PlannedProjection } from './selection-plan';

/**
 * How the root statement hands over its nodes: `list` — one row whose `column` holds the list of nodes (a
 * page statement's `pageNodes`); `rows` — one row per node, the node (or its property map) in `column`.
 */
export type RootShape = { readonly kind: 'list' | 'rows'; readonly column: string };

/** A planned projection with the result column that carries it. */
export interface ColumnPlan {
  readonly hop: Hop;
  readonly label?: NodeLabel | undefined;
  readonly column: string;
  readonly children: readonly ColumnPlan[];
}

/** A compiled root read: the statement and where in its `prefetch` column each projection's rows are. */
export interface CompiledPrefetch {
  readonly statement: CompiledStatement;
  readonly columns: readonly ColumnPlan[];
}

/** Column of the compiled statement holding the root nodes when the root statement returns rows. */
export const ROOT_NODES_COLUMN = 'rootNodes';
/** Column of the compiled statement holding, per root node, its id and the projections' rows. */
export const PREFETCH_COLUMN = 'prefetch';

/** Where the compiler finds the fragments' texts (the gateway's registry of cypher/). */
export type CypherSource = (name: string) => string;

/**
 * The properties to project for related nodes of a label (src/read/prefetch/property-demand.ts); for nodes of no
 * known label, every stored property but the search-only ones.
 */
export type PropertyDemand = (label: NodeLabel) => readonly string[];

const MAX_CACHED_SHAPES = 500;
const cache = new Map<string, CompiledPrefetch>();

/**
 * Compiles a root statement (a cypher/ file or one compiled from its fragments) and the relationship projections planned below its nodes into ONE
 * statement:
 *
 *   CALL () { <root statement> }                       -- unchanged: a page, a lookup, a list
 *   CALL (<root nodes>) {
 *     UNWIND <root nodes> AS rootNode
 *     MATCH (n0:Entity {id: rootNode.id})               -- unique index seek
 *     CALL (n0) {                                        -- one per projection, nested as selected
 *       CALL (n0) { <cypher/projection/ fragment> }      -- parent → n0, node → n1
 *       …children: CALL (n1) { … }…
 *       WITH n1, <children's columns> ORDER BY n1.sortKey
 *       RETURN collect(n1 {.id, .name…, c2: c2…}) AS c1      -- what the operation reads, and the children
 *     }
 *     RETURN collect({id: n0.id, c1: c1, …}) AS prefetch
 *   }
 *   RETURN *
 *
 * The text holds only cypher/ files and generated names (`c1`…, never an alias or any other user text);
 * the root statement's parameters pass through untouched, and fragments take none (the root statement
 * must not return columns named `rootNodes`, `prefetch` or `c<n>`). The text depends only on
 * the root statement and the plan's shape, so it is compiled once per shape and kept (a bounded cache).
 */
export function compilePrefetch(
  source: CypherSource,
  root: CompiledStatement,
  shape: RootShape,
  plan: readonly PlannedProjection[],
  demand: PropertyDemand,
): CompiledPrefetch {
  const cacheKey = JSON.stringify([root.text, shape.kind, shape.column, signature(plan), labels(plan, demand)]);
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let next = 0;
  const assign = (planned: readonly PlannedProjection[]): ColumnPlan[] =>
    planned.map(({ hop, label, children }) => ({
      hop,
      label,
      column: `c${++next}`,
      children: assign(children),
    }));
  const columns = assign(plan);
  const nodesColumn = shape.kind === 'list' ? shape.column : ROOT_NODES_COLUMN;
  const text = [
    'CALL () {',
    compactCypher(root.text),
    '}',
    ...(shape.kind === 'rows' ? [`WITH collect(${shape.column}) AS ${ROOT_NODES_COLUMN}`] : []),
    `CALL (${nodesColumn}) {`,
    `UNWIND ${nodesColumn} AS rootNode`,
    `MATCH (${nodeVariable(0)}:Entity {id: rootNode.id})`,
    ...columns.flatMap((column) => projectionText(source, column, 1, demand)),
    `RETURN collect(${mapOf([`id: ${nodeVariable(0)}.id`, ...columns.map(({ column }) => `${column}: ${column}`)])}) AS ${PREFETCH_COLUMN}`,
    '}',
    'RETURN *',
  ].join('\n');
  const compiled = { statement: { text, origin: root.origin, shape: signature(plan) }, columns };
  if (cache.size >= MAX_CACHED_SHAPES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(cacheKey, compiled);
  return compiled;
}

/**
 * The lines of one projection's CALL at nesting `level` (1 below the root), not indented: the statement is
 * sent with every request, and its indentation was a third of its bytes (see compactCypher). The fragment's
 * `parent` and `node` become `n<level-1>` and `n<level>`: Neo4j refuses a variable that shadows one
 * imported by an enclosing CALL, so each level needs its own names.
 */
function projectionText(
  source: CypherSource,
  { hop, label, column, children }: ColumnPlan,
  level: number,
  demand: PropertyDemand,
): string[] {
  const parent = nodeVariable(level - 1);
  const node = nodeVariable(level);
  const childColumns = children.map((child) => child.column);
  return [
    `CALL (${parent}) {`,
    `CALL (${parent}) {`,
    renameVariables(fragmentOf(source, hop), parent, node),
    '}',
    ...children.flatMap((child) => projectionText(source, child, level + 1, demand)),
    `WITH ${[node, ...childColumns].join(', ')} ORDER BY ${node}.sortKey`,
    `RETURN collect(${projectedNode(node, label, demand, childColumns)}) AS ${column}`,
    '}',
  ];
}

/**
 * A related node as a map of the properties the operation reads (see property-demand.ts), with its children's
 * columns (`c<n>`, never a property name) in the same map: with the label known the properties are named,
 * so a property left out costs no bytes, not even its name. Whole nodes were most of the bytes and of the
 * time of the compiled statements (the driver decodes every property's name of every node). Without a
 * label, every stored property but the search-only ones.
 */
function projectedNode(
  variable: string,
  label: NodeLabel | undefined,
  demand: PropertyDemand,
  childColumns: readonly string[],
): string {
  const properties = label
    ? demand(label).map((property) => `.${property}`)
    : ['.*', 'searchText: null', 'visionText: null'];
  return `${variable} {${[...properties, ...childColumns.map((c) => `${c}: ${c}`)].join(', ')}}`;
}

function nodeVariable(level: number): string {
  return `n${level}`;
}

/**
 * A fragment's two variables renamed. Fragments are the project's own files, which name exactly these two
 * variables; a property or parameter of the same name (`.node`, `$node`) is left alone.
 */
function renameVariables(fragment: string, parent: string, node: string): string {
  return fragment.replace(/(?<![.$\w])(parent|node)\b/g, (name) => (name === 'parent' ? parent : node));
}

/** The plan's shape as text: hop keys, nested (`out:HAS_ITEM(in:RESPONSIBLE_FOR,…)`). */
function signature(plan: readonly PlannedProjection[]): string {
  return plan
    .map(({ hop, children }) => (children.length === 0 ? keyOf(hop) : `${keyOf(hop)}(${signature(children)})`))
    .join(',');
}

/**
 * The plan's labels in the order of its projections, nested like the signature, each with the properties
 * projected for it (part of the shape: the same plan reading other fields compiles to another text).
 */
function labels(plan: readonly PlannedProjection[], demand: PropertyDemand): string {
  return plan
    .map(
      ({ label, children }) => `${label ? `${label}[${demand(label).join(' ')}]` : '*'}(${labels(children, demand)})`,
    )
    .join(',');
}

function mapOf(entries: readonly string[]): string {
  return `{${entries.join(', ')}}`;
}
