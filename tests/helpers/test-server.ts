import type { Authenticate } from '../../src/auth/authenticator';
import type { GraphGateway } from '../../src/db/graph-gateway';
import { loadConfig } from '../../src/config';
import { GraphStatistics } from '../../src/graphql/limits/graph-statistics';
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
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Readonly<Record<string, string>>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The real HTTP server (same code as `npm start`) on a free port, over the given gateway. */
export async function startTestServer(
  gateway: GraphGateway,
  options: { introspection?: boolean; env?: Readonly<Record<string, string>>; authenticate?: Authenticate } = {},
): Promise<TestServer> {
  // `env`: QUERY_MAX_* and other variables read as `npm start` reads them (defaults when absent).
  const { queryLimits } = loadConfig(options.env ?? {});
  const graphSizes = new GraphStatistics();
  await graphSizes.refresh(gateway);
  const app = await createServer({
    schema: await graphSchema(),
    gateway,
    introspection: options.introspection ?? true,
    reportCost: true,
    queryLimits,
    graphSizes,
    authenticate: options.authenticate,
  });
  const running: RunningServer = await app.listen(0);
  return {
    url: running.url,
    async query<T>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Readonly<Record<string, string>> = {},
    ): Promise<GraphQLResponse<T>> {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<T>, 'status'>) };
    },
    stop: () => running.stop(),
  };
}
