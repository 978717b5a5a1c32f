import type { CompiledStatement } from '../db/graph-gateway';
import type { NodeLabel } from '../graph/graph-model';
import { NODE_PROPERTIES } from '../graph/node-properties';
import type { Projection } from './projection-catalog';
import type { PlannedProjection } from './selection-plan';

/**
 * How the root statement hands over its nodes: `list` — one row whose `column` holds the list of nodes (a
 * page statement's `pageNodes`); `rows` — one row per node, the node (or its property map) in `column`.
 */
export type RootShape = { readonly kind: 'list' | 'rows'; readonly column: string };

/** A planned projection with the result column that carries it. */
export interface ColumnPlan {
  readonly projection: Projection;
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
 *       CALL (n0) { <cypher/projection/… fragment> }     -- parent → n0, node → n1
 *       …children: CALL (n1) { … }…
 *       WITH n1, <children's columns> ORDER BY n1.sortKey
 *       RETURN collect({node: n1 {.*, searchText: null, …}, …}) AS c1
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
  omitted: readonly string[] = ['searchText'],
): CompiledPrefetch {
  const cacheKey = JSON.stringify([root.text, shape.kind, shape.column, signature(plan), labels(plan), omitted]);
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let next = 0;
  const assign = (planned: readonly PlannedProjection[]): ColumnPlan[] =>
    planned.map(({ projection, label, children }) => ({
      projection,
      label,
      column: `c${++next}`,
      children: assign(children),
    }));
  const columns = assign(plan);
  const nodesColumn = shape.kind === 'list' ? shape.column : ROOT_NODES_COLUMN;
  const text = [
    'CALL () {',
    indent(withoutComments(root.text), 1),
    '}',
    ...(shape.kind === 'rows' ? [`WITH collect(${shape.column}) AS ${ROOT_NODES_COLUMN}`] : []),
    `CALL (${nodesColumn}) {`,
    `  UNWIND ${nodesColumn} AS rootNode`,
    `  MATCH (${nodeVariable(0)}:Entity {id: rootNode.id})`,
    ...columns.flatMap((column) => projectionText(source, column, 1, omitted)),
    `  RETURN collect(${mapOf([`id: ${nodeVariable(0)}.id`, ...columns.map(({ column }) => `${column}: ${column}`)])}) AS ${PREFETCH_COLUMN}`,
    '}',
    'RETURN *',
  ].join('\n');
  const compiled = { statement: { text, origin: `${root.origin} with ${signature(plan)}` }, columns };
  if (cache.size >= MAX_CACHED_SHAPES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(cacheKey, compiled);
  return compiled;
}

/**
 * The lines of one projection's CALL at nesting `level` (1 below the root), indented. The fragment's
 * `parent` and `node` become `n<level-1>` and `n<level>`: Neo4j refuses a variable that shadows one
 * imported by an enclosing CALL, so each level needs its own names.
 */
function projectionText(
  source: CypherSource,
  { projection, label, column, children }: ColumnPlan,
  level: number,
  omitted: readonly string[],
): string[] {
  const parent = nodeVariable(level - 1);
  const node = nodeVariable(level);
  const childColumns = children.map((child) => child.column);
  const lines = [
    `CALL (${parent}) {`,
    `  CALL (${parent}) {`,
    indent(renameVariables(withoutComments(source(projection.fragment)), parent, node), 2),
    '  }',
    ...children.flatMap((child) => projectionText(source, child, level + 1, omitted)),
    `  WITH ${[node, ...childColumns].join(', ')} ORDER BY ${node}.sortKey`,
    `  RETURN collect(${mapOf([`node: ${storedProperties(node, label, omitted)}`, ...childColumns.map((c) => `${c}: ${c}`)])}) AS ${column}`,
    '}',
  ];
  return lines.flatMap((line) => line.split('\n')).map((line) => `  ${line}`);
}

/** Properties every node stores besides its label's own (see node-properties.ts), all read by the mappers. */
const COMMON_PROPERTIES = ['id', 'sortKey', 'sourceDocument', 'sourceLine'];

/**
 * A node's properties as the mappers read them, without the `omitted` ones (read as absent): see
 * omitted-properties.ts. With the label known, the properties are named (the label's contract less the
 * omitted ones), so an omitted property costs no bytes at all, not even its name; otherwise every stored
 * property with the omitted ones set to null. Whole nodes were most of the bytes and of the time of the
 * compiled statements, and the driver decodes every property's name of every node.
 */
function storedProperties(variable: string, label: NodeLabel | undefined, omitted: readonly string[]): string {
  if (!label) return `${variable} {${['.*', ...omitted.map((property) => `${property}: null`)].join(', ')}}`;
  const named = [...COMMON_PROPERTIES, ...Object.keys(NODE_PROPERTIES[label])].filter(
    (property) => !omitted.includes(property),
  );
  return `${variable} {${named.map((property) => `.${property}`).join(', ')}}`;
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

/** The plan's shape as text: projection keys, nested (`out:HAS_ITEM(in:RESPONSIBLE_FOR,…)`). */
function signature(plan: readonly PlannedProjection[]): string {
  return plan
    .map(({ projection, children }) =>
      children.length === 0 ? projection.key : `${projection.key}(${signature(children)})`,
    )
    .join(',');
}

/** The plan's labels in the order of its projections, nested like the signature (part of the shape). */
function labels(plan: readonly PlannedProjection[]): string {
  return plan.map(({ label, children }) => `${label ?? '*'}(${labels(children)})`).join(',');
}

function mapOf(entries: readonly string[]): string {
  return `{${entries.join(', ')}}`;
}

/** The statement without its header comment lines (they document the file, not the compiled text). */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//') && line.trim() !== '')
    .join('\n');
}

function indent(text: string, depth: number): string {
  return text
    .split('\n')
    .map((line) => `${'  '.repeat(depth)}${line}`)
    .join('\n');
}
