import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';
import { HttpDrain } from './http-drain';
import { httpServerOptions, type HttpTimeoutSettings } from './http-timeouts';
import type { StartUpStep } from '../service/start-up-progress';
import { live, starting } from './health';
import { refusedUnlessReading } from './read-only-route';
import { sendJson } from './send';
import { answerUnparsableRequests } from './unparsable-requests';

/** What answers a request once the service's routes exist (server.ts's front). */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface HttpListenerSettings extends HttpTimeoutSettings {
  readonly logger: Logger;
  /** The step of the start the service is on, named by /health/ready until the routes exist. */
  readonly startUp: StartUpStep;
}

/** How long a client is told to wait before it asks again while the service starts (Retry-After, seconds). */
const RETRY_WHILE_STARTING_S = 5;

/**
 * The service's HTTP server, listening before the service can answer everything: from the first moment
 * `/health/live` answers 200 and `/health/ready` 503 with the start-up step, so an orchestrator sees a process
 * that lives and starts rather than one that does not answer. Any other request is held until the routes are
 * handed over (`serve`) and answered by them then; one still waiting when its time (`requestTimeoutMs`) is
 * spent is answered 503 with the step and a Retry-After. Nothing is read from the database here, so what is
 * answered before `serve` tells nothing of the data; the Host check, the access line and CORS are the routes'
 * and apply to every request they answer, the held ones included.
 */
export class HttpListener {
  readonly httpServer: Server;
  /** Knows every connection from the first: the stop's drain (server.ts). */
  readonly drain: HttpDrain;
  private handler: RequestHandler | undefined;
  /** Requests waiting for `serve`, each resumed (or answered) once. */
  private readonly held = new Set<() => void>();
  private bound: { readonly url: string; readonly host: string } | undefined;

  constructor(private readonly settings: HttpListenerSettings) {
    this.httpServer = createServer(httpServerOptions(settings));
    // A connection on which nothing moved for this long is dropped, whatever else listens for the timeout.
    this.httpServer.setTimeout(settings.idleTimeoutMs, (socket) => socket.destroy());
    answerUnparsableRequests(this.httpServer, settings.logger);
    this.drain = new HttpDrain(this.httpServer);
    this.httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (this.handler !== undefined) this.handler(request, response);
      else this.whileStarting(request, response);
    });
  }

  /** The URL a client on this machine reaches, once listening. */
  get url(): string {
    if (this.bound === undefined) throw new Error('the HTTP server does not listen yet');
    return this.bound.url;
  }

  /** The address bound (the service's own name for the Host check), once listening. */
  get host(): string | undefined {
    return this.bound?.host;
  }

  /**
   * Listens on `port` at `host`: loopback unless the caller (HOST) says otherwise, since a service must not
   * appear on a network by default. Resolves with the URL.
   */
  listen(port: number, host = '127.0.0.1'): Promise<string> {
    return new Promise<string>((resolveListen, rejectListen) => {
      this.httpServer.once('error', rejectListen);
      this.httpServer.listen(port, host, () => {
        this.httpServer.off('error', rejectListen);
        const address = this.httpServer.address();
        const actualPort = typeof address === 'object' && address ? address.port : port;
        this.bound = { url: `http://${urlHost(host)}:${actualPort}`, host };
        resolveListen(this.bound.url);
      });
    });
  }

  /** From now on `handler` answers every request, the held ones first. */
  serve(handler: RequestHandler): void {
    this.handler = handler;
    for (const resume of [...this.held]) resume();
  }

  private whileStarting(request: IncomingMessage, response: ServerResponse): void {
    const path = pathOf(request.url);
    if (path === '/health/live') {
      if (!refusedUnlessReading(request, response, path)) live(response);
      return;
    }
    if (path === '/health/ready') {
      if (!refusedUnlessReading(request, response, path)) starting(response, this.settings.startUp);
      return;
    }
    const resume = (): void => {
      this.held.delete(resume);
      clearTimeout(timer);
      if (response.destroyed) return;
      if (this.handler !== undefined) this.handler(request, response);
      else notYet(response, this.settings.startUp, path);
    };
    this.held.add(resume);
    const timer = setTimeout(resume, this.settings.requestTimeoutMs);
    // A client that gives up is forgotten at once (its request is never answered by the routes).
    response.once('close', () => {
      if (!this.held.has(resume)) return;
      this.held.delete(resume);
      clearTimeout(timer);
    });
  }
}

/**
 * 503 to a request that waited its whole time for a service still starting: GraphQL's error shape on /graphql
 * (`SERVICE_UNAVAILABLE`, as when the database does not answer), a plain JSON error elsewhere.
 */
function notYet(response: ServerResponse, startUp: StartUpStep, path: string): void {
  const message = `the service is starting (${startUp.step() ?? 'almost done'}); try again shortly`;
  response.setHeader('retry-after', String(RETRY_WHILE_STARTING_S));
  if (path === '/graphql') {
    sendJson(response, 503, { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
  } else {
    sendJson(response, 503, { error: message });
  }
}

/** How a client on this machine reaches an address the server bound to. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '127.0.0.1') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
}
