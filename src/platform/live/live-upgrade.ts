import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { AllowedHosts } from '../http/allowed-hosts';
import type { ForwardedClient } from '../http/forwarded-client';
import { originMayConnect } from '../http/cors-policy';
import type { Logger } from '../observability/logger';
import { clientTextOrUndefined } from './live-text';

/** Where subscriptions are served: the GraphQL endpoint's own path, as Apollo documents it. */
export const LIVE_PATH = '/graphql';

export interface UpgradeRules {
  /** CORS_ORIGINS: which pages of other origins may connect. */
  readonly corsOrigins: '*' | readonly string[];
  /** ALLOWED_HOSTS as bound: the names the service answers to (Host) and its own pages' origins. */
  readonly allowedHosts: () => AllowedHosts;
  /** Who sent an upgrade: its peer, or the client trusted proxies name (TRUSTED_PROXIES), as for HTTP. */
  readonly clientOf: (request: IncomingMessage) => ForwardedClient;
}

/**
 * The HTTP server's `upgrade` listener: an upgrade to LIVE_PATH, from a Host the service answers to and an
 * origin CORS_ORIGINS lets in, while the service is not stopping, becomes a WebSocket of `sockets`; any other
 * is answered with a plain HTTP error.
 */
export function upgradeToLive(
  sockets: WebSocketServer,
  rules: UpgradeRules,
  log: Logger,
  stopping: () => boolean,
): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== LIVE_PATH) {
      refuseUpgrade(socket, 404, `no WebSocket endpoint at ${path}; subscriptions are served at ${LIVE_PATH}`);
      return;
    }
    if (stopping()) {
      refuseUpgrade(socket, 503, 'the service is stopping');
      return;
    }
    const allowedHosts = rules.allowedHosts();
    const client = rules.clientOf(request);
    if (!allowedHosts.allowsHost(client.host)) {
      log.warn(
        { event: 'live.refused', client: client.address, limit: 'ALLOWED_HOSTS' },
        'live connection refused: its Host is not in ALLOWED_HOSTS',
      );
      refuseUpgrade(socket, 421, 'this service does not answer to the host name of this request (ALLOWED_HOSTS)');
      return;
    }
    const origin = request.headers.origin;
    const loggedOrigin = clientTextOrUndefined(origin);
    if (!originMayConnect(rules.corsOrigins, origin, allowedHosts)) {
      log.warn(
        { event: 'live.refused', client: client.address, origin: loggedOrigin, limit: 'CORS_ORIGINS' },
        `live connection from origin ${loggedOrigin ?? ''} refused: not in CORS_ORIGINS`,
      );
      refuseUpgrade(socket, 403, `origin ${origin ?? ''} may not connect (CORS_ORIGINS)`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => sockets.emit('connection', webSocket, request));
  };
}

/** Answers an upgrade that will not become a WebSocket with a plain HTTP error, then closes the socket. */
function refuseUpgrade(socket: Duplex, status: 403 | 404 | 421 | 503, message: string): void {
  const body = JSON.stringify({ error: message });
  const reasons = {
    403: 'Forbidden',
    404: 'Not Found',
    421: 'Misdirected Request',
    503: 'Service Unavailable',
  } as const;
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
