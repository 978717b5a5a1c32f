import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  ALERT_RULES_FILE,
  ALERT_TESTS_FILE,
  PROMETHEUS_DIRECTORY,
  alertRules,
  headingAnchor,
} from '../../../helpers/alert-rules';

/**
 * The alert rules operators load (deploy/prometheus/alerts.yml), checked by Prometheus's own tool: `promtool
 * check rules` (syntax, PromQL, templates) and `promtool test rules` (alerts.test.yml: each alert fires on
 * series that should fire it and not on others). promtool comes with Debian's `prometheus` package, which the
 * prerequisite check asks for. Whether the metric names exist is checked against a real scrape
 * (tests/integration/platform/observability/alert-rules-metrics.int.test.ts).
 */
const OPERATORS_GUIDE = join(__dirname, '..', '..', '..', '..', 'docs', 'operators.md');
const SEVERITIES = ['critical', 'warning'];

function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { cwd: PROMETHEUS_DIRECTORY, encoding: 'utf8', timeout: 30_000 });
  if (run.error !== undefined) {
    throw new Error(`promtool could not run (${run.error.message}): install Debian's prometheus package`);
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the Prometheus alert rules', () => {
  it('pass promtool check rules', () => {
    const { status, output } = promtool('check', 'rules', ALERT_RULES_FILE);
    // The output is the message on failure: it names the rule and what is wrong.
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') as string });
  });

  it('pass promtool test rules: every alert fires where it should and nowhere else', () => {
    const { status, output } = promtool('test', 'rules', ALERT_TESTS_FILE);
    expect({ status, output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') as string });
  });

  it('are each tested firing and not firing by alerts.test.yml', () => {
    const tests = parse(readFileSync(ALERT_TESTS_FILE, 'utf8')) as {
      tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[];
    };
    const cases = tests.tests.flatMap((test) => test.alert_rule_test ?? []);
    for (const { alert } of alertRules()) {
      const own = cases.filter((testCase) => testCase.alertname === alert);
      expect({ alert, fires: own.some((c) => (c.exp_alerts ?? []).length > 0) }).toEqual({ alert, fires: true });
      expect({ alert, silent: own.some((c) => (c.exp_alerts ?? []).length === 0) }).toEqual({ alert, silent: true });
    }
  });

  it('each have a for, a severity, a summary, a description and a runbook in the operators guide', () => {
    const guide = readFileSync(OPERATORS_GUIDE, 'utf8');
    const anchors = new Set([...guide.matchAll(/^#{2,4} (.+)$/gm)].map((heading) => headingAnchor(heading[1] ?? '')));
    const rules = alertRules();
    expect(rules.length).toBeGreaterThanOrEqual(7);
    for (const rule of rules) {
      const { alert, annotations = {}, labels = {} } = rule;
      expect({ alert, for: rule.for }).toEqual({ alert, for: expect.stringMatching(/^\d+[smh]$/) as string });
      expect({ alert, severity: SEVERITIES.includes(labels.severity ?? '') }).toEqual({ alert, severity: true });
      expect({ alert, summary: annotations.summary }).toEqual({ alert, summary: expect.any(String) as string });
      expect({ alert, description: annotations.description }).toEqual({
        alert,
        description: expect.any(String) as string,
      });
      const runbook = /^docs\/operators\.md#([a-z0-9-]+)$/.exec(annotations.runbook_url ?? '');
      expect({ alert, runbook: annotations.runbook_url, found: anchors.has(runbook?.[1] ?? '') }).toEqual({
        alert,
        runbook: annotations.runbook_url,
        found: true,
      });
    }
  });
});
