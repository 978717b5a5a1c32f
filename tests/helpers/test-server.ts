import type { DatabaseHealth } from '../../src/db/database-health';
import type { GraphGateway } from '../../src/db/graph-gateway';
import { loadConfig } from '../../src/config';
import { graphSchema } from '../../src/schema';
import { createServer, type RunningServer } from '../../src/server';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  readonly extensions?: Record<string, unknown>;
}

export interface TestServer {
  readonly url: string;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The real HTTP server (same code as `npm start`) on a free port, over the given gateway. */
export async function startTestServer(
  gateway: GraphGateway,
  options: { introspection?: boolean; databaseHealth?: DatabaseHealth } = {},
): Promise<TestServer> {
  const { queryLimits } = loadConfig({});
  const app = await createServer({
    schema: await graphSchema(),
    gateway,
    introspection: options.introspection ?? true,
    reportCost: true,
    queryLimits,
    databaseHealth: options.databaseHealth,
  });
  const running: RunningServer = await app.listen(0);
  return {
    url: running.url,
    async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, 'status'>) };
    },
    stop: () => running.stop(),
  };
}
