import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from 'body-parser';
import { hasBody, TypeIs } from 'type-is';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { jsonNesting } from './json-nesting';
import type { ErrorStep, Step } from './middleware-chain';
import { sendErrorJson } from './localized-errors';
import { quotedInput } from '../../core/quoted-input';

/** Requests larger than this are refused before parsing (a GraphQL document is a few KiB at most). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * After a 413, what the server still reads of the refused upload before it closes the connection: enough for
 * the client to see the answer (a client stops sending once it has read it, or once the connection is
 * half-closed), never the whole of an upload that can be any size.
 */
export const REFUSED_BODY_DRAIN = { maxBytes: 1024 * 1024, maxMs: 2_000 } as const;

/** A GraphQL-style error body for failures before GraphQL runs, so clients parse one shape only. */
function sendRequestError(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  sendErrorJson(request, response, status, {
    errors: [{ message, extensions: { code: ApolloServerErrorCode.BAD_REQUEST, ...extensions } }],
  });
}

function tooLarge(request: IncomingMessage, response: ServerResponse): void {
  drainThenClose(request, response);
  sendRequestError(
    request,
    response,
    413,
    `request body larger than ${MAX_BODY_BYTES} bytes; a GraphQL request is a few KiB (send large inputs as variables of several requests)`,
    { limitBytes: MAX_BODY_BYTES },
  );
}

/**
 * The end of a connection whose upload was refused, so that the client reads the 413 rather than a reset.
 * Closing a socket with unread bytes makes the kernel send a reset, and a reset can destroy the answer before
 * the client reads it (it did in 1 of 5 to 4 of 8 tries of a fast writer; a client sending `Connection: close`
 * lost it 9 times in 10). So once the answer is written the connection is half-closed (FIN after the answer:
 * the client's HTTP stack sees the response end), and what the client still sends is read and dropped, up to
 * REFUSED_BODY_DRAIN's bytes; past them, reading stops (TCP pushes back on the client) rather than the socket
 * being destroyed under an answer still on its way. The socket is destroyed only after the answer went out,
 * REFUSED_BODY_DRAIN's time after the refusal at the latest: well behaved clients have closed their side by then.
 */
function drainThenClose(request: IncomingMessage, response: ServerResponse): void {
  const { socket } = request;
  // Node itself destroys the socket of a `Connection: close` request as soon as the answer is out, with the
  // upload unread (a reset, the answer lost 9 times in 10): here the connection's end is ours to make.
  response.shouldKeepAlive = true;
  const deadline = setTimeout(() => socket.destroy(), REFUSED_BODY_DRAIN.maxMs);
  socket.once('close', () => clearTimeout(deadline));
  let drained = 0;
  const count = (chunk: Buffer): void => {
    drained += chunk.length;
    if (drained > REFUSED_BODY_DRAIN.maxBytes) request.pause();
  };
  request.on('data', count);
  request.resume(); // body-parser pauses a body it stopped reading
  response.once('finish', () => {
    socket.end();
    // Node's clean-up after an answer drops the body's listeners and reads on: counting starts again.
    request.on('data', count);
  });
}

/**
 * Refuses a body whose declared Content-Length is over the limit at once, before a byte of it is read, and
 * drains a bounded part of the upload so the 413 reaches the client while it is still sending.
 */
export const refuseDeclaredOversizedBody: Step = (request, response, next) => {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge(request, response);
  next();
};

/** The body types a GraphQL POST may have. */
const JSON_TYPES = new TypeIs(['application/json', 'application/*+json']);

/** Whether the request has a body of a JSON type (false without a body). */
const hasJsonBody = (request: IncomingMessage): boolean =>
  hasBody(request) && JSON_TYPES.request(request) !== undefined;

/**
 * body-parser's JSON reader, run only by parseJsonBody. A POST reaching it has a JSON type already (parseJsonBody
 * refused the others, and body-parser skips a request without a body before asking), so its type is not
 * matched a second time; other methods are matched as body-parser would.
 */
const jsonParser = json({
  limit: MAX_BODY_BYTES,
  type: (request) => request.method === 'POST' || hasJsonBody(request),
});

/**
 * JSON bodies (`application/json` and `…+json`) up to the limit, also when sent chunked without a length. A
 * POST body of any other type is refused 415 before Apollo sees it: text/plain and forms are what a page on
 * another site can send without a preflight, so no such request ever runs an operation, whatever
 * CSRF_PREVENTION says.
 */
