import { UNMANAGED_DATABASE } from '../../../../src/db/database-health';
import { ErrorCode } from '../../../../src/core/errors';
import { ServiceMetrics } from '../../../../src/platform/observability/metrics/service-metrics';
import { statementMetrics } from '../../../../src/platform/observability/metrics/statement-metrics';
import { watchDatabase } from '../../../../src/platform/observability/metrics/watch-database';
import { alertRules, selectorsOf } from '../../../helpers/alert-rules';
import { readExposition, type Exposition } from '../../../helpers/prometheus-text';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * The alert rules (deploy/prometheus/alerts.yml) name only series the service really exposes, read from a real
 * scrape of a server wired as the composition root wires one with an embedded database: so a renamed metric,
 * label or error code fails here, not silently in production as an alert that never fires.
 */
const TOKEN = 'alert-rules-test-token-0123456789abcdefghij';
/** Added by Prometheus to every scraped series, and `up`, which it records for each scrape itself. */
const PROMETHEUS_LABELS = new Set(['job', 'instance']);
const PROMETHEUS_SERIES = new Set(['up']);
/** The series of each kind of family, as the exposition names them. */
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  histogram: ['_bucket', '_count', '_sum'],
  summary: ['', '_count', '_sum'],
};

/** Every series name the exposition declares, with the label names its samples carry. */
function seriesOf(exposition: Exposition): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  for (const [family, type] of exposition.types) {
    for (const suffix of SUFFIXES[type] ?? ['']) series.set(`${family}${suffix}`, new Set());
  }
  for (const sample of exposition.samples) {
    for (const label of Object.keys(sample.labels)) series.get(sample.name)?.add(label);
  }
  return series;
}

describe('the alert rules against a real scrape', () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  let server: TestServer;
  let exposition: Exposition;

  beforeAll(async () => {
    db = openTestDatabase();
    const metrics = new ServiceMetrics();
    const directory = process.env.TEST_NEO4J_DATA;
    if (directory === undefined) throw new Error('TEST_NEO4J_DATA is not set: run through jest (global setup sets it)');
    // As src/index.ts wires the service over an embedded database.
    watchDatabase(
      metrics,
      { driver: db.driver, embedded: undefined, health: UNMANAGED_DATABASE, dataDirectory: directory },
      db.gateway,
    );
    server = await startTestServer(db.gateway.observing(statementMetrics(metrics)), {
      metrics,
      metricsToken: TOKEN,
    });
    // One request and one error, so the request histogram and the error counter have labelled samples.
    await server.query('query Measures { measures(first: 1) { totalCount } }');
    await server.query('{ measures(first: 0) { totalCount } }');
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    exposition = readExposition(await response.text());
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('uses only metric names the service exposes, with labels its samples carry', () => {
    const series = seriesOf(exposition);
    const used = alertRules().flatMap((rule) => selectorsOf(rule.expr).map((selector) => ({ ...selector, rule })));
    expect(used.length).toBeGreaterThan(0);
    for (const { metric, matchers, rule } of used) {
      if (PROMETHEUS_SERIES.has(metric)) continue;
      expect({ alert: rule.alert, metric, exposed: series.has(metric) }).toEqual({
        alert: rule.alert,
        metric,
        exposed: true,
      });
      for (const { label } of matchers) {
        const known = PROMETHEUS_LABELS.has(label) || (series.get(metric)?.has(label) ?? false);
        expect({ alert: rule.alert, metric, label, known }).toEqual({ alert: rule.alert, metric, label, known: true });
      }
    }
  });

  it('names only error codes the service sends', () => {
    const codes = new Set<string>(Object.values(ErrorCode));
    const named = alertRules().flatMap((rule) =>
      selectorsOf(rule.expr).flatMap(({ matchers }) =>
        matchers
          .filter((m) => m.label === 'code')
          .flatMap((m) => m.values.map((code) => ({ alert: rule.alert, code }))),
      ),
    );
    expect(named.map(({ code }) => code)).toContain(ErrorCode.WRITE_OUTCOME_UNKNOWN);
    for (const { alert, code } of named)
      expect({ alert, code, sent: codes.has(code) }).toEqual({ alert, code, sent: true });
  });
});
