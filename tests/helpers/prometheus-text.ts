import { spawnSync } from 'node:child_process';

/** One sample line of an exposition: `name{label="value",…} value`. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Exposition {
  readonly samples: readonly Sample[];
  /** Each family's `# TYPE` (counter, gauge, histogram …). */
  readonly types: ReadonlyMap<string, string>;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/;

/**
 * Reads Prometheus's text format (version 0.0.4) strictly: every line must be a comment, a HELP or TYPE
 * line, or a sample with well-formed labels and a number, else this throws naming the line. The npm parser
 * tried first (parse-prometheus-text-format 1.1.1) merges a labelled histogram's series into one and drops
 * their labels, sums and counts, so it could not show per-label changes; `promtool check metrics` (below)
 * checks the format the way Prometheus itself does, where it is installed.
 */
export function readExposition(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  text.split('\n').forEach((line, index) => {
    const where = `line ${index + 1} (${JSON.stringify(line.slice(0, 120))})`;
    if (line === '' || (line.startsWith('#') && !/^# (HELP|TYPE) /.test(line))) return;
    const type = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`).exec(line);
    if (type) {
      if (types.has(type[1] ?? '')) throw new Error(`${where}: a second TYPE for ${type[1]}`);
      types.set(type[1] ?? '', type[2] ?? '');
      return;
    }
    if (new RegExp(`^# HELP ${NAME} `).test(line)) return;
    const sample = SAMPLE_LINE.exec(line);
    if (!sample) throw new Error(`${where}: not a sample line`);
    const value = valueOf(sample[3] ?? '');
    if (value === undefined) throw new Error(`${where}: the value is not a number`);
    samples.push({ name: sample[1] ?? '', labels: labelsOf(sample[2] ?? '', where), value });
  });
  return { samples, types };
}

/**
 * A sample's value as Prometheus reads it (Go's strconv.ParseFloat): a decimal or exponent number, or Inf and NaN
 * in any case (prom-client writes an empty mean as `Nan`).
 */
function valueOf(text: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : undefined;
}

function labelsOf(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const label = LABEL.exec(rest);
    if (!label) throw new Error(`${where}: malformed labels at ${JSON.stringify(rest)}`);
    const name = label[1] ?? '';
    if (name in labels) throw new Error(`${where}: label ${name} twice`);
    labels[name] = (label[2] ?? '').replace(/\\(.)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped));
    rest = rest.slice(label[0].length);
  }
  return labels;
}

/** The sum of the samples named `name` whose labels include `labels`; undefined when there is none. */
export function sampleValue(
  exposition: Exposition,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number | undefined {
  const matching = exposition.samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  return matching.length === 0 ? undefined : matching.reduce((sum, sample) => sum + sample.value, 0);
}

/**
 * `promtool check metrics` on the exposition (Prometheus's own linter: format, naming, units), when promtool is
 * on PATH (Debian: the `prometheus` package); undefined without it. Its findings, one a line; empty when clean.
 */
export function promtoolFindings(text: string): string | undefined {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 20_000 });
  if (run.error !== undefined) return undefined;
  const findings = `${run.stdout}${run.stderr}`.trim();
  return run.status === 0 ? findings : findings || `promtool exited with ${run.status}`;
}
