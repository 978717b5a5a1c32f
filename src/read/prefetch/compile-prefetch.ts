import { compactCypher } from '../../db/compact-cypher';
import {
  cypher,
  hole,
  joined,
  naming,
  param,
  variable,
  type Cypher,
  type Names,
  type Piece,
  type Slot,
} from '../../db/cypher';
import type { CypherSource } from '../../db/cypher-registry';
import type { CompiledStatement, Params } from '../../db/graph-gateway';
import type { NodeLabel } from '../../graph/graph-model';
import { ROOT_ENTITY, ROOT_TEMPLATE_NODE } from '../../graph/root-entity';
import { fragmentOf, keyOf, readsOfNode } from '../declared-relationships';
import type { ColumnPlan, FoldedPage, PlannedPage, RootShape } from './compiled-read';
import type { PlannedProjection } from './selection-plan';

/**
 * A compiled root read: the statement, where in its `prefetch` column each projection's rows are, and the
 * columns of the nested connections folded into it.
 */
export interface CompiledPrefetch {
  readonly statement: CompiledStatement;
  readonly columns: readonly ColumnPlan[];
  readonly pages: readonly FoldedPage[];
  /** The parameters of every folded page, below the root's nodes and below its projections' nodes. */
  readonly params: Params;
}

/** Column of the compiled statement holding the root nodes when the root statement returns rows. */
export const ROOT_NODES_COLUMN = 'rootNodes';
/** Column of the compiled statement holding, per root node, its id and the projections' rows. */
export const PREFETCH_COLUMN = 'prefetch';
/** The variable holding the root nodes' ids where nested pages are folded in: their `$parents`. */
const PARENT_IDS = 'parentIds';
/** The columns of a nested page statement (src/read/page/compile-page.ts), one row per parent. */
const PAGE_COLUMNS = ['parent', 'totalCount', 'pageNodes', 'pagePositions', 'facets', 'aggregates'];

/**
 * The wrapper's import list and result, as holes: a statement run as it is imports nothing (`CALL () {`)
 * and returns everything (`RETURN *`); folded into another one, its fold imports the parents' ids and
 * names the columns the collect around it reads (see foldedNames).
 */
const IMPORTS = hole('imports', '');
const RESULT = hole('result', '*');

/**
 * The properties to project for related nodes of a label (src/read/prefetch/property-demand.ts); for nodes of no
 * known label, every stored property but the search-only ones.
 */
export type PropertyDemand = (label: NodeLabel) => readonly string[];

