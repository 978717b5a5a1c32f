import { naming } from '../db/cypher';
import type { CypherSource } from '../db/cypher-registry';
import type { CompiledStatement } from '../db/graph-gateway';
import type { NodeLabel } from './graph-model';
import { mapProjection } from './map-projection';
import { ROOT_ENTITY } from './root-entity';

/**
 * Every node of `label` in display order: the template cypher/graph/all-by-label.cypher with the label
 * bound to its hole (a name of graph-model.ts, never user text) and the properties read of each node (every
 * one when not given), its nodes left for a compiled statement to return as well (ROOT_ENTITY).
 */
export function allByLabel(
  source: Pick<CypherSource, 'part'>,
  label: NodeLabel,
  properties?: readonly string[],
): CompiledStatement {
  const holes = { label, properties: properties ? mapProjection(properties) : '.*', entity: ROOT_ENTITY };
  const statement = source.part('graph/all-by-label').bind(naming('hole', holes));
  return { text: statement.render(), origin: 'graph/all-by-label', cypher: statement };
}
