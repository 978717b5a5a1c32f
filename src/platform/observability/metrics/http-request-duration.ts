import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeOf } from '../../http/request-route';
import type { AnswerObserver } from '../access-log';
import type { ServiceMetrics } from './service-metrics';

/** The route label of a request no route answered (a JSON 404, a refused Host): never its raw path. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The methods of RFC 9110 and PATCH, as OpenTelemetry's `http.request.method` knows them; any other is
 * `_OTHER`, so a client inventing methods cannot add series (node's parser accepts some 30 more).
 */
const KNOWN_METHODS: ReadonlySet<string> = new Set([
  'CONNECT',
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
  'TRACE',
]);

/**
 * Records every HTTP request into `http_server_request_duration_seconds` when its access line is written,
 * with the line's duration. Each label is bounded by construction: the route is a pattern the server
 * declares (`/graphql`, `/export/:file`, `/dashboard/assets/*` …) or `unmatched`, the method one of nine or
 * `_OTHER`, the status its class (`2xx` … `5xx`).
 */
export function recordRequestDuration(metrics: ServiceMetrics): AnswerObserver {
  return (request, response, durationMs) => {
    metrics.httpRequestDuration.observe(requestLabels(request, response), durationMs / 1000);
  };
}

/** The histogram's labels of one answered request. */
export function requestLabels(
  request: IncomingMessage,
  response: ServerResponse,
): { http_route: string; http_request_method: string; http_response_status_class: string } {
  const method = request.method ?? 'GET';
  return {
    http_route: routeOf(request) ?? UNMATCHED_ROUTE,
    http_request_method: KNOWN_METHODS.has(method) ? method : '_OTHER',
    http_response_status_class: `${Math.floor(response.statusCode / 100)}xx`,
  };
}
