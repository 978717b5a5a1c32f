import cors, { type CorsOptions } from 'cors';
import type { RequestHandler } from 'express';

/**
 * Request headers a browser page may send: JSON bodies, a future bearer token, and the two headers Apollo's
 * CSRF prevention accepts as proof that the request was preflighted.
 */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'];

/** How long a browser may reuse a preflight answer (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the GraphQL endpoint. `*` (the default) lets a dashboard on any origin read answers but never
 * with the user's cookies or credentials; a list lets only those origins in (answers vary on Origin). The
 * preflight (OPTIONS) is answered 204 here and never reaches Apollo.
 */
export function corsPolicy(origins: '*' | readonly string[]): RequestHandler {
  const options: CorsOptions = {
    origin: origins === '*' ? '*' : [...origins],
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    // Lets a page read the validators and the caching policy of an answer.
    exposedHeaders: ['etag', 'cache-control'],
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  };
  return cors(options);
}
