import type { CompiledStatement, GraphGateway, Params } from '../../db/graph-gateway';
import type { PlainRow } from '../../db/plain-values';
import type { GraphLoaders } from '../graph-loaders';
import { compilePrefetch, PREFETCH_COLUMN, ROOT_NODES_COLUMN, type RootShape } from './compile-prefetch';
import { projectedProperties } from './property-demand';
import { primeLoaders } from './prime-loaders';
import { planProjections, rootNodeSelection, type PlannedProjection, type RootField } from './selection-plan';

/** The root field being resolved and the request's loaders, which the compiled statement's rows prime. */
export interface RootSelection {
  readonly info: RootField;
  readonly loaders: GraphLoaders;
}

/** A root field's own statement: a cypher/ file by name or a statement compiled at run time, and its params. */
export interface RootStatement {
  readonly statement: string | CompiledStatement;
  readonly params: Params;
  readonly shape: RootShape;
}

/**
 * Runs a root field's statement. When the field's selection asks for relationship fields the compiler
 * knows, they are compiled into the same statement (src/read/prefetch/compile-prefetch.ts) and their rows prime
 * the loaders, so the whole selection costs one statement; otherwise the statement runs as it is.
 * Returns the root statement's rows either way (a `list` shape: every row, e.g. one per parent of a nested
 * page, with the prefetch column beside its own); for a `rows` shape, one row per node with only the node
 * column.
 */
export async function readRoot(
  gateway: GraphGateway,
  root: RootStatement,
  selection: RootSelection | undefined,
): Promise<PlainRow[]> {
  const plan = selection ? projectionsOf(selection) : [];
  if (!selection || plan.length === 0) {
    return typeof root.statement === 'string'
      ? gateway.read(root.statement, root.params)
      : gateway.readStatement(root.statement, root.params);
  }
  const statement =
    typeof root.statement === 'string'
      ? { text: gateway.statementText(root.statement), origin: root.statement }
      : root.statement;
  const compiled = compilePrefetch(
    (name) => gateway.statementText(name),
    statement,
    root.shape,
    plan,
    (label) => projectedProperties(selection.info, label, 'related'),
  );
  const rows = await gateway.readStatement(compiled.statement, root.params);
  // A page statement answers one row; a nested page statement one row per parent, each with its prefetch.
  for (const row of rows) primeLoaders(selection.loaders, row[PREFETCH_COLUMN] ?? [], compiled.columns);
  if (root.shape.kind === 'list') return rows;
  const nodes = rows[0]?.[ROOT_NODES_COLUMN];
  return Array.isArray(nodes) ? nodes.map((node) => ({ [root.shape.column]: node })) : [];
}

/** The relationship fields the compiler knows below the root field's nodes (empty: nothing to compile). */
export function projectionsOf(selection: RootSelection): PlannedProjection[] {
  const root = rootNodeSelection(selection.info);
  return root ? planProjections(selection.info, root.type, root.fieldNodes) : [];
}