/**
 * Compiles a root statement (a cypher/ file or one compiled from its fragments) and the relationship projections planned below its nodes into ONE
 * statement:
 *
 *   CALL () { <root statement> }                       -- unchanged: a page, a lookup, a list
 *   CALL (<root nodes>) {                              -- (a lookup or list of graph/ templates: below)
 *     UNWIND <root nodes> AS rootNode
 *     MATCH (n0:Entity {id: rootNode.id})               -- unique index seek
 *     CALL (n0) {                                        -- one per projection, nested as selected
 *       CALL (n0) { <cypher/projection/ fragment> }      -- parent → n0, node → n1
 *       …children: CALL (n1) { … }…
 *       WITH n1 {.sortKey, .id, .name…} AS p1, <children's columns> ORDER BY p1.sortKey   -- one pass (readOnce)
 *       RETURN collect([p1.id, p1.name…, c2…]) AS c1        -- what the operation reads, and the children
 *     }
 *     RETURN collect({id: n0.id, c1: c1, …}) AS prefetch
 *   }
 *   WITH *, [x IN <root nodes> | x.id] AS parentIds
 *   CALL (parentIds) {                                  -- one per nested connection below the root's nodes
 *     CALL (parentIds) { <its page statement, $parents → parentIds> }
 *     RETURN collect([parent, totalCount, …]) AS page1      -- lists: a map would repeat its keys per parent
 *   }
 *   RETURN *
 *
 * A lookup or short list of the templates graph/node-by-id and graph/all-by-label (`shape.nodes`) returns its
 * node as well (`, n AS n0`, src/graph/root-entity.ts): its projections run per root row from that node, and
 * `WITH collect(node) AS rootNodes, collect({id: node.id, c1: c1, …}) AS prefetch` takes their place (the
 * collect, unwind and seek by id cost two database hits per root node and four plan operators).
 *
 * A nested connection's page statement is folded in as its resolver compiled it, for every parent at once
 * (`pages`, src/read/prefetch/nested-pages.ts): its parts bound to this place's names (`$page1_c0`, its
 * `$parents` the root's ids; see foldedNames). Its rows are the ones the resolver's own statement would
 * answer, so they prime its loader.
 *
 * The text holds only cypher/ files and generated names (`c1`…, never an alias or any other user text);
 * the root statement's parameters pass through untouched, and fragments take none (the root statement
 * must not return columns named `rootNodes`, `prefetch` or `c<n>`). The text depends only on
 * the root statement and the plan's shape, so it is compiled once per shape and kept by the registry the
 * service loaded (`source.composed`, bounded).
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
  // Each projection's pages, named after its column (`c1_page1`, their ids `c1_parentIds`).
  let next = 0;
  const assign = (planned: readonly PlannedProjection[]): ColumnPlan[] =>
    planned.map(({ hop, label, children, pages: below = [] }) => {
      const column = `c${++next}`;
      const childColumns = assign(children);
      const pagesBelow = below.map((page, at) => foldedPage(page, `${column}_page${at + 1}`));
      const fields = label && [...demand(label), ...columnsOf(childColumns)];
      return { hop, label, column, children: childColumns, pages: pagesBelow, ...(fields ? { fields } : {}) };
    });
  // Made for every request: the folded pages' parameters are this request's; the text is shared (below).
  const columns = assign(plan);
  const shapeKey = JSON.stringify([
    root.text,
    shape.kind,
    shape.column,
    shape.lookAhead === true,
    shape.nodes === true,
    signature(plan),
    labels(plan, demand),
    [...folded, ...foldedBelow(columns)].map((page) => [page.column, page.compiled.statement.text]),
  ]);
  const statement = source.composed.get(shapeKey, () => prefetchStatement(source, root, shape, columns, folded));
  const params = Object.assign({}, ...[...folded, ...foldedBelow(columns)].map((page) => page.params)) as Params;
  return { statement, columns, pages: folded, params };
}

/** The statement for its columns and folded pages (see compilePrefetch), as parts and as text. */
function prefetchStatement(
  source: CypherSource,
  root: CompiledStatement,
  shape: RootShape,
  columns: readonly ColumnPlan[],
  folded: readonly FoldedPage[],
): CompiledStatement {
  const nodesColumn = shape.kind === 'list' ? shape.column : ROOT_NODES_COLUMN;
  // A page's look-ahead node is not shown: its relationships and nested pages were a tenth of the database
  // hits of a 10-item page (`npm run bench:profile`). `$limit` is the page's own, renamed with it when folded.
  const shown = shape.lookAhead === true ? cypher`${nodesColumn}[0..${param('limit')} - 1]` : cypher`${nodesColumn}`;
  const parentIds = variable(PARENT_IDS);
  const rootNode = nodeVariable(0);
  const prefetchEntry = (id: string): string =>
    `collect(${mapOf([`id: ${id}`, ...columnsOf(columns).map((c) => `${c}: ${c}`)])})`;
  // A template root returning its nodes as well: the projections run per root row, from the node it matched,
  // and both lists are collected at once (no collect, unwind and seek by id again: two hits per node).
  const template = shape.kind === 'rows' && shape.nodes === true && columns.length > 0 ? root.cypher : undefined;
  const fromRootRows = template !== undefined;
  const rootText = template
    ? template.bind(naming('hole', { [ROOT_ENTITY.name]: `, ${ROOT_TEMPLATE_NODE} AS ${rootNode}` }))
    : (root.cypher ?? compactCypher(root.text));
  const statement = joined(
    [
      cypher`CALL (${IMPORTS}) {`,
      rootText,
      '}',
      ...(fromRootRows
        ? [
            ...columns.flatMap((column) => projectionText(source, column, 1)),
            `WITH collect(${shape.column}) AS ${ROOT_NODES_COLUMN}, ${prefetchEntry(`${shape.column}.id`)} AS ${PREFETCH_COLUMN}`,
          ]
        : [
            ...(shape.kind === 'rows' ? [`WITH collect(${shape.column}) AS ${ROOT_NODES_COLUMN}`] : []),
            ...(columns.length === 0
              ? []
              : [
                  `CALL (${nodesColumn}) {`,
                  cypher`UNWIND ${shown} AS rootNode`,
                  `MATCH (${rootNode}:Entity {id: rootNode.id})`,
                  ...columns.flatMap((column) => projectionText(source, column, 1)),
                  `RETURN ${prefetchEntry(`${rootNode}.id`)} AS ${PREFETCH_COLUMN}`,
                  '}',
                ]),
          ]),
      // The ids first, at the top: a page's own `pageNodes` must not shadow a variable its CALL imports.
      ...(folded.length === 0 ? [] : [cypher`WITH *, [x IN ${shown} | x.id] AS ${parentIds}`]),
      ...folded.flatMap((page) => pageCall(parentIds, page)),
      cypher`RETURN ${RESULT}`,
    ],
    '\n',
  );
  const shapeText = [
    signature(columns),
    ...folded.map((page) => page.compiled.statement.origin),
    ...foldedBelow(columns).map((page) => page.compiled.statement.origin),
  ].join(',');
  return { text: statement.render(), origin: root.origin, shape: shapeText, cypher: statement };
}

