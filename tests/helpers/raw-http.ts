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

/**
 * A POST /graphql of `body` whose headers and first half of the body are sent, so the request is under way
 * (it holds its request slot, REQUEST_MAX_CONCURRENT) until `finish` sends the rest and resolves with the raw
 * answer once the server closed the connection. Resolves once the server has taken the request in: it asks
 * for `100 Continue`, which node:http sends in the same turn as it hands the request to the service's steps
 * (the admission among them), so a request sent afterwards is certain to come second.
 */
export async function halfSentRequest(
  url: string,
  body: string,
): Promise<{ readonly finish: () => Promise<string>; readonly socket: Socket }> {
  const socket = await openSocket(url);
  const chunks: Buffer[] = [];
  const continued = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      if (!Buffer.concat(chunks).toString('latin1').includes('HTTP/1.1 100 Continue\r\n\r\n')) return;
      chunks.length = 0;
      socket.off('close', onClose);
      socket.on('data', (later: Buffer) => chunks.push(later));
      socket.off('data', onData);
      resolve();
    };
    const onClose = (): void =>
      reject(new Error(`the server closed the connection: ${Buffer.concat(chunks).toString()}`));
    socket.on('data', onData);
    socket.once('close', onClose);
  });
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
  );
  await continued;
  return {
    socket,
    finish: () =>
      new Promise((resolve) => {
        socket.once('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.write(body.slice(half));
      }),
  };
}
