import { request as httpRequest, type Agent } from 'node:http';
import { connect, type Socket } from 'node:net';

/** The port of a test server URL (http://localhost:PORT). */
export function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** A plain TCP connection to a test server, for requests no HTTP client would send (slow, huge, unread). */
export function openSocket(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(portOf(url), '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The body exactly as sent (still compressed when the answer was). */
  readonly body: Buffer;
}

/** One request through node:http, which (unlike fetch) neither adds Accept-Encoding nor decodes the body. */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    agent?: Agent;
    /** The address the request leaves from (127.0.0.2 … to stand for another client on loopback). */
    localAddress?: string;
  } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: options.agent,
        localAddress: options.localAddress,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
