import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './send';

/** A file held in memory, ready to send. */
export interface StaticBody {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
}

/** A strong ETag from the content: equal bytes, equal tag, on every machine and after every restart. */
export function contentEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Answers GET/HEAD with the file (or 304 when the browser's copy is current) and anything else with 405.
 * `headers` (at least cache-control) go on both. `nosniff` so a browser never runs a file as another type than the one given.
 */
export function sendStatic(
  request: IncomingMessage,
  response: ServerResponse,
  file: StaticBody,
  pathname: string,
  headers: { readonly 'cache-control': string } & Readonly<Record<string, string>>,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return sendJson(response, 405, { error: `${request.method ?? 'this method'} is not allowed on ${pathname}` });
  }
  const commonHeaders = { ...headers, etag: file.etag, 'x-content-type-options': 'nosniff' };
  if (request.headers['if-none-match'] === file.etag) {
    response.writeHead(304, commonHeaders);
    response.end();
    return;
  }
  response.writeHead(200, { ...commonHeaders, 'content-type': file.contentType, 'content-length': file.body.length });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}
