import type * as GraphCanvasModule from './graph-canvas';

let loading: Promise<typeof GraphCanvasModule> | undefined;

/**
 * The diagram code (cytoscape, most of the view's weight) in its own chunk, fetched once. The explorer asks
 * for it as soon as a node is chosen, so the download runs while the neighbours are still on their way.
 */
export function loadGraphCanvas(): Promise<typeof GraphCanvasModule> {
  loading ??= import('./graph-canvas');
  return loading;
}
