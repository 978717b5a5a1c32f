import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A middleware as Express, cors, compression and body-parser all write them, on node's own request and
 * response: it answers, or calls `next()` to go on, or `next(error)` to hand the request to the error
 * steps. Express accepts these as they are.
 */
export type Step = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => unknown;

/** What handles a request whose step failed (Express's error middleware, with the same arguments). */
export type ErrorStep = (
  error: unknown,
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => unknown;

/**
 * A request listener that runs `steps` in order, and on a failure (`next(error)`, a throw, or a rejected
 * promise from an async step, as Express 5 treats them) the `errorSteps` in order, the last one's `next`
 * being the end.
 *
 * The GraphQL endpoint runs its chain here instead of through Express (src/server.ts): Express gives every
 * request its own prototypes (`Object.setPrototypeOf` on the request and the response), which turns the
 * property reads of every later step, node's HTTP code included, into slow ones. A bare node:http server
 * answering a small JSON body did 42,000 requests a second; with that one swap, 15,000; through an Express
 * app with one middleware, 9,000 (autocannon, 16 connections, on the 2-core build machine). The endpoint
 * uses no Express API, so it goes without.
 */
export function middlewareChain(
  steps: readonly Step[],
  errorSteps: readonly ErrorStep[],
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const fail = (index: number, error: unknown): void => {
      const step = errorSteps[index];
      if (!step) return;
      const next = (later?: unknown): void => fail(index + 1, later ?? error);
      settle(() => step(error, request, response, next), next);
    };
    const run = (index: number): void => {
      const step = steps[index];
      if (!step) return;
      const next = (error?: unknown): void => (error === undefined ? run(index + 1) : fail(0, error));
      settle(() => step(request, response, next), next);
    };
    run(0);
  };
}

/** Calls `step`, passing what it throws, or what the promise it returns rejects with, to `next`. */
function settle(step: () => unknown, next: (error: unknown) => void): void {
  let returned: unknown;
  try {
    returned = step();
  } catch (error) {
    next(error);
    return;
  }
  if (returned instanceof Promise) returned.catch((error: unknown) => next(error ?? new Error('step rejected')));
}
