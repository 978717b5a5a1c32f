import type { CompiledStatement } from '../db/graph-gateway';
import type { NodeLabel } from './graph-model';

/**
 * Every node of `label` in display order: the template cypher/graph/all-by-label.cypher with the label
 * written in (a name of graph-model.ts, never user text), one statement text per kind.
 */
export function allByLabel(source: (name: string) => string, label: NodeLabel): CompiledStatement {
  return { text: source('graph/all-by-label').replace('$($label)', label), origin: 'graph/all-by-label' };
}
