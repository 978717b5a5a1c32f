import type { CompiledStatement } from '../db/graph-gateway';
import type { NodeLabel } from './graph-model';
import { mapProjection } from './map-projection';

/**
 * Every node of `label` in display order: the template cypher/graph/all-by-label.cypher with the label
 * written in (a name of graph-model.ts, never user text) and the properties read of each node (every one
 * when not given).
 */
export function allByLabel(
  source: (name: string) => string,
  label: NodeLabel,
  properties?: readonly string[],
): CompiledStatement {
  return {
    text: source('graph/all-by-label')
      .replace('$($label)', label)
      .replace('$($properties)', properties ? mapProjection(properties) : '.*'),
    origin: 'graph/all-by-label',
  };
}
