import { context, defaultTextMapGetter, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { Step } from '../../http/middleware-chain';
import { arrivedPath, routeOf } from '../../http/request-route';

/**
 * A server span per HTTP request, from its arrival to its answer (or the client's leaving), named
 * `<method> <route>` (`POST /graphql`, `GET /export/:file`; the method alone where no route matched). The
 * caller's W3C `traceparent` (and `tracestate`) make it a child of the caller's trace.
 *
 * A middleware rather than @opentelemetry/instrumentation-http: that one patches `node:http` through require
 * hooks set up before the modules load, while this is one function in the server's chain, with the same
 * propagator. The query string is not recorded (a GET to /graphql carries its variables there).
 */
export function httpRequestSpans(tracer: Tracer): Step {
  const propagator = new W3CTraceContextPropagator();
  return (request, response, next) => {
    const method = request.method ?? 'GET';
    const callerContext = propagator.extract(context.active(), request.headers, defaultTextMapGetter);
    const span = tracer.startSpan(
      method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: method,
          [ATTR_URL_PATH]: arrivedPath(request),
          // Required on server spans: the scheme this server was reached by (TLS ends here or at a proxy).
          [ATTR_URL_SCHEME]: 'encrypted' in request.socket && request.socket.encrypted === true ? 'https' : 'http',
        },
      },
      callerContext,
    );
    const requestContext = trace.setSpan(callerContext, span);
    response.once('close', () => {
      // Mounted handlers (the dashboard, the IDE files) have no route.
      const route = routeOf(request);
      if (route !== undefined) {
        span.updateName(`${method} ${route}`);
        span.setAttribute(ATTR_HTTP_ROUTE, route);
      }
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
      if (!response.writableFinished) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'the connection closed before the answer was sent' });
      } else if (response.statusCode >= 500) {
        // error.type is required when the request failed; for a 5xx the conventions name the status code.
        span.setAttribute(ATTR_ERROR_TYPE, String(response.statusCode));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    });
    // Body parsing and streaming run in the request's and response's event callbacks, which would otherwise
    // lose the request's context; bound, everything the request does happens under its span.
    context.bind(requestContext, request);
    context.bind(requestContext, response);
    context.with(requestContext, next);
  };
}
