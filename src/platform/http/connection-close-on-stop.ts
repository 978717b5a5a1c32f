import type { ServerResponse } from 'node:http';
import type { Step } from './middleware-chain';

/**
 * Tells keep-alive clients, once shutdown has begun, that the connection ends with the answer they are
 * waiting for (`Connection: close`), so they open a new connection for their next request instead of
 * sending it on a socket that is about to close (and having it reset). Apollo's drain plugin does the rest:
 * it stops accepting connections, closes idle keep-alive sockets at once and waits for in-flight answers.
 */
export class ConnectionCloseOnStop {
  private stopping = false;
  private readonly inFlight = new Set<ServerResponse>();

  readonly middleware: Step = (_request, response, next) => {
    if (this.stopping) {
      response.setHeader('connection', 'close');
    } else {
      this.inFlight.add(response);
      response.once('close', () => this.inFlight.delete(response));
    }
    next();
  };

  /** From now on every answer closes its connection, including those already being worked on. */
  beginStop(): void {
    this.stopping = true;
    for (const response of this.inFlight) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
    this.inFlight.clear();
  }
}
