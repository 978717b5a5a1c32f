import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../request-context';
import type { CompileContext } from '../compile-context';
import type { RootField } from './selection-plan';
import { RowReader } from '../../db/row-reader';
import { labelOfId } from '../../graph/graph-model';
import { nodeById } from '../../graph/node-by-id';
import type { NodeProperties } from '../graph-loaders';
import { projectedProperties } from './property-demand';
import { withNestedPages } from './nested-pages';
import { reusedCompile } from './compile-memo';
import { compileRead } from './compile-read';
import type { CompiledRead } from './compiled-read';
import { executeRead } from './execute-read';
import { parseSelection } from './parse-selection';

/**
 * A node by id for a root field (`measure(code:)`, `sdg(number:)`…), with the relationship fields its
 * selection asks for fetched in the same statement (the loaders primed). Without such fields it is the
 * plain node loader, which batches sibling lookups into one statement as before.
 */
export async function loadNode(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  id: string,
): Promise<NodeProperties | null> {
  const compiled = await reusedCompile(ctx, info, id, (planning) => compileNodeRead(planning, info, id));
  return compiled ? readNode(ctx, compiled, id) : ctx.loaders.node.load(id);
}

/**
 * For a root field whose node is already at hand (`department(ref:)`, from the directory): fetches, in one
 * statement, only what its selection asks below it. Nothing runs when no known relationship is selected.
 */
export async function prefetchBelow(ctx: RequestContext, info: GraphQLResolveInfo, id: string): Promise<void> {
  const compiled = await reusedCompile(ctx, info, id, (planning) => compileNodeRead(planning, info, id));
  if (compiled) await readNode(ctx, compiled, id);
}

/**
 * The node and what its selection asks below it, as one statement; null when no relationship field and no
 * nested connection the compiler knows is selected below the node (the node loader is the read then). The
 * node itself carries only the properties the operation reads of its kind (property-demand.ts, as for the
 * related nodes): a measure's texts and their folded search copy were most of the bytes a lookup read. An id
 * of no known kind is read whole.
 */
export async function compileNodeRead(ctx: CompileContext, info: RootField, id: string): Promise<CompiledRead | null> {
  const selection = await withNestedPages(parseSelection(info), ctx);
  if (selection.projections.length === 0 && selection.pages.length === 0) return null;
  const label = labelOfId(id);
  const source = ctx.gateway.statements;
  const root = label
    ? {
        statement: nodeById(source, projectedProperties(selection.info, label, 'root')),
        params: { id },
        shape: { kind: 'rows', column: 'node', nodes: true } as const,
      }
    : {
        statement: 'graph/nodes-by-id' as const,
        params: { ids: [id] },
        shape: { kind: 'rows', column: 'node' } as const,
      };
  return compileRead(source, root, selection);
}

/** Runs the compiled read of the node `id` and primes the node loader with what it answered. */
async function readNode(ctx: RequestContext, compiled: CompiledRead, id: string): Promise<NodeProperties | null> {
  const rows = await executeRead(ctx.gateway, ctx.loaders, compiled);
  const reader = rows[0] ? new RowReader(rows[0]) : null;
  const node = reader ? (labelOfId(id) ? reader.projected('node') : reader.map('node')) : null;
  if (node) ctx.loaders.node.prime(id, node);
  return node;
}
