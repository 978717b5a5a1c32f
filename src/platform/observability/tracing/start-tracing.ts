import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '../logger';
import { createTracing } from './create-tracing';
import { logExporterDiagnostics } from './exporter-diagnostics';
import type { RequestTracing } from './request-tracing';

/**
 * Tracing as the service runs it: spans batched (OTEL_BSP_*) and sent as OTLP/HTTP (JSON bodies) to
 * OTEL_EXPORTER_OTLP_ENDPOINT + `/v1/traces`, or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, with
 * OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT and _COMPRESSION: the exporter reads them itself. Loaded by the
 * composition root only when tracing is asked for, so a service without it never loads the SDK. The SDK's
 * own warnings (an unreachable collector) go to `logger`.
 */
export function startTracing(logger: Logger): RequestTracing {
  logExporterDiagnostics(logger);
  return createTracing(new BatchSpanProcessor(new OTLPTraceExporter()));
}
