import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../http/send';
import { carriesMetricsToken } from './metrics-token';
import type { ServiceMetrics } from './service-metrics';

/**
 * Answers a scrape with the exposition in Prometheus's text format. With `token` (METRICS_TOKEN, on the main
 * port), only a request bearing it is answered; any other gets 401 and not a byte of the metrics.
 */
export function serveMetrics(
  metrics: ServiceMetrics,
  token: string | undefined,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      sendJson(response, 405, { error: 'metrics are read with GET' });
      return;
    }
    if (token !== undefined && !carriesMetricsToken(request.headers.authorization, token)) {
      response.setHeader('www-authenticate', 'Bearer realm="metrics"');
      sendJson(response, 401, { error: 'metrics need the bearer token configured as METRICS_TOKEN' });
      return;
    }
    metrics.exposition().then(
      (text) => {
        response.writeHead(200, {
          'content-type': metrics.contentType,
          'content-length': Buffer.byteLength(text),
          'cache-control': 'no-store',
        });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        sendJson(response, 500, { error: `metrics could not be collected: ${String(error)}` });
      },
    );
  };
}
