import cytoscape, { type NodeSingular } from 'cytoscape';

export interface CanvasNode {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  /** The SDG's official colour; other kinds are coloured by kind. */
  readonly color: string | null;
  readonly expanded: boolean;
  readonly focus: boolean;
}

export interface CanvasEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label: string;
}

const KIND_COLOURS: Readonly<Record<string, string>> = {
  Department: '#7b3294',
  PolicyField: '#1a9850',
  PolicyItem: '#2166ac',
  Measure: '#4393c3',
  ReformSheet: '#b35806',
  ReformArea: '#e08214',
  Indicator: '#5e4fa2',
  Project: '#3288bd',
  RelatedPlan: '#66a61e',
  LinkagePlan: '#d53e4f',
  Initiative: '#f46d43',
};

/**
 * The closest a layout may fit the diagram. Fitting one node (or a few close ones) to the canvas would zoom
 * to `maxZoom`, a 12 px label drawn at 36 px; capped, labels stay at most half again their size and a lone
 * node sits in the middle at a size that still says it is one node of a graph. Wheel zoom keeps `maxZoom`.
 */
const FIT_MAX_ZOOM = 1.5;

/** The id of the `<style>` element cytoscape adds to the page unless one with this id is there already. */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

/**
 * Cytoscape injects an inline `<style>` (one rule: its container is `position: relative`), which the page's
 * Content-Security-Policy refuses. Our stylesheet has that rule; an element with the id tells cytoscape so.
 */
function claimCytoscapeStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID) !== null) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(marker);
}

export interface GraphCanvas {
  /** Replaces the diagram; `root` (the starting node) goes in the middle, each hop one ring further out. */
  show(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[], root: string): void;
  destroy(): void;
}

/**
 * A node-link diagram in `container`: tapping a node calls `onTap` with its id (the explorer expands it).
 * Each `show` replaces the elements and lays them out again in rings around the starting node (a layout
 * built into cytoscape, so no layout extension is needed): how far a node is from it reads at a glance.
 */
export function createGraphCanvas(
  container: HTMLElement,
  fontFamily: string,
  onTap: (id: string) => void,
): GraphCanvas {
  claimCytoscapeStylesheet();
  const graph = cytoscape({
    container,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)',
          label: 'data(label)',
          'font-family': fontFamily,
          'font-size': 12,
          'text-wrap': 'ellipsis',
          'text-max-width': '130px',
          'text-valign': 'bottom',
          'text-margin-y': 3,
          width: 18,
          height: 18,
          color: '#222',
          'text-background-color': '#fff',
          'text-background-opacity': 0.8,
        },
      },
      { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#222' } },
      { selector: 'node[?focus]', style: { width: 28, height: 28, 'font-weight': 'bold' } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#aaa',
          'target-arrow-color': '#aaa',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          'font-size': 9,
          color: '#444',
          'text-rotation': 'autorotate',
        },
      },
      // Relationship names only on demand (a tapped edge): on every edge they bury the node labels.
      { selector: 'edge:selected', style: { label: 'data(label)', 'line-color': '#d4380d' } },
    ],
  });
  graph.on('tap', 'node', (event) => onTap((event.target as NodeSingular).id()));
  return {
    show(nodes, edges, root) {
      graph.elements().remove();
      graph.add([
        ...nodes.map((node) => ({
          group: 'nodes' as const,
          data: { ...node, color: node.color ?? KIND_COLOURS[node.kind] ?? '#888' },
        })),
        ...edges.map((edge) => ({ group: 'edges' as const, data: { ...edge } })),
      ]);
      graph
        .layout({
          name: 'breadthfirst',
          roots: [root],
          circle: true,
          spacingFactor: 0.9,
          avoidOverlap: true,
          nodeDimensionsIncludeLabels: true,
          animate: false,
          padding: 16,
        })
        .run();
      if (graph.zoom() > FIT_MAX_ZOOM) {
        graph.zoom(FIT_MAX_ZOOM);
        graph.center();
      }
    },
    destroy() {
      graph.destroy();
    },
  };
}
