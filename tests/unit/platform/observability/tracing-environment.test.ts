import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createTracing } from '../../../../src/platform/observability/tracing/create-tracing';
import { EXPORT_PAGE_ATTRIBUTES } from '../../../../src/platform/observability/tracing/export-page-spans';

/**
 * The OpenTelemetry settings docs/operators.md lists as the SDK's (OTEL_TRACES_SAMPLER, OTEL_SPAN_*) are read
 * by the SDK itself, not by the service's settings: this pins that they still do what the guide says. The
 * 3.x SDK (`@opentelemetry/sdk-trace`) reads no environment, so a move to it must read them some other way
 * (docs/contributors.md, Dependencies).
 */
/** The spans an export page with one statement gives, traced with `environment` set as the service starts. */
async function exportedSpans(environment: Readonly<Record<string, string>>): Promise<ReadableSpan[]> {
  const before = { ...process.env };
  Object.assign(process.env, environment);
  const exporter = new InMemorySpanExporter();
  try {
    const tracing = createTracing(new SimpleSpanProcessor(exporter));
    await tracing.exportPage({ kind: 'measures', format: 'csv', index: 1 }, () => {
      tracing.statementObserver.started({ name: 'records/write-result', mode: 'WRITE' })({ durationMs: 2 });
      return Promise.resolve();
    });
    // Read before shutting down: the in-memory exporter forgets its spans when the provider shuts it down.
    const spans = exporter.getFinishedSpans();
    await tracing.shutdown();
    return spans;
  } finally {
    for (const name of Object.keys(environment)) {
      if (before[name] === undefined) delete process.env[name];
      else process.env[name] = before[name];
    }
  }
}

it('samples every new trace by default, and none with OTEL_TRACES_SAMPLER=always_off', async () => {
  const sampled = await exportedSpans({});
  expect(sampled.map((span) => span.name)).toEqual(['records/write-result', 'export page']);
  expect(await exportedSpans({ OTEL_TRACES_SAMPLER: 'always_off' })).toEqual([]);
});

it('keeps at most OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT attributes on a span', async () => {
  const page = (await exportedSpans({ OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT: '1' })).find(
    (span) => span.name === 'export page',
  );
  expect(page?.attributes).toEqual({ [EXPORT_PAGE_ATTRIBUTES.kind]: 'measures' });
});
