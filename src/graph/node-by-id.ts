import { naming } from '../db/cypher';
import type { CypherSource } from '../db/cypher-registry';
import type { CompiledStatement } from '../db/graph-gateway';
import { mapProjection } from './map-projection';
import { ROOT_ENTITY } from './root-entity';

/**
 * One node by id with only `properties`: the template cypher/graph/node-by-id.cypher with their names bound
 * to its hole (never user text; the id is the parameter `$id`), its node left for a compiled statement to
 * return as well (ROOT_ENTITY).
 */
export function nodeById(source: Pick<CypherSource, 'part'>, properties: readonly string[]): CompiledStatement {
  const holes = { properties: mapProjection(properties), entity: ROOT_ENTITY };
  const statement = source.part('graph/node-by-id').bind(naming('hole', holes));
  return { text: statement.render(), origin: 'graph/node-by-id', cypher: statement };
}
