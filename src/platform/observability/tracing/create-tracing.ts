import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { randomUUID } from 'node:crypto';
import { ATTR_SERVICE_INSTANCE_ID, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { PACKAGE_INFO } from '../../../core/package-info';
import { exportPageSpans } from './export-page-spans';
import { graphqlPhaseSpansPlugin } from '../../plugins/graphql-phase-spans.plugin';
import { httpRequestSpans } from './http-request-spans';
import type { RequestTracing } from './request-tracing';
import { RunningExecutions } from './running-executions';
import { statementSpans } from './statement-spans';

/**
 * The tracing pieces over one span processor (the OTLP exporter's batch in service, an in-memory exporter in
 * tests). The tracer provider stays this object's own (not the process-wide one), so two tracings in one
 * process never mix; what must be process-wide is the context manager: AsyncLocalStorage carries the active
 * span through every await, which is how a statement's span finds its request.
 *
 * The service is named by OTEL_SERVICE_NAME, else the package's name; OTEL_RESOURCE_ATTRIBUTES adds to it
 * and wins over the defaults, `service.instance.id` among them (see SERVICE_INSTANCE_ID).
 * The sampler (OTEL_TRACES_SAMPLER, default: follow the caller's decision, sample every new trace) and span
 * limits (OTEL_SPAN_*) are read by the SDK.
 */
/**
 * This process's `service.instance.id` unless OTEL_RESOURCE_ATTRIBUTES names one: a random UUID drawn at start,
 * as the conventions advise. Hostname and pid were the other candidate, but in a container the pid is 1 in
 * every instance and the hostname a random container id (or, with a fixed `hostname:`, the same after a
 * restart that is a new instance), and a hostname would tell a tracing backend outside the city's network
 * the machines' names. docker-compose.yml names each instance (`api`, `api-2`) for readable traces.
 */
export const SERVICE_INSTANCE_ID = randomUUID();

export function createTracing(spanProcessor: SpanProcessor): RequestTracing {
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: PACKAGE_INFO.name,
    [ATTR_SERVICE_VERSION]: PACKAGE_INFO.version,
    [ATTR_SERVICE_INSTANCE_ID]: SERVICE_INSTANCE_ID,
  }).merge(detectResources({ detectors: [envDetector] }));
  const provider = new BasicTracerProvider({ resource, spanProcessors: [spanProcessor] });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  const registered = context.setGlobalContextManager(contextManager);
  if (!registered) contextManager.disable(); // another tracing of this process registered one already

  const tracer = provider.getTracer(PACKAGE_INFO.name, PACKAGE_INFO.version);
  const executions = new RunningExecutions();
  return {
    httpMiddleware: (clientOf) => httpRequestSpans(tracer, clientOf),
    graphqlPlugin: graphqlPhaseSpansPlugin(tracer, executions),
    statementObserver: statementSpans(tracer, executions),
    exportPage: exportPageSpans(tracer),
    shutdown: async () => {
      await provider.shutdown();
      if (registered) context.disable();
    },
  };
}
