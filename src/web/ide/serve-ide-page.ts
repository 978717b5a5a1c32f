import type { IncomingMessage, ServerResponse } from 'node:http';
import { PACKAGE_INFO } from '../../core/package-info';
import type { Step } from '../../platform/http/middleware-chain';
import { readExampleOperations } from './example-operations';
import { IDE_CONTENT_SECURITY_POLICY, renderIdePage } from './ide-page';
import { prefersHtml } from './prefers-html';

const SERVICE_NAME = PACKAGE_INFO.name;

/**
 * Whether a request to the GraphQL endpoint is a person opening it in a browser: a GET that prefers HTML.
 * GraphQL over GET sends JSON accept types, so it still reaches Apollo.
 */
export function wantsIdePage(request: IncomingMessage): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && prefersHtml(request.headers.accept);
}

/** Sends the GraphiQL page, with the example operations as they are in the folder right now. */
export async function serveIdePage(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const html = renderIdePage({
    title: `${SERVICE_NAME} · GraphiQL`,
    storageNamespace: SERVICE_NAME,
    examples: await readExampleOperations(),
  });
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    // The page embeds the current examples, so it is revalidated every time; the bundles it loads are cached.
    'cache-control': 'no-cache',
    // The same URL answers GraphQL clients with JSON, so caches must key on Accept.
    vary: 'accept',
    'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(request.method === 'HEAD' ? undefined : html);
}

/**
 * The step of /graphql that answers a person's browser with the IDE and passes GraphQL requests on. The page
 * is built per request (it embeds the examples), so it goes out through `compress`, the compression step the
 * endpoint otherwise runs only on long answers.
 */
export function ideOnGraphqlPath(compress: Step): Step {
  return (request, response, next) => {
    if (!wantsIdePage(request)) {
      next();
      return;
    }
    compress(request, response, (error?: unknown) => {
      if (error === undefined) serveIdePage(request, response).catch(next);
      else next(error);
    });
  };
}
