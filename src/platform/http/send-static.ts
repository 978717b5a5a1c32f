import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { negotiateEncoding, type EncodedBodies } from './precompressed';
import { refusedUnlessReading } from './read-only-route';

/** A file held in memory, ready to send. */
export interface StaticBody {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
  /** The same bytes compressed when the file was built (brotli, gzip), sent to clients that accept them. */
  readonly encoded?: EncodedBodies;
}

/** A strong ETag from the content: equal bytes, equal tag, on every machine and after every restart. */
export function contentEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/**
 * Answers GET/HEAD with the file (or 304 when the browser's copy is current) and anything else with 405.
 * `headers` (at least cache-control) go on both. `nosniff` so a browser never runs a file as another type than the one given.
 *
 * A file with stored codings is sent in the one the client prefers (`Content-Encoding`, `Vary:
 * Accept-Encoding`), with a strong ETag of its own per coding (`"…-br"`): the bytes differ, and a cache
 * must not answer a gzip client's `If-None-Match` with brotli bytes. The compression middleware leaves an
 * answer that already has a `Content-Encoding` alone.
 */
export function sendStatic(
  request: IncomingMessage,
  response: ServerResponse,
  file: StaticBody,
  pathname: string,
  headers: { readonly 'cache-control': string } & Readonly<Record<string, string>>,
): void {
  if (refusedUnlessReading(request, response, pathname)) return;
  const encoding = file.encoded === undefined ? undefined : negotiateEncoding(request, file.encoded);
  const body = (encoding === undefined ? undefined : file.encoded?.[encoding]) ?? file.body;
  const etag = encoding === undefined ? file.etag : `${file.etag.slice(0, -1)}-${encoding}"`;
  const commonHeaders = {
    ...headers,
    etag,
    'x-content-type-options': 'nosniff',
    ...(file.encoded === undefined ? {} : { vary: 'Accept-Encoding' }),
  };
  if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
    response.writeHead(304, commonHeaders);
    response.end();
    return;
  }
  response.writeHead(200, {
    ...commonHeaders,
    'content-type': file.contentType,
    'content-length': body.length,
    ...(encoding === undefined ? {} : { 'content-encoding': encoding }),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** `If-None-Match` holds `etag` (it may list several tags, or `*`). */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim() === etag);
}
