import { compactCypher } from '../../db/compact-cypher';
import type { CompiledStatement, Params } from '../../db/graph-gateway';
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

/** A root read compiled: the one statement to run, its parameters, and where its rows prime the loaders. */
export interface CompiledRead {
  readonly statement: string | CompiledStatement;
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
  readonly compiled: CompiledRead & { readonly statement: CompiledStatement };
}

/** A nested connection folded into a root statement: its column and its parameters, renamed for it. */
export interface FoldedPage extends PlannedPage {
  readonly column: string;
  readonly params: Params;
}

/**
 * A compiled root read: the statement, where in its `prefetch` column each projection's rows are, and the
 * columns of the nested connections folded into it.
 */
export interface CompiledPrefetch {
  readonly statement: CompiledStatement;
  readonly columns: readonly ColumnPlan[];
  readonly pages: readonly FoldedPage[];
}

/** Column of the compiled statement holding the root nodes when the root statement returns rows. */
export const ROOT_NODES_COLUMN = 'rootNodes';
/** Column of the compiled statement holding, per root node, its id and the projections' rows. */
export const PREFETCH_COLUMN = 'prefetch';
/** The variable holding the root nodes' ids where nested pages are folded in: their `$parents`. */
const PARENT_IDS = 'parentIds';
/** The columns of a nested page statement (src/read/page/compile-page.ts), one row per parent. */
const PAGE_COLUMNS = ['parent', 'totalCount', 'pageNodes', 'pagePositions', 'facets', 'aggregates'];

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
 *   WITH *, [x IN <root nodes> | x.id] AS parentIds
 *   CALL (parentIds) {                                  -- one per nested connection below the root's nodes
 *     CALL (parentIds) { <its page statement, $parents → parentIds> }
 *     RETURN collect({parent: parent, totalCount: …}) AS page1
 *   }
 *   RETURN *
 *
 * A nested connection's page statement is folded in as its resolver compiled it, for every parent at once
 * (`pages`, src/read/prefetch/nested-pages.ts): its parameters renamed (`$page1_c0`), its `$parents` the
 * root's ids. Its rows are the ones the resolver's own statement would answer, so they prime its loader.
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
  pages: readonly PlannedPage[] = [],
): CompiledPrefetch {
  const folded = pages.map((page, at) => foldedPage(page, `page${at + 1}`));
  const cacheKey = JSON.stringify([
    root.text,
    shape.kind,
    shape.column,
    signature(plan),
    labels(plan, demand),
    folded.map((page) => page.text),
  ]);
  const cached = cache.get(cacheKey);
  // The text is shared by every request of this shape; the folded pages' parameters are this request's.
  if (cached) return Object.assign({}, cached, { pages: folded.map((page) => page.page) });
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
    ...(columns.length === 0
      ? []
      : [
          `CALL (${nodesColumn}) {`,
          `UNWIND ${nodesColumn} AS rootNode`,
          `MATCH (${nodeVariable(0)}:Entity {id: rootNode.id})`,
          ...columns.flatMap((column) => projectionText(source, column, 1, demand)),
          `RETURN collect(${mapOf([`id: ${nodeVariable(0)}.id`, ...columns.map(({ column }) => `${column}: ${column}`)])}) AS ${PREFETCH_COLUMN}`,
          '}',
        ]),
    // The ids first, at the top: a page's own `pageNodes` must not shadow a variable its CALL imports.
    ...(folded.length === 0 ? [] : [`WITH *, [x IN ${nodesColumn} | x.id] AS ${PARENT_IDS}`]),
    ...folded.flatMap(({ page, text: pageText }) => [
      `CALL (${PARENT_IDS}) {`,
      `CALL (${PARENT_IDS}) {`,
      pageText,
      '}',
      `RETURN collect(${mapOf(pageColumnsOf(page).map((name) => `${name}: ${name}`))}) AS ${page.column}`,
      '}',
    ]),
    'RETURN *',
  ].join('\n');
  const shapeText = [signature(plan), ...folded.map(({ page }) => page.compiled.statement.origin)].join(',');
  const compiled = {
    statement: { text, origin: root.origin, shape: shapeText },
    columns,
    pages: folded.map((page) => page.page),
  };
  if (cache.size >= MAX_CACHED_SHAPES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(cacheKey, compiled);
  return compiled;
}

/**
 * The columns a folded page's statement returns: a page's, its prefetch when it has one, and the columns of
 * the pages folded into it in turn (a page below its nodes, e.g. each SDG's policy items' indicators).
 */
function pageColumnsOf({ compiled }: PlannedPage): string[] {
  return [
    ...PAGE_COLUMNS,
    ...(compiled.columns.length === 0 ? [] : [PREFETCH_COLUMN]),
    ...(compiled.pages ?? []).map((page) => page.column),
  ];
}

/** Whether this compiler wrapped the read (relationship columns or pages of its own folded in). */
function isWrapped({ compiled }: PlannedPage): boolean {
  return compiled.columns.length > 0 || (compiled.pages?.length ?? 0) > 0;
}

/**
 * A nested connection's compiled read (a page statement, wrapped by this compiler when relationship fields
 * are selected below its nodes) made a subquery of the root's statement, under `column`: `$parents` becomes
 * the root's ids, every other parameter `$<column>_<name>` (the root and each page number theirs from
 * `$c0`), and the wrapper's first `CALL ()` imports the ids. The text is this project's own compiled text,
 * so these are the only places either appears; its last line, `RETURN *`, names its columns instead, as
 * the collect around it reads them by name.
 */
function foldedPage(page: PlannedPage, column: string): { page: FoldedPage; text: string } {
  const { text } = page.compiled.statement;
  // A page with pages of its own folded in binds `parentIds` for them (and theirs `page1_parentIds` …, one
  // prefix per level): each gets this column's prefix, as Neo4j refuses a variable that shadows the
  // `parentIds` this page's CALL imports.
  const renamed = text
    .replace(new RegExp(`(?<![$.\\w])((?:\\w+_)?${PARENT_IDS})\\b`, 'g'), `${column}_$1`)
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) =>
      name === 'parents' ? PARENT_IDS : `$${column}_${name}`,
    );
  const lines = renamed.split('\n');
  if (isWrapped(page)) {
    if (lines[0] !== 'CALL () {' || lines.at(-1) !== 'RETURN *')
      throw new Error(`a nested page's compiled read has an unexpected shape: ${page.compiled.statement.origin}`);
    lines[0] = `CALL (${PARENT_IDS}) {`;
    lines[lines.length - 1] = `RETURN ${pageColumnsOf(page).join(', ')}`;
  }
  const params = Object.fromEntries(
    Object.entries(page.compiled.params).map(([name, value]) => [`${column}_${name}`, value]),
  );
  return { page: Object.assign({}, page, { column, params }), text: lines.join('\n') };
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
