import { context, defaultTextMapGetter, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { IncomingMessage } from 'node:http';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PEER_ADDRESS,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { Attributes } from '@opentelemetry/api';
import type { ForwardedClient } from '../../http/forwarded-client';
import type { Step } from '../../http/middleware-chain';
import { clientText } from '../client-text';
import { arrivedPath, routeOf } from '../../http/request-route';

/**
 * A server span per HTTP request, from its arrival to its answer (or the client's leaving), named
 * `<method> <route>` (`POST /graphql`, `GET /export/:file`; the method alone where no route matched). The
 * caller's W3C `traceparent` (and `tracestate`) make it a child of the caller's trace.
 *
 * A middleware rather than @opentelemetry/instrumentation-http: that one patches `node:http` through require
 * hooks set up before the modules load, while this is one function in the server's chain, with the same
 * propagator. The query string is not recorded (a GET to /graphql carries its variables there).
 *
 * Who asked and how come from `clientOf`, the resolution the access line uses (TRUSTED_PROXIES): behind a
 * trusted proxy that ends TLS the span says `https`, the client nginx saw and the host and port the client
 * asked for, as the line does; the proxy itself is `network.peer.address`.
 */
export function httpRequestSpans(tracer: Tracer, clientOf: (request: IncomingMessage) => ForwardedClient): Step {
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
          ...clientAttributes(clientOf(request), request),
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

/**
 * The client's side of a server span: the scheme it reached the service (or the proxy facing it) by, its
 * address, the host and port it asked for (the port the scheme implies when it named none) and its
 * User-Agent; each absent when unknown. The client chose the host and User-Agent: they are cut and escaped as
 * the log cuts them, so a 16 KB header does not become a 16 KB attribute in every span sent to the collector.
 */
function clientAttributes(client: ForwardedClient, request: IncomingMessage): Attributes {
  const server = client.host === undefined ? undefined : hostAndPort(client.host);
  const userAgent = request.headers['user-agent'];
  return {
    // Required on server spans: the scheme the client used (TLS ends here or at a trusted proxy).
    [ATTR_URL_SCHEME]: client.protocol,
    ...(client.address === undefined ? {} : { [ATTR_CLIENT_ADDRESS]: client.address }),
    ...(request.socket.remoteAddress === undefined
      ? {}
      : { [ATTR_NETWORK_PEER_ADDRESS]: request.socket.remoteAddress }),
    ...(server === undefined
      ? {}
      : {
          [ATTR_SERVER_ADDRESS]: clientText(server.address),
          [ATTR_SERVER_PORT]: server.port ?? (client.protocol === 'https' ? 443 : 80),
        }),
    ...(userAgent === undefined ? {} : { [ATTR_USER_AGENT_ORIGINAL]: clientText(userAgent) }),
  };
}

/** `example.org`, `example.org:8443`, `[2001:db8::1]:8443` as address and port; undefined when unreadable. */
export function hostAndPort(host: string): { address: string; port: number | undefined } | undefined {
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host.trim());
  if (match === null) return undefined;
  const address = (match[1] ?? '').replace(/^\[(.*)\]$/, '$1');
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  return { address, port };
}
