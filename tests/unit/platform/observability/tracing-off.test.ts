import { build, type Metafile } from 'esbuild';

/**
 * "Free when off": nothing of OpenTelemetry is loaded unless tracing is asked for. Read from the module
 * graph esbuild resolves from the composition root (src/index.ts): the static imports reach no
 * @opentelemetry package; only the dynamic import that OTEL_EXPORTER_OTLP_ENDPOINT triggers does.
 */
let graph: Metafile;

beforeAll(async () => {
  const result = await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    platform: 'node',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'unused',
    logLevel: 'silent',
  });
  graph = result.metafile;
}, 60_000);

/** Packages reached from `entry`, following static imports always and dynamic ones only when asked. */
function packagesReached(entry: string, followDynamic: boolean): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of graph.inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' && !followDynamic) continue;
      if (imported.external) packages.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(entry);
  return packages;
}

const openTelemetry = (packages: Set<string>): string[] =>
  [...packages].filter((name) => name.startsWith('@opentelemetry/')).sort();

it('loads no OpenTelemetry package through the static imports of the composition root', () => {
  expect(openTelemetry(packagesReached('src/index.ts', false))).toEqual([]);
});

it('reaches the SDK and the OTLP exporter only through the dynamic import of the tracing start', () => {
  // src/index.ts listens first and loads the service (src/service.ts) by a dynamic import; the service loads
  // the tracing start by one of its own, only when tracing is asked for.
  const dynamicOf = (file: string) =>
    (graph.inputs[file]?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
  expect(dynamicOf('src/index.ts')).toEqual(['src/service.ts']);
  expect(dynamicOf('src/service.ts')).toEqual(['src/platform/observability/tracing/start-tracing.ts']);
  expect(openTelemetry(packagesReached('src/service.ts', false))).toEqual([]);
  expect(openTelemetry(packagesReached('src/index.ts', true))).toEqual(
    expect.arrayContaining(['@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/sdk-trace-base']),
  );
});
