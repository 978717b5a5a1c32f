import { randomUUID } from 'node:crypto';
import { ANONYMOUS_VIEWER, type Viewer } from './auth/viewer';
import type { GraphGateway } from './db/graph-gateway';
import { QueryCounter } from './db/query-counter';
import { GraphLoaders } from './graph/graph-loaders';

/**
 * What every resolver receives for one GraphQL request: a gateway that counts this request's statements.
 * Built fresh per request so per-request caches (DataLoaders) never leak between users.
 */
export interface RequestContext {
  readonly gateway: GraphGateway;
  readonly counter: QueryCounter;
  readonly loaders: GraphLoaders;
  /** Who sends the request (from its bearer token; anonymous viewer without one). */
  readonly viewer: Viewer;
  /** The request's id (the caller's sane `x-request-id`, else a new one), written into audit entries. */
  readonly requestId: string;
}

export function createRequestContext(
  gateway: GraphGateway,
  viewer: Viewer = ANONYMOUS_VIEWER,
  requestId: string = randomUUID(),
): RequestContext {
  const counter = new QueryCounter();
  const counted = gateway.counting(counter);
  return { gateway: counted, counter, loaders: new GraphLoaders(counted), viewer, requestId };
}
