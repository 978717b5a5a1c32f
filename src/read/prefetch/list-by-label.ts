import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../request-context';
import { RowReader } from '../../db/row-reader';
import { allByLabel } from '../../graph/all-by-label';
import type { NodeLabel } from '../../graph/graph-model';
import type { NodeProperties } from '../graph-loaders';
import { projectedProperties } from './property-demand';
import { reusedCompile } from './compile-memo';
import { withNestedPages } from './nested-pages';
import { compileRead } from './compile-read';
import type { CompiledRead } from './compiled-read';
import { executeRead } from './execute-read';
import { parseSelection } from './parse-selection';
import type { CompileContext } from '../compile-context';
import type { RootField } from './selection-plan';

/**
 * Every node of a kind in display order (`graph/all-by-label`), for the short unpaginated root lists
 * (fields, SDGs…), with the relationship fields and nested connections the selection asks for fetched in the
 * same statement, in the three steps of every read (parse, compile, execute). Each
 * node carries only the properties the operation reads of its kind (property-demand.ts).
 */
export async function listByLabel(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  label: NodeLabel,
): Promise<NodeProperties[]> {
  const compiled = await reusedCompile(ctx, info, label, (planning) => compileLabelList(planning, info, label));
  const rows = await executeRead(ctx.gateway, ctx.loaders, compiled);
  return rows.map((row) => new RowReader(row).projected('node'));
}

/** The first two steps of listByLabel: the label's nodes and what the selection asks below them, one statement. */
export async function compileLabelList(ctx: CompileContext, info: RootField, label: NodeLabel): Promise<CompiledRead> {
  const selection = await withNestedPages(parseSelection(info), ctx);
  const source = ctx.gateway.statements;
  const root = {
    statement: allByLabel(source, label, projectedProperties(info, label, 'root')),
    params: {},
    shape: { kind: 'rows', column: 'node', nodes: true },
  } as const;
  return compileRead(source, root, selection);
}
