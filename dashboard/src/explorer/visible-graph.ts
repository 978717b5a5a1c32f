import type { Language } from '../common/i18n';
import type { GraphNode, Neighbour } from './explorer-queries';
import type { CanvasEdge, CanvasNode } from './graph-canvas';
import { kindName, nodeLabel } from './node-label';

/** What the explorer has fetched so far: every node seen, and the neighbours of each expanded node. */
export interface LoadedGraph {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly neighbours: ReadonlyMap<string, readonly Neighbour[]>;
}

export type VisibleNode = CanvasNode & { readonly kindName: string };

/** The starting node, every expanded node's neighbours, and the relationships between them. */
export function visibleGraph(
  focus: string,
  open: readonly string[],
  loaded: LoadedGraph,
  language: Language,
): { nodes: VisibleNode[]; edges: CanvasEdge[] } {
  const ids = new Set<string>([focus]);
  const edges = new Map<string, CanvasEdge>();
  for (const id of open) {
    for (const neighbour of loaded.neighbours.get(id) ?? []) {
      ids.add(neighbour.node.id);
      const [source, target] = neighbour.direction === 'OUTGOING' ? [id, neighbour.node.id] : [neighbour.node.id, id];
      const key = `${source}|${neighbour.relationship}|${target}`;
      edges.set(key, { id: key, source, target, label: neighbour.relationship });
    }
  }
  const nodes = [...ids].flatMap((id): VisibleNode[] => {
    const node = loaded.nodes.get(id);
    if (node === undefined) return [];
    return [
      {
        id,
        label: nodeLabel(language, node),
        kind: node.__typename,
        kindName: kindName(language, node),
        color: node.color ?? null,
        expanded: open.includes(id),
        focus: id === focus,
      },
    ];
  });
  const drawn = new Set(nodes.map((node) => node.id));
  return { nodes, edges: [...edges.values()].filter((edge) => drawn.has(edge.source) && drawn.has(edge.target)) };
}
