import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './send';

/**
 * For routes that only give something to read (files, health): anything but GET and HEAD is answered 405 with
 * `Allow: GET, HEAD` (RFC 9110 15.5.6), so a probe misconfigured to POST learns it at once. Returns whether
 * the request was refused.
 */
export function refusedUnlessReading(request: IncomingMessage, response: ServerResponse, pathname: string): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  response.setHeader('allow', 'GET, HEAD');
  sendJson(response, 405, { error: `${request.method ?? 'this method'} is not allowed on ${pathname}` });
  return true;
}
