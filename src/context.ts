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
}

export function createRequestContext(gateway: GraphGateway): RequestContext {
  const counter = new QueryCounter();
  const counted = gateway.counting(counter);
  return { gateway: counted, counter, loaders: new GraphLoaders(counted) };
}
