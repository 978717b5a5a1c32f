import { hole } from '../db/cypher';

/**
 * Where a root template (cypher/graph/node-by-id, graph/all-by-label) may return its node itself beside the
 * map of its properties: empty as the statement runs alone, filled by the selection compiler
 * (src/read/prefetch/compile-prefetch.ts) when it reads relationships below the nodes, so that they start
 * from the node the root matched. It used to collect the maps, unwind them and seek each node again by id
 * (a unique-index seek, two database hits per node).
 */
export const ROOT_ENTITY = hole('rootEntity', '');

/** The variable a root template matches its nodes as, which ROOT_ENTITY returns. */
export const ROOT_TEMPLATE_NODE = 'n';
