import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../request-context';
import { RowReader } from '../../db/row-reader';
import { allByLabel } from '../../graph/all-by-label';
import type { NodeLabel } from '../../graph/graph-model';
import type { NodeProperties } from '../graph-loaders';
import { projectedProperties } from './property-demand';
import { readRoot } from './read-root';

/**
 * Every node of a kind in display order (`graph/all-by-label`), for the short unpaginated root lists
 * (fields, SDGs…), with the relationship fields the selection asks for fetched in the same statement. Each
 * node carries only the properties the operation reads of its kind (property-demand.ts).
 */
export async function listByLabel(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  label: NodeLabel,
): Promise<NodeProperties[]> {
  const properties = projectedProperties(info, label, 'root');
  const rows = await readRoot(
    ctx.gateway,
    ctx.loaders,
    {
      statement: allByLabel((name) => ctx.gateway.statementText(name), label, properties),
      params: {},
      shape: { kind: 'rows', column: 'node' },
    },
    info,
  );
  return rows.map((row) => new RowReader(row).projected('node'));
}
