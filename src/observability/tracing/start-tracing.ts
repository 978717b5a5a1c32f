import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createTracing } from './create-tracing';
import type { RequestTracing } from './request-tracing';

/**
 * Tracing as the service runs it: spans batched (OTEL_BSP_*) and sent as OTLP/HTTP (JSON bodies) to
 * OTEL_EXPORTER_OTLP_ENDPOINT + `/v1/traces`, or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, with
 * OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT and _COMPRESSION: the exporter reads them itself. Loaded by the
 * composition root only when tracing is asked for, so a service without it never loads the SDK.
 */
export function startTracing(): RequestTracing {
  return createTracing(new BatchSpanProcessor(new OTLPTraceExporter()));
}