/** A folded page as a subquery over the ids in `parents`, its rows collected into its column. */
function pageCall(parents: Slot, page: FoldedPage): Piece[] {
  return [
    cypher`CALL (${parents}) {`,
    cypher`CALL (${parents}) {`,
    foldedText(page, parents),
    '}',
    `RETURN collect([${page.rowColumns.join(', ')}]) AS ${page.column}`,
    '}',
  ];
}

/** The pages folded below the projections' nodes, at every level. */
function foldedBelow(columns: readonly ColumnPlan[]): FoldedPage[] {
  return columns.flatMap(({ pages, children }) => [...pages, ...foldedBelow(children)]);
}

/** The variable holding the ids of a projection's nodes, the `$parents` of the pages below them. */
function parentIdsOf(column: string): string {
  return `${column}_${PARENT_IDS}`;
}

/** The result columns of projections: each one's own and those of the pages folded below its nodes. */
function columnsOf(columns: readonly ColumnPlan[]): string[] {
  return columns.flatMap(({ column, pages }) => [column, ...pages.map((page) => page.column)]);
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

/**
 * A nested connection's compiled read (a page statement, wrapped by this compiler when relationship fields
 * are selected below its nodes) made a subquery of the root's statement, under `column`: its parameters
 * `$<column>_<name>` (the root and each page number theirs from `$c0`), their values renamed to match.
 */
function foldedPage(page: PlannedPage, column: string): FoldedPage {
  const params = Object.fromEntries(
    Object.entries(page.compiled.params).map(([name, value]) => [`${column}_${name}`, value]),
  );
  return Object.assign({}, page, { column, params, rowColumns: pageColumnsOf(page) });
}

/** A folded page's statement bound to the names of the place it is put, inside `CALL (<parents>)`. */
function foldedText(page: FoldedPage, parents: Slot): Cypher {
  return page.compiled.statement.cypher.bind(foldedNames(page.column, parents, page.rowColumns));
}

/**
 * The names a folded page's parts take: `$parents` is the variable holding the parents' ids, every other
 * parameter `$<column>_<name>`; the variables its own wrapper leaves open (the ids of the pages folded into
 * it in turn, `parentIds`, `c1_parentIds` …) get the column's prefix too, as Neo4j refuses a variable that
 * shadows one an enclosing CALL imports; its wrapper imports the parents' ids and returns the columns the
 * collect around it reads by name, not `*` (which would return the imported ids as well).
 */
function foldedNames(column: string, parents: Slot, columns: readonly string[]): Names {
  return (slot) => {
    if (slot.kind === 'param') return slot.name === 'parents' ? parents : param(`${column}_${slot.name}`);
    if (slot.kind === 'variable') return variable(`${column}_${slot.name}`);
    if (slot.name === IMPORTS.name) return parents;
    return slot.name === RESULT.name ? columns.join(', ') : undefined;
  };
}

/**
 * The lines of one projection's CALL at nesting `level` (1 below the root), not indented: the statement is
 * sent with every request, and its indentation was a third of its bytes (see compactCypher). The fragment's
 * declared `parent` and `node` are bound to `n<level-1>` and `n<level>`: Neo4j refuses a variable that
 * shadows one imported by an enclosing CALL, so each level needs its own names.
 */
function projectionText(
  source: CypherSource,
  { hop, column, children, pages, fields }: ColumnPlan,
  level: number,
): Piece[] {
  const parent = nodeVariable(level - 1);
  const node = nodeVariable(level);
  const childColumns = columnsOf(children);
  const read = fields && readOnce(node, level, fields, childColumns, readsOfNode(hop));
  const collected = `collect(${read ? read.entry : projectedNode(node, fields, childColumns)})`;
  return [
    `CALL (${parent}) {`,
    `CALL (${parent}) {`,
    fragmentOf(source, hop).bind(naming('variable', { parent, node })),
    '}',
    ...children.flatMap((child) => projectionText(source, child, level + 1)),
    read
      ? `WITH ${[...read.carried, ...childColumns].join(', ')} ORDER BY ${read.sortKey}`
      : `WITH ${[node, ...childColumns].join(', ')} ORDER BY ${node}.sortKey`,
    ...(pages.length === 0
      ? [`RETURN ${collected} AS ${column}`]
      : [
          // The pages below these nodes, for this parent's nodes (the same rows their resolver's statement gives).
          `WITH ${collected} AS ${column}`,
          cypher`WITH ${column}, [x IN ${column} | ${idOf('x', fields)}] AS ${variable(parentIdsOf(column))}`,
          ...pages.flatMap((page) => pageCall(variable(parentIdsOf(column)), page)),
          `RETURN ${[column, ...pages.map((page) => page.column)].join(', ')}`,
        ]),
    '}',
  ];
}

/**
 * A related node of a known label read in one pass: its `sortKey` and the properties the operation reads,
 * taken together by a map projection (`n1 {.sortKey, .code, .name} AS p1`) that walks the node's properties
 * once, where `n1.sortKey` for the order and `n1.code`, `n1.name` for the entry walked them once each (one
 * database hit per property per node; the hand-written statements read their nodes the same way, and the
 * dashboard's statement read 260 of its 2,551 hits for `sortKey` alone). The properties the hop's fragment
 * has read already (a kept measure's `status`) are read from the node as before: Neo4j's planner keeps them
 * on the row, and one of them in the map makes it read every property on its own again. `entry` is the list
 * the node's collect holds, in the order of `fields` (see projectedNode); `carried`, what the WITH ordering the
 * nodes keeps of each.
 */
function readOnce(
  node: string,
  level: number,
  fields: readonly string[],
  childColumns: readonly string[],
  readByFragment: readonly string[],
): { readonly carried: readonly string[]; readonly sortKey: string; readonly entry: string } {
  const projected = `p${level}`;
  const properties = fields.filter((field) => !childColumns.includes(field) && !readByFragment.includes(field));
  const fromNode = fields.some((field) => readByFragment.includes(field));
  const keys = [...new Set(['sortKey', ...properties])].map((property) => `.${property}`);
  const valueOf = (field: string): string => {
    if (childColumns.includes(field)) return field;
    return readByFragment.includes(field) ? `${node}.${field}` : `${projected}.${field}`;
  };
  return {
    carried: [...(fromNode ? [node] : []), `${node} {${keys.join(', ')}} AS ${projected}`],
    sortKey: `${projected}.sortKey`,
    entry: `[${fields.map(valueOf).join(', ')}]`,
  };
}

/**
 * A related node with the properties the operation reads (see property-demand.ts) and its children's
 * columns (`c<n>`, never a property name): with the label known, a list in the order of its plan's `fields`
 * (a property left out costs no bytes, not even its name, and no name is repeated per node); without one, a
 * map of every stored property but the search-only ones. Whole nodes were most of the bytes and of the
 * time of the compiled statements (the driver decodes every property's name of every node).
 */
function projectedNode(
  variable: string,
  fields: readonly string[] | undefined,
  childColumns: readonly string[],
): string {
  if (fields)
    return `[${fields.map((field) => (childColumns.includes(field) ? field : `${variable}.${field}`)).join(', ')}]`;
  return `${variable} {${['.*', 'searchText: null', 'visionText: null', ...childColumns.map((c) => `${c}: ${c}`)].join(', ')}}`;
}

/** The id of a related node's entry `x`: its `id` field of a list, or its key of a map. */
function idOf(x: string, fields: readonly string[] | undefined): string {
  if (!fields) return `${x}.id`;
  const at = fields.indexOf('id');
  // Nested connections below these nodes read their ids, so property-demand.ts projected them.
  if (at < 0) throw new Error(`related nodes with pages below them must carry their id: ${fields.join(', ')}`);
  return `${x}[${at}]`;
}

function nodeVariable(level: number): string {
  return `n${level}`;
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
