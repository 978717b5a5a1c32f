import { ConfigError, loadConfig } from '../../../src/core/config';

describe('tracing settings', () => {
  it('are off without an OTLP endpoint', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
  });

  it('are on with OTEL_EXPORTER_OTLP_ENDPOINT or the traces-only endpoint', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318' }).tracing).toEqual({
      endpoint: 'http://localhost:4318',
    });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://tempo.example.org/v1/traces' }).tracing?.endpoint,
    ).toBe('https://tempo.example.org/v1/traces');
  });

  it('stay off when OTEL_SDK_DISABLED is true, whatever the endpoint', () => {
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318', OTEL_SDK_DISABLED: 'true' }).tracing,
    ).toBeUndefined();
  });

  it('refuse an endpoint that is not an http(s) URL, naming the variable', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost:4318' })).toThrow(ConfigError);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost:4318' })).toThrow(
      "OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL (http://localhost:4318), got 'localhost:4318'",
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://collector:4317' })).toThrow(
      /^OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be/,
    );
  });
});
