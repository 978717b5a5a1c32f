import type { IncomingMessage } from 'node:http';

/** A request header's value, the first one when it was sent more than once; undefined when absent. */
export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
