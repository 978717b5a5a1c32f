import type { CompiledStatement } from '../db/graph-gateway';
import { mapProjection } from './map-projection';

/**
 * One node by id with only `properties`: the template cypher/graph/node-by-id.cypher with their names
 * written in (never user text; the id is the parameter `$id`).
 */
export function nodeById(source: (name: string) => string, properties: readonly string[]): CompiledStatement {
  return {
    text: source('graph/node-by-id').replace('$($properties)', mapProjection(properties)),
    origin: 'graph/node-by-id',
  };
}
