import type { IncomingMessage, ServerResponse } from 'node:http';
import { rateLimit } from 'express-rate-limit';
import type { RateLimitSettings } from '../../core/config';
import { ErrorCode } from '../../core/errors';
import type { Authenticate } from '../auth/authenticator';
import type { Logger } from '../observability/logger';
import type { ServiceMetrics } from '../observability/metrics/service-metrics';
import { clientKey } from './client-address';
import type { ForwardedClient } from './forwarded-client';
import { headerValue } from './header-value';
import type { Step } from './middleware-chain';
import { sendErrorJson } from './localized-errors';

export interface RateLimitOptions {
  readonly settings: RateLimitSettings;
  /** Who sent a request as the trusted-proxy rules say (TRUSTED_PROXIES): never a header of an untrusted peer. */
  readonly clientOf: (request: IncomingMessage) => ForwardedClient;
  /** Reads a token's subject; without it every client is its address. */
  readonly authenticate?: Authenticate;
  readonly metrics?: ServiceMetrics;
  /** Where the library's own complaints go (a store error, a misconfiguration it detects). */
  readonly logger: Logger;
}

/** What a client is counted as: its token's subject, or, without a valid token, its address. */
interface ClientIdentity {
  readonly kind: 'subject' | 'address';
  readonly key: string;
}

/** The identity worked out for a request, kept on it under a symbol no other module can name. */
const IDENTITY = Symbol('rate-limit client');
type Identified = IncomingMessage & { [IDENTITY]?: ClientIdentity };

/**
 * The per-client rate limit (RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW_SECONDS), by express-rate-limit: each client
 * has a fixed window starting at its first request, counted in this process's memory (with several instances, each
 * counts its own). A client is the `sub` of a token that verifies, so a signed-in user keeps one share wherever it
 * connects from; otherwise its address as the trusted-proxy rules resolve it, folded as the live connections' fair
 * share folds it (an IPv6 /64 is one client, every loopback address is this machine). A token that does not verify
 * counts as no token: a client inventing tokens does not get a share per token. An `X-Forwarded-For` from a peer
 * that is not a trusted proxy is never read, so a client cannot name itself out of its share.
 *
 * Over the limit: 429 with `Retry-After` (seconds until the window ends) and the draft-7 `RateLimit` /
 * `RateLimit-Policy` headers, and a body in the shape of the service's other refusals before GraphQL runs
 * (`errors[0].extensions.code` RATE_LIMITED, with the wait, the limit and the window). Counted in
 * `honjo_rate_limited_requests_total`. The step runs after CORS, so a page's preflight is never counted and a 429
 * reaches the page readable.
 */
export function rateLimitStep(options: RateLimitOptions): Step {
  const { requests, windowMs } = options.settings;
  const windowSeconds = Math.ceil(windowMs / 1000);
  const limiter = rateLimit({
    windowMs,
    limit: requests,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    logger: options.logger,
    keyGenerator: async (request) => (await identify(request, options)).key,
    handler: (request, response) => {
      const identity = (request as Identified)[IDENTITY];
      options.metrics?.rateLimited.inc({ client: identity?.kind ?? 'address' });
      refuse(request, response, Number(response.getHeader('retry-after') ?? windowSeconds), requests, windowSeconds);
    },
  });
  // express-rate-limit's types name Express's request and response; it reads and writes only node's own
  // (`setHeader`, `getHeader`, `headersSent`, and the handler above), as the GraphQL endpoint's chain gives them.
  return limiter as unknown as Step;
}

/** The client a request counts for, worked out once per request. */
async function identify(request: IncomingMessage, options: RateLimitOptions): Promise<ClientIdentity> {
  const identified = request as Identified;
  identified[IDENTITY] ??= await identityOf(request, options);
  return identified[IDENTITY];
}

async function identityOf(request: IncomingMessage, options: RateLimitOptions): Promise<ClientIdentity> {
  const authorization = headerValue(request, 'authorization');
  if (options.authenticate !== undefined && authorization !== undefined) {
    // The request path verifies the token again and answers a bad one 401; here a bad one only means "no subject".
    const subject = await options.authenticate(authorization).then(
      (viewer) => viewer.subject,
      () => null,
    );
    if (subject !== null) return { kind: 'subject', key: `subject:${subject}` };
  }
  return { kind: 'address', key: `address:${clientKey(options.clientOf(request).address)}` };
}

/** The refusal, shaped as the refusals before GraphQL (request-body.ts): `{ errors: [{ message, extensions }] }`. */
function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  retryAfterSeconds: number,
  requests: number,
  windowSeconds: number,
): void {
  sendErrorJson(request, response, 429, {
    errors: [
      {
        message:
          `Too many requests: this client may send ${requests} in ${windowSeconds} s (RATE_LIMIT_REQUESTS); ` +
          `retry after ${retryAfterSeconds} s.`,
        extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds, limit: requests, windowSeconds },
      },
    ],
  });
}
