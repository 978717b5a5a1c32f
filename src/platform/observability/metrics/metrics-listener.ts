import { createServer } from 'node:http';
import { sendJson } from '../../http/send';
import { serveMetrics } from './serve-metrics';
import type { ServiceMetrics } from './service-metrics';

export interface MetricsListener {
  /** Where Prometheus scrapes: `http://host:port/metrics`. */
  readonly url: string;
  /** The address and port actually bound. */
  readonly address: { readonly host: string; readonly port: number };
  close(): Promise<void>;
}

/**
 * The metrics on a port of their own (METRICS_PORT), apart from the API: only `/metrics`, no token, so it binds
 * loopback unless METRICS_HOST says otherwise (a scraper on another machine, behind the network's own rules).
 */
export function listenForMetrics(metrics: ServiceMetrics, port: number, host = '127.0.0.1'): Promise<MetricsListener> {
  const answer = serveMetrics(metrics, undefined);
  const server = createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname === '/metrics') answer(request, response);
    else sendJson(response, 404, { error: 'only /metrics is served on the metrics port' });
  });
  // A scrape is one short request; nothing should hold a connection open.
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const bound = server.address();
      const actual = typeof bound === 'object' && bound !== null ? bound : { address: host, port };
      const urlHost = actual.address.includes(':') ? `[${actual.address}]` : actual.address;
      resolve({
        url: `http://${urlHost}:${actual.port}/metrics`,
        address: { host: actual.address, port: actual.port },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