export const parseJsonBody: Step = (request, response, next) => {
  // A POST without a body is let through (Apollo answers that one); a body of another type is refused.
  if (request.method === 'POST' && hasBody(request) && !hasJsonBody(request)) {
    const declared = request.headers['content-type'];
    return sendRequestError(
      request,
      response,
      415,
      `a POST body must be JSON (content-type: application/json), got ${declared === undefined ? 'no content-type' : `content-type ${quotedInput(declared)}`}`,
    );
  }
  jsonParser(request, response, next);
};

/** The errors body-parser reports (http-errors with a `type`), answered as GraphQL-style JSON. */
export const answerBodyErrors: ErrorStep = (error, request, response, next) => {
  const failure = error as { type?: unknown; status?: unknown; message?: unknown };
  if (response.headersSent) return next(error);
  switch (failure.type) {
    case 'entity.too.large':
      return tooLarge(request, response);
    case 'entity.parse.failed':
      return sendRequestError(request, response, 400, `request body is not valid JSON: ${String(failure.message)}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return sendRequestError(request, response, 415, String(failure.message));
    case 'request.aborted':
      // The client went away mid-upload: nobody is left to answer.
      return;
    default:
      if (typeof failure.status === 'number' && failure.status >= 400 && failure.status < 500) {
        return sendRequestError(request, response, failure.status, String(failure.message));
      }
      return next(error);
  }
};

/** The query parameters of a GET that Apollo parses as JSON. */
const JSON_QUERY_PARAMETERS = ['variables', 'extensions'];

/**
 * Refuses JSON nested deeper than `maxNesting` (QUERY_MAX_NESTING, the same limit as a document's own
 * nesting: a deep value is as deep written inline as passed as a variable) before Apollo sees the request:
 * each member of a POST body (`variables`, `extensions`, …), the body as a whole when it is not an object (a
 * batch), and the `variables` and `extensions` query parameters of a GET. Past this point the request's JSON
 * is walked by code that recurses (the response cache's key, the ETag's hash, variable coercion, logging), and
 * 5,000 levels of `[` in a variable overflowed the call stack there: HTTP 500. Here it is 400 BAD_REQUEST
 * naming where and the limit.
 */
export function refuseDeepJson(maxNesting: number): Step {
  const refuse = (request: IncomingMessage, response: ServerResponse, where: string) =>
    sendRequestError(
      request,
      response,
      400,
      `${where} nested deeper than ${maxNesting} levels; the limit is ${maxNesting} (QUERY_MAX_NESTING). ` +
        'No input of this API nests more than a few levels: send the value as the schema types it.',
      { limit: 'QUERY_MAX_NESTING', max: maxNesting },
    );
  return (request, response, next) => {
    const body = bodyOf(request);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      for (const [member, value] of Object.entries(body)) {
        if (jsonNesting(value, maxNesting) > maxNesting) return refuse(request, response, member);
      }
    } else if (jsonNesting(body, maxNesting) > maxNesting) {
      return refuse(request, response, 'request body');
    }
    const target = request.url ?? '/';
    // Most POSTs have no query string: nothing to read there.
    if (!target.includes('?')) return next();
    const search = queryParameters(target);
    for (const parameter of JSON_QUERY_PARAMETERS) {
      for (const text of search.getAll(parameter)) {
        if (jsonNesting(parsedOrUndefined(text), maxNesting) > maxNesting) return refuse(request, response, parameter);
      }
    }
    next();
  };
}

/**
 * A request target's query parameters, as `new URL(target, base).searchParams` reads them (after the first `?`, up to
 * a `#`), without building the whole URL: that cost about 8 µs a request, and most POSTs have no query string.
 */
export function queryParameters(target: string): URLSearchParams {
  const fragment = target.indexOf('#');
  const end = fragment === -1 ? target.length : fragment;
  const query = target.indexOf('?');
  if (query === -1 || query > end) return new URLSearchParams();
  return new URLSearchParams(target.slice(query + 1, end));
}

/** JSON text as its value; undefined when it is not JSON (Apollo reports that with its own message). */
function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The body body-parser read (`parseJsonBody`), undefined for a request without one. */
export function bodyOf(request: IncomingMessage): unknown {
  return (request as IncomingMessage & { body?: unknown }).body;
}
