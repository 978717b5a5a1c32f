import type { CompiledStatement, GraphGateway, Params } from '../../db/graph-gateway';
import type { PlainRow } from '../../db/plain-values';
import type { GraphLoaders } from '../graph-loaders';
import {
  compilePrefetch,
  PREFETCH_COLUMN,
  ROOT_NODES_COLUMN,
  type ColumnPlan,
  type CypherSource,
  type RootShape,
} from './compile-prefetch';
import { projectedProperties } from './property-demand';
import { primeLoaders } from './prime-loaders';
import { planProjections, rootNodeSelection, type PlannedProjection, type RootField } from './selection-plan';

/**
 * A root field's read in its three steps, each a function of its own:
 *
 *   parseSelection   the selection below the root's nodes, as the relationship fields the compiler knows
 *   compileRead      the root statement and that plan as ONE statement (src/read/prefetch/compile-prefetch.ts)
 *   executeRead      runs it, primes the loaders with what it answered below the root, returns the root rows
 *
 * `readRoot` is the three in a row, for roots that have nothing else to parse (a lookup, a short list);
 * a connection parses its own arguments beside the selection (src/read/page/page-selection.ts) and uses
 * the same compile and execute steps.
 */

/** Step 1's answer: the root field and the relationship fields planned below its nodes (empty: none). */
export interface ParsedSelection {
  readonly info: RootField;
  readonly projections: readonly PlannedProjection[];
}

/** A root field's own statement: a cypher/ file by name or a statement compiled at run time, and its params. */
export interface RootStatement {
  readonly statement: string | CompiledStatement;
  readonly params: Params;
  readonly shape: RootShape;
}

/** Step 2's answer: the one statement to run, its parameters, and where its rows prime the loaders. */
export interface CompiledRead {
  readonly statement: string | CompiledStatement;
  readonly params: Params;
  readonly shape: RootShape;
  /** The prefetched relationship columns (empty: the root statement runs as it is). */
  readonly columns: readonly ColumnPlan[];
}

/** Step 1: the relationship fields the compiler knows below the root field's nodes. */
export function parseSelection(info: RootField): ParsedSelection {
  const root = rootNodeSelection(info);
  return { info, projections: root ? planProjections(info, root.type, root.fieldNodes) : [] };
}

/**
 * Step 2: when the selection asks for relationship fields the compiler knows, they are compiled into the
 * root's statement (its rows then prime the loaders, so the whole selection costs one statement);
 * otherwise the root statement is the read.
 */
export function compileRead(
  source: CypherSource,
  root: RootStatement,
  selection: ParsedSelection | undefined,
): CompiledRead {
  if (!selection || selection.projections.length === 0) return Object.assign({ columns: [] }, root);
  const statement =
    typeof root.statement === 'string' ? { text: source(root.statement), origin: root.statement } : root.statement;
  const compiled = compilePrefetch(source, statement, root.shape, selection.projections, (label) =>
    projectedProperties(selection.info, label, 'related'),
  );
  return { statement: compiled.statement, params: root.params, shape: root.shape, columns: compiled.columns };
}

/**
 * Step 3: runs the compiled read (with `params`, by default its own) and primes `loaders` with its
 * prefetch. Returns the root statement's rows: for a `list` shape every row (e.g. one per parent of a
 * nested page, the prefetch column beside its own); for a `rows` shape one row per node with only the
 * node column.
 */
export async function executeRead(
  gateway: GraphGateway,
  loaders: GraphLoaders,
  compiled: CompiledRead,
  params: Params = compiled.params,
): Promise<PlainRow[]> {
  const { statement, shape, columns } = compiled;
  const rows =
    typeof statement === 'string'
      ? await gateway.read(statement, params)
      : await gateway.readStatement(statement, params);
  if (columns.length === 0) return rows;
  // A page statement answers one row; a nested page statement one row per parent, each with its prefetch.
  for (const row of rows) primeLoaders(loaders, row[PREFETCH_COLUMN] ?? [], columns);
  if (shape.kind === 'list') return rows;
  const nodes = rows[0]?.[ROOT_NODES_COLUMN];
  return Array.isArray(nodes) ? nodes.map((node) => ({ [shape.column]: node })) : [];
}

/** The three steps for a root without arguments of its own to parse: parse, compile, execute. */
export async function readRoot(
  gateway: GraphGateway,
  loaders: GraphLoaders,
  root: RootStatement,
  info: RootField,
): Promise<PlainRow[]> {
  const selection = parseSelection(info);
  const compiled = compileRead((name) => gateway.statementText(name), root, selection);
  return executeRead(gateway, loaders, compiled);
}
