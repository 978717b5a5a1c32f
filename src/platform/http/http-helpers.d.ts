/**
 * The parts of Express's own helpers (the libraries its request and response methods call) that the
 * GraphQL endpoint, which runs without Express (src/platform/http/middleware-chain.ts), calls directly. They ship no
 * types of their own.
 */
declare module 'vary' {
  import type { ServerResponse } from 'node:http';
  /** Adds `field` to the response's `Vary` header (once, keeping what is there). */
  function vary(response: ServerResponse, field: string): void;
  export = vary;
}

declare module 'fresh' {
  /** Whether the client's cached copy (its conditional headers) still matches the response's validators. */
  function fresh(
    requestHeaders: Readonly<Record<string, string | readonly string[] | undefined>>,
    responseHeaders: Readonly<Record<string, unknown>>,
  ): boolean;
  export = fresh;
}
