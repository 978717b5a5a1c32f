import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { ANONYMOUS_VIEWER } from './auth/viewer';
import type { Authenticate } from './auth/authenticator';
import { createRequestContext, type RequestContext } from './context';
import type { GraphGateway } from './db/graph-gateway';
import { formatError } from './graphql/format-error';
import { costReportPlugin } from './graphql/cost-report.plugin';
import { queryLimitPlugins, queryLimitRules, queryParseOptions, type QueryLimits } from './graphql/query-limits';
import { GraphStatistics, type GraphSizes } from './graphql/limits/graph-statistics';
import { REQUEST_ID_HEADER, requestIdFrom, requestIdPlugin } from './graphql/request-id.plugin';
import { live, ready } from './http/health';
import { BodyTooLargeError, readBody } from './http/read-body';
import { sendJson } from './http/send';
import { IDE_ASSET_PREFIX, serveIdeAsset } from './ide/ide-assets';
import { serveIdePage, wantsIdePage } from './ide/serve-ide-page';

/** Requests larger than this are refused before parsing (a GraphQL document is a few KiB at most). */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  readonly schema: GraphQLSchema;
  readonly gateway: GraphGateway;
  readonly introspection: boolean;
  /** Adds `extensions.cypher` (statement count and database time) to every response. */
  readonly reportCost: boolean;
  readonly queryLimits: QueryLimits;
  /** The loaded graph's list sizes, for the cost limit (refreshed after seeding; unmeasured sizes when absent). */
  readonly graphSizes?: GraphSizes;
  /** Reads the viewer from the Authorization header (every request is an anonymous viewer when absent). */
  readonly authenticate?: Authenticate;
}

export interface RunningServer {
  readonly url: string;
  readonly httpServer: Server;
  /** Stops accepting connections, drains in-flight requests, then stops Apollo. */
  stop(): Promise<void>;
}

/**
 * The HTTP front: /graphql (Apollo; the GraphiQL IDE for browsers, its files under /ide/), /health/live and
 * /health/ready. No listen here beyond `listen()`, so tests build the same server on a free port.
 */
export async function createServer(deps: ServerDeps): Promise<{ listen(port: number): Promise<RunningServer> }> {
  const httpServer = createHttpServer();
  const apollo = new ApolloServer<RequestContext>({
    schema: deps.schema,
    introspection: deps.introspection,
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: queryLimitRules(deps.queryLimits, deps.graphSizes ?? new GraphStatistics()),
    parseOptions: queryParseOptions(deps.queryLimits),
    plugins: [
      requestIdPlugin(),
      ...queryLimitPlugins(deps.queryLimits),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's default landing page loads its code from a CDN, which closed networks cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      ...(deps.reportCost ? [costReportPlugin()] : []),
    ],
  });
  await apollo.start();

  httpServer.on('request', (request, response) => {
    route(request, response).catch((error: unknown) => {
      process.stderr.write(`unexpected HTTP error: ${String(error)}\n`);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health/live') return live(response);
    if (url.pathname === '/health/ready') return ready(response, deps.gateway);
    // A browser opening /graphql gets the GraphiQL IDE; its bundles come from /ide/, never from another host.
    if (url.pathname === '/graphql' && wantsIdePage(request)) return serveIdePage(request, response);
    if (url.pathname.startsWith(IDE_ASSET_PREFIX)) return serveIdeAsset(request, response, url.pathname);
    if (url.pathname === '/graphql') return graphql(request, response, url);
    sendJson(response, 404, { error: `no route ${url.pathname}; GraphQL is served at /graphql` });
  }

  async function graphql(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    let body: unknown;
    try {
      body = await parseBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendJson(response, 413, {
          errors: [{ message: error.message, extensions: { code: 'BAD_USER_INPUT' } }],
        });
      }
      return sendJson(response, 400, {
        errors: [
          {
            message: `request body is not valid JSON: ${(error as Error).message}`,
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () =>
        createRequestContext(
          deps.gateway,
          deps.authenticate ? await deps.authenticate(headers.get('authorization')) : ANONYMOUS_VIEWER,
          requestIdFrom(headers.get(REQUEST_ID_HEADER)),
        ),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  return {
    listen: (port: number) =>
      new Promise<RunningServer>((resolveListen, rejectListen) => {
        httpServer.once('error', rejectListen);
        httpServer.listen(port, () => {
          const address = httpServer.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolveListen({
            url: `http://localhost:${actualPort}`,
            httpServer,
            stop: () => apollo.stop(),
          });
        });
      }),
  };
}

async function parseBody(request: IncomingMessage): Promise<unknown> {
  if (request.method !== 'POST') return undefined;
  const text = await readBody(request, MAX_BODY_BYTES);
  if (text === '') return undefined;
  const type = request.headers['content-type'] ?? '';
  return type.includes('json') ? JSON.parse(text) : text;
}
