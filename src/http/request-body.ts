import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { sendJson } from './send';

/** Requests larger than this are refused before parsing (a GraphQL document is a few KiB at most). */
export const MAX_BODY_BYTES = 256 * 1024;

/** A GraphQL-style error body for failures before GraphQL runs, so clients parse one shape only. */
function sendRequestError(
  response: Parameters<RequestHandler>[1],
  status: number,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  sendJson(response, status, {
    errors: [{ message, extensions: { code: ApolloServerErrorCode.BAD_REQUEST, ...extensions } }],
  });
}

function tooLarge(response: Parameters<RequestHandler>[1]): void {
  sendRequestError(
    response,
    413,
    `request body larger than ${MAX_BODY_BYTES} bytes; a GraphQL request is a few KiB (send large inputs as variables of several requests)`,
    { limitBytes: MAX_BODY_BYTES },
  );
}

/**
 * Refuses a body whose declared Content-Length is over the limit at once, before a byte of it is read. The
 * connection stays open (Node reads and drops the rest of the body), so the 413 reaches the client while it
 * is still sending instead of the socket being reset under it.
 */
export const refuseDeclaredOversizedBody: RequestHandler = (request, response, next) => {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge(response);
  next();
};

/** The body types a GraphQL POST may have. */
const JSON_TYPES = ['application/json', 'application/*+json'];

const jsonParser = express.json({ limit: MAX_BODY_BYTES, type: JSON_TYPES });

/**
 * JSON bodies (`application/json` and `…+json`) up to the limit, also when sent chunked without a length. A
 * POST body of any other type is refused 415 before Apollo sees it: text/plain and forms are what a page on
 * another site can send without a preflight, so no such request ever runs an operation, whatever
 * CSRF_PREVENTION says.
 */
export const parseJsonBody: RequestHandler = (request, response, next) => {
  // `is` is null for a request without a body (Apollo answers that one), false for a body of another type.
  if (request.method === 'POST' && request.is(JSON_TYPES) === false) {
    const declared = request.get('content-type');
    return sendRequestError(
      response,
      415,
      `a POST body must be JSON (content-type: application/json), got ${declared === undefined ? 'no content-type' : `content-type '${declared}'`}`,
    );
  }
  jsonParser(request, response, next);
};

/** The errors body-parser reports (http-errors with a `type`), answered as GraphQL-style JSON. */
export const answerBodyErrors: ErrorRequestHandler = (error: unknown, _request, response, next) => {
  const failure = error as { type?: unknown; status?: unknown; message?: unknown };
  if (response.headersSent) return next(error);
  switch (failure.type) {
    case 'entity.too.large':
      return tooLarge(response);
    case 'entity.parse.failed':
      return sendRequestError(response, 400, `request body is not valid JSON: ${String(failure.message)}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return sendRequestError(response, 415, String(failure.message));
    case 'request.aborted':
      // The client went away mid-upload: nobody is left to answer.
      return;
    default:
      if (typeof failure.status === 'number' && failure.status >= 400 && failure.status < 500) {
        return sendRequestError(response, failure.status, String(failure.message));
      }
      return next(error);
  }
};
