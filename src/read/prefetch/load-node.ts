import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../request-context';
import { RowReader } from '../../db/row-reader';
import type { NodeProperties } from '../graph-loaders';
import { projectionsOf, readRoot, type RootSelection } from './read-root';

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
  const selection = { info, loaders: ctx.loaders };
  if (projectionsOf(selection).length === 0) return ctx.loaders.node.load(id);
  return readWithProjections(ctx, selection, id);
}

/**
 * For a root field whose node is already at hand (`department(ref:)`, from the directory): fetches, in one
 * statement, only what its selection asks below it. Nothing runs when no known relationship is selected.
 */
export async function prefetchBelow(ctx: RequestContext, info: GraphQLResolveInfo, id: string): Promise<void> {
  const selection = { info, loaders: ctx.loaders };
  if (projectionsOf(selection).length > 0) await readWithProjections(ctx, selection, id);
}

async function readWithProjections(
  ctx: RequestContext,
  selection: RootSelection,
  id: string,
): Promise<NodeProperties | null> {
  const rows = await readRoot(
    ctx.gateway,
    { statement: 'graph/nodes-by-id', params: { ids: [id] }, shape: { kind: 'rows', column: 'node' } },
    selection,
  );
  const node = rows[0] ? new RowReader(rows[0]).map('node') : null;
  if (node) ctx.loaders.node.prime(id, node);
  return node;
}
