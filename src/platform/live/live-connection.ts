import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CloseCode, type Server as GraphQLWsServer } from 'graphql-ws';
import type { RawData, WebSocket } from 'ws';
import { ANONYMOUS_VIEWER } from '../../core/viewer';
import { clientKey } from '../http/client-address';
import type { ForwardedClient } from '../http/forwarded-client';
import { clientText } from '../observability/client-text';
import type { Logger } from '../observability/logger';
import type { ConnectionLimits } from './connection-limits';
import type { ConnectionExtra } from './live-graphql-server';
import { closeReason, clientTextOrUndefined } from './live-text';

/** Close code for a connection refused by a connection cap: RFC 6455's "Try Again Later" (clients back off). */
export const TRY_AGAIN_LATER = 1013;

export interface ConnectionParts {
  /** Who sent the upgrade: its peer, or the client trusted proxies name (TRUSTED_PROXIES). */
  readonly clientOf: (request: IncomingMessage) => ForwardedClient;
  readonly limits: ConnectionLimits;
  readonly graphqlOverWebSocket: GraphQLWsServer<ConnectionExtra>;
  /** The server pings this often; a connection that has not answered by the next ping is dropped. */
  readonly keepAliveMs: number;
  readonly log: Logger;
}

/**
 * One WebSocket connection's life: counted against the caps (refused with 1013 over them), pinged, handed to
 * graphql-ws, and logged when it opens and when it closes.
 */
export function serveConnection(socket: WebSocket, request: IncomingMessage, parts: ConnectionParts): void {
  const { limits, log, graphqlOverWebSocket } = parts;
  const client = parts.clientOf(request).address ?? 'unknown';
  const origin = clientTextOrUndefined(request.headers.origin);
  // Counted per client, not per address: one IPv6 network or loopback address range is one client.
  const shareKey = clientKey(client);
  const refusal = limits.open(shareKey);
  if (refusal !== undefined) {
    log.warn(
      { event: 'live.refused', client, origin, limit: refusal.setting, max: refusal.max },
      `live connection from ${client} refused: ${refusal.reason}`,
    );
    socket.close(TRY_AGAIN_LATER, closeReason(refusal.reason));
    return;
  }
  const connectionId = randomUUID();
  const openedAt = Date.now();
  log.info({ event: 'live.open', connectionId, client, origin }, `live connection opened from ${client}`);

  // A peer that has not answered the previous ping by the next one is gone (a dead network path keeps no FIN).
  let answered = true;
  socket.on('pong', () => {
    answered = true;
  });
  const keepAlive = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
  }, parts.keepAliveMs);
  keepAlive.unref();

  // Over-long messages (maxPayload) and broken frames: ws closes the socket itself (1009, 1002); logged below.
  socket.on('error', (error) => log.debug({ event: 'live.socket-error', connectionId, err: error }));

  const extra: ConnectionExtra = { socket, request, connectionId, viewer: ANONYMOUS_VIEWER, language: 'en' };
  const closed = graphqlOverWebSocket.opened(
    {
      protocol: socket.protocol,
      send: (data) =>
        new Promise<void>((resolve, reject) => {
          if (socket.readyState !== socket.OPEN) {
            resolve();
            return;
          }
          socket.send(data, (error) => (error ? reject(error) : resolve()));
        }),
      close: (code, reason) => socket.close(code, reason),
      onMessage: (handle) =>
        socket.on('message', (data, isBinary) => {
          // The protocol's messages are JSON text; a binary frame is passed on as empty, which graphql-ws refuses.
          handle(isBinary ? '' : textOf(data)).catch((error: unknown) => {
            log.error({ event: 'live.error', connectionId, err: error }, 'live message handling failed');
            socket.close(CloseCode.InternalServerError, 'Internal server error');
          });
        }),
    },
    extra,
  );

  socket.once('close', (code: number, reason: Buffer) => {
    clearInterval(keepAlive);
    limits.release(shareKey);
    void closed(code, reason.toString());
    // The client's close reason (up to 123 bytes), escaped: it must not start a line of the log.
    const told = clientText(reason.toString());
    log.info(
      {
        event: 'live.close',
        connectionId,
        client,
        code,
        reason: told,
        durationMs: Date.now() - openedAt,
        signedIn: extra.viewer.subject !== null,
      },
      `live connection from ${client} closed (${code}${told.length > 0 ? ` ${told}` : ''})`,
    );
  });
}

/** A text frame's bytes as ws hands them over (one buffer, fragments, or an ArrayBuffer), decoded. */
function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}
