import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * How long a stop waits for the answers under way before it cuts the connections left. Docker's default grace
 * between SIGTERM and SIGKILL is 10 s, and after HTTP the stop still closes the driver and (embedded) stops
 * Neo4j: six seconds answers every ordinary request under way (a read takes milliseconds to a second), and a
 * client that never reads its answer (whose socket buffers are full) cannot hold the stop past it.
 */
export const STOP_DRAIN_MS = 6_000;

/**
 * How long an idle keep-alive connection stays open once the stop has begun: a request a client had already
 * sent on it (its bytes on their way) is answered, with `Connection: close`, instead of meeting a socket the
 * server just ended. Ended at once, such a request failed (undici: UND_ERR_SOCKET) in a stop under load.
 */
export const IN_TRANSIT_MS = 500;

/**
 * Stops an HTTP server as gently as the time allows: no new connection is accepted, idle keep-alive
 * connections are closed after IN_TRANSIT_MS, each busy one once its answers are sent, and whatever is left after the grace
 * is destroyed. It counts connections from the server's creation, not from the moment Apollo Server starts:
 * the service listens before Apollo exists (it answers /health/live while it starts), and a connection opened
 * then that no drain knew of held `server.close()` until the client dropped it.
 */
export class HttpDrain {
  /** Every open connection, with the requests on it not yet answered. */
  private readonly open = new Map<Socket, number>();
  private stopping = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.open.set(socket, 0);
      socket.once('close', () => this.open.delete(socket));
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const socket = request.socket;
      this.open.set(socket, (this.open.get(socket) ?? 0) + 1);
      response.once('close', () => {
        const left = (this.open.get(socket) ?? 1) - 1;
        this.open.set(socket, left);
        if (this.stopping && left === 0) socket.end();
      });
    });
  }

  /** Connections open now (for tests and the stop's log). */
  get connections(): number {
    return this.open.size;
  }

  /**
   * Stops accepting, ends idle connections (after IN_TRANSIT_MS), waits for the busy ones (each ended once its answers are sent) for
   * `graceMs` at most, then destroys the rest. Resolves with how many connections were cut.
   */
  async stop(graceMs: number = STOP_DRAIN_MS): Promise<number> {
    this.stopping = true;
    // net's close, not http's: http's also ends every idle connection at once (closeIdleConnections).
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(this.server, () => resolve()));
    const endIdle = setTimeout(
      () => {
        for (const [socket, requests] of this.open) if (requests === 0) socket.end();
      },
      Math.min(IN_TRANSIT_MS, graceMs),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    const outcome = await Promise.race([closed.then(() => 'closed' as const), late]);
    clearTimeout(timer);
    clearTimeout(endIdle);
    const cut = outcome === 'closed' ? 0 : this.open.size;
    for (const socket of this.open.keys()) socket.destroy();
    await closed;
    // http's own close now only clears its timer of request timeouts (the server is closed already).
    this.server.close(() => undefined);
    return cut;
  }
}
