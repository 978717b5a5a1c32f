import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The operators' Prometheus files, beside the guide whose runbooks they link to. */
export const PROMETHEUS_DIRECTORY = join(__dirname, '..', '..', 'deploy', 'prometheus');
export const ALERT_RULES_FILE = join(PROMETHEUS_DIRECTORY, 'alerts.yml');
export const ALERT_TESTS_FILE = join(PROMETHEUS_DIRECTORY, 'alerts.test.yml');

/** One alerting rule as Prometheus reads it (rule_files' format). */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Every alerting rule of deploy/prometheus/alerts.yml, in file order; throws naming what is malformed. */
export function alertRules(): AlertRule[] {
  const file = parse(readFileSync(ALERT_RULES_FILE, 'utf8')) as { groups?: { rules?: AlertRule[] }[] };
  const rules = (file.groups ?? []).flatMap((group) => group.rules ?? []);
  for (const [index, rule] of rules.entries()) {
    if (typeof rule.alert !== 'string' || typeof rule.expr !== 'string') {
      throw new Error(`${ALERT_RULES_FILE}: rule ${index + 1} needs an alert name and an expr`);
    }
  }
  return rules;
}

/**
 * The series selectors of a PromQL expression: each metric name with the label names its matchers use
 * (`rate(honjo_x{code=~"A|B"}[5m])` gives `honjo_x` with `code` and its values `A`, `B` for `=~` and `=`).
 * Enough for the rules' own expressions, which name every metric by a literal name.
 */
export function selectorsOf(expr: string): { metric: string; matchers: { label: string; values: string[] }[] }[] {
  const selectors: { metric: string; matchers: { label: string; values: string[] }[] }[] = [];
  for (const match of expr.matchAll(/\b(honjo_[a-z0-9_]+|up)\b(?:\{([^}]*)\})?/g)) {
    const matchers = [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"([^"]*)"/g)].map(
      ([, label = '', operator = '', value = '']) => ({
        label,
        values: operator === '=' || operator === '=~' ? value.split('|') : [],
      }),
    );
    selectors.push({ metric: match[1] ?? '', matchers });
  }
  return selectors;
}

/** GitHub's anchor of a heading made of ASCII words: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}
