import type { NodeLabel, RelationshipType } from '../graph/graph-model';

/** How large the loaded graph's lists can be: what the query cost limit multiplies by. */
export interface GraphSizes {
  /** Nodes carrying `label`. */
  label(label: NodeLabel): number;
  /** The most relationships of `type` one node has outgoing. */
  out(type: RelationshipType): number;
  /** The most relationships of `type` one node has incoming. */
  in(type: RelationshipType): number;
}
