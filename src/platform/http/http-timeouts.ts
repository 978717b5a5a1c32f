import type { ServerOptions } from 'node:http';

export interface HttpTimeoutSettings {
  /** Time to receive a whole request, headers and body (REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly idleTimeoutMs: number;
}

/** Headers are a few hundred bytes: a client that needs longer is trickling them on purpose. */
const HEADERS_TIMEOUT_MS = 10_000;

/**
 * How often Node looks for requests past their headers/request timeout. Its default (30 s) would let a
 * slow upload run up to 30 s past its budget.
 */
export const CONNECTIONS_CHECKING_INTERVAL_MS = 1_000;

/**
 * The node:http settings that keep careless and hostile clients from holding sockets:
 * - `headersTimeout` / `requestTimeout`: a client trickling its headers or body byte by byte is answered
 *   408 and cut off once the request's time budget is spent (Node's default for the body is 300 s);
 * - `keepAliveTimeout`: an idle keep-alive connection is closed after this long;
 * - `idleTimeoutMs` (socket timeout, Node's default is none): a connection on which nothing moves either
 *   way — typically a client that never reads an answer larger than the socket buffers — is destroyed.
 */
export function httpServerOptions(settings: HttpTimeoutSettings): ServerOptions {
  return {
    requestTimeout: settings.requestTimeoutMs,
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, settings.requestTimeoutMs),
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS,
  };
}
