import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import cors, { type CorsOptions } from 'cors';
import type { AllowedHosts } from './allowed-hosts';
import type { Step } from './middleware-chain';

/**
 * Request headers a page on another origin may send, so the usual front ends pass the preflight with their
 * default options: JSON bodies and bearer tokens; a request id of its own (kept by the service and logged);
 * W3C trace context from browser tracing (OpenTelemetry's fetch instrumentation); the client name and
 * version Apollo Client sends when told its name; the two headers Apollo's CSRF prevention accepts as
 * proof of a preflight (needed when CSRF_PREVENTION=true); and the Idempotency-Key of a write.
 */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-request-id',
  'traceparent',
  'tracestate',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'idempotency-key',
];

/**
 * Answer headers a page may read beyond the CORS-safelisted ones: the request id to quote in a report, the
 * validator and caching policy, how old a cached answer is, an export's file name, how long to wait before
 * trying again and what the rate limit leaves (RateLimit), and whether a write's answer was given again for its Idempotency-Key.
 */
const EXPOSED_HEADERS = [
  'x-request-id',
  'etag',
  'age',
  'content-disposition',
  'cache-control',
  'retry-after',
  'ratelimit',
  'ratelimit-policy',
  'idempotent-replayed',
];

/** How long a browser may reuse a preflight answer (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for /graphql and /export. `*` (the default) lets a dashboard on any origin read answers but never
 * with the user's cookies or credentials; a list lets only those origins in (answers vary on Origin). The
 * preflight (OPTIONS) is answered 204 here and never reaches Apollo.
 */
export function corsPolicy(origins: '*' | readonly string[]): Step {
  const options: CorsOptions = {
    origin: origins === '*' ? '*' : [...origins],
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  };
  const policy = cors(options) as Step;
  if (origins !== '*') return policy;
  // With `*`, what the policy puts on an answer other than a preflight is the same for every request: it is
  // taken from the middleware once, and set as it is on each answer. Run per request, the middleware copied its
  // options, made three closures and joined the exposed headers again, about 3 % of a `{ __typename }`
  // request's time (docs/benchmarks.md, "Phases").
  const answerHeaders = headersOnAnswers(policy);
  return (request, response, next) => {
    if (request.method === 'OPTIONS') {
      policy(request, response, next);
      return;
    }
    for (const [name, value] of answerHeaders) response.setHeader(name, value);
    next();
  };
}

/** The headers `policy` sets on a GET from anywhere. */
function headersOnAnswers(policy: Step): [string, string | number | string[]][] {
  const request = new IncomingMessage(new Socket());
  request.method = 'GET';
  const response = new ServerResponse(request);
  let passed = false;
  policy(request, response, () => (passed = true));
  if (!passed) throw new Error('the CORS policy stopped a GET it should have passed on');
  return response.getHeaderNames().map((name) => [name, response.getHeader(name) ?? '']);
}

/**
 * The CORS policy for a WebSocket upgrade, which browsers send without a preflight and without CORS's
 * checks: the service must refuse it itself. A browser always says its page's `Origin`; pages of the service
 * (the dashboard, the IDE) are allowed when their origin names one of the hosts the service answers to
 * (ALLOWED_HOSTS), whatever the request's own `Host` says (a page that rebound its name to this machine sends
 * its own name in both); others as CORS_ORIGINS says (`*`: any, as any page may read answers without
 * credentials). Without `Origin` the client is not a browser page, which CORS does not govern either.
 */
export function originMayConnect(
  origins: '*' | readonly string[],
  origin: string | undefined,
  allowedHosts: AllowedHosts,
): boolean {
  if (origin === undefined || origins === '*' || origins.includes(origin)) return true;
  return allowedHosts.allowsOrigin(origin);
}
