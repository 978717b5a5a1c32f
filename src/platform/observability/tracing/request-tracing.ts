import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ForwardedClient } from '../../http/forwarded-client';
import type { Step } from '../../http/middleware-chain';
import type { StatementObserver } from '../../../db/statement-observer';
import type { ExportPageTracer } from '../../export/serve-export';

/**
 * What the server and the gateway attach when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT set). Only types
 * here: the server names these pieces without loading the OpenTelemetry SDK, which the composition root
 * imports only when tracing is asked for.
 */
export interface RequestTracing {
  /**
   * A server span per HTTP request, child of the caller's W3C `traceparent` when it sends one; its client, scheme
   * and host as `clientOf` resolves them (the access line's resolution).
   */
  httpMiddleware(clientOf: (request: IncomingMessage) => ForwardedClient): Step;
  /** Spans of GraphQL parse, validate and execute. */
  readonly graphqlPlugin: ApolloServerPlugin;
  /** A span per Cypher statement, child of the execute span of the operation that ran it. */
  readonly statementObserver: StatementObserver;
  /** A span per export page (the page's GraphQL operation). */
  readonly exportPage: ExportPageTracer;
  /** Sends the spans still buffered and stops the exporter (on shutdown). */
  shutdown(): Promise<void>;
}
