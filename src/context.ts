import type { GraphGateway } from './db/graph-gateway';
import { QueryCounter } from './db/query-counter';

/**
 * What every resolver receives for one GraphQL request: a gateway that counts this request's statements.
 * Built fresh per request so per-request caches (DataLoaders) never leak between users.
 */
export interface RequestContext {
  readonly gateway: GraphGateway;
  readonly counter: QueryCounter;
}

export function createRequestContext(gateway: GraphGateway): RequestContext {
  const counter = new QueryCounter();
  return { gateway: gateway.counting(counter), counter };
}
