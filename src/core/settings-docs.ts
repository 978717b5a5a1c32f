import { z } from 'zod';
import { markdownTable } from './markdown-table';
import { SETTING_DOCS, SETTING_NAMES, SETTINGS, type EnvironmentVariable } from './settings';

/**
 * The settings as the operators' guide (docs/operators.md, "## Settings") and .env.example show them, made from
 * their declaration (src/core/settings.ts): `npm run docs:settings` writes both, and a unit test
 * (tests/unit/docs/settings-table.test.ts) fails while either differs from what this makes.
 */

/** A variable the table lists that the service's configuration does not parse: read by other code, or a library. */
interface OtherVariable {
  readonly name: string;
  readonly shownDefault: string;
  readonly meaning: string;
}

/** The OpenTelemetry SDK reads these itself; the service passes them through untouched. */
const SDK = '_(OpenTelemetry SDK)_';

export const OTHER_VARIABLES: readonly OtherVariable[] = [
  {
    name: 'JAVA_HOME',
    shownDefault: '`java` on `PATH`',
    meaning: 'the Java 17+ that runs the embedded Neo4j (and that `npm test` checks for)',
  },
  { name: 'OTEL_SERVICE_NAME', shownDefault: '`honjo-policy-graph`', meaning: `${SDK} \`service.name\` of every span` },
  {
    name: 'OTEL_RESOURCE_ATTRIBUTES',
    shownDefault: '—',
    meaning: `${SDK} more resource attributes, \`deployment.environment.name=prod,service.instance.id=api-2\`; without \`service.instance.id\` each start draws a random UUID`,
  },
  {
    name: 'OTEL_EXPORTER_OTLP_HEADERS',
    shownDefault: '—',
    meaning: `${SDK} headers sent to the collector (\`Authorization=Bearer …\`, a tenant); \`…_TRACES_HEADERS\` for traces only`,
  },
  { name: 'OTEL_EXPORTER_OTLP_TIMEOUT', shownDefault: '`10000`', meaning: `${SDK} per-export timeout, ms` },
  { name: 'OTEL_EXPORTER_OTLP_COMPRESSION', shownDefault: 'none', meaning: `${SDK} \`gzip\` compresses exports` },
  {
    name: 'OTEL_EXPORTER_OTLP_CERTIFICATE',
    shownDefault: '—',
    meaning: `${SDK} CA file for an https collector (with \`…_CLIENT_CERTIFICATE\` and \`…_CLIENT_KEY\` for mutual TLS)`,
  },
  {
    name: 'OTEL_TRACES_SAMPLER',
    shownDefault: '`parentbased_always_on`',
    meaning: `${SDK} follow the caller's decision, sample every new trace; e.g. \`parentbased_traceidratio\` with \`OTEL_TRACES_SAMPLER_ARG=0.1\``,
  },
  {
    name: 'OTEL_BSP_SCHEDULE_DELAY',
    shownDefault: '`5000`',
    meaning: `${SDK} how often a batch of spans is sent (also \`OTEL_BSP_MAX_QUEUE_SIZE\` 2048, \`…_MAX_EXPORT_BATCH_SIZE\` 512, \`…_EXPORT_TIMEOUT\` 30000)`,
  },
  {
    name: 'CHROMIUM_PATH',
    shownDefault: '`/usr/bin/chromium`',
    meaning: 'the Chromium or Chrome binary the browser tests use (development machines only)',
  },
];

/** What zod says of a setting's value after parsing (JSON Schema): its type, range, values and default. */
interface ValueSchema {
  readonly type?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
}

function valueSchema(name: EnvironmentVariable): ValueSchema {
  return z.toJSONSchema(SETTINGS.shape[name], { io: 'output', unrepresentable: 'any' }) as ValueSchema;
}

function docOf(name: EnvironmentVariable) {
  const doc = SETTING_DOCS.get(SETTINGS.shape[name]);
  if (doc === undefined) throw new Error(`setting ${name} is declared without its documentation`);
  return doc;
}

/** A default as .env.example writes it: a list comma-separated, as the variable holds it. */
function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(asText).join(',');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/** The values a setting takes, as the table's "values" column says them. */
function valuesOf(schema: ValueSchema): string {
  if (schema.type === 'integer') return `${schema.minimum ?? ''}–${schema.maximum ?? ''}`;
  if (schema.type === 'boolean') return '`true`, `false`';
  if (schema.enum !== undefined) return schema.enum.map((value) => `\`${String(value)}\``).join(', ');
  return 'text';
}

/** The rows of the settings table: variable, default, values, meaning; the service's own, then the others. */
export function settingsTableRows(): string[][] {
  const own = SETTING_NAMES.map((name) => {
    const doc = docOf(name);
    const schema = valueSchema(name);
    const shown = schema.default === undefined ? '—' : `\`${asText(schema.default)}\``;
    return [`\`${name}\``, doc.shownDefault ?? shown, valuesOf(schema), doc.meaning];
  });
  const others = OTHER_VARIABLES.map(({ name, shownDefault, meaning }) => [
    `\`${name}\``,
    shownDefault,
    'text',
    meaning,
  ]);
  return [...own, ...others];
}

/** The settings table as Markdown, unaligned (prettier aligns the guide's columns). */
export function settingsTable(): string {
  return markdownTable(['variable', 'default', 'values', 'meaning'], settingsTableRows()) + '\n';
}

/** .env.example: every setting of the service, commented out, with its default or an example value. */
export function envExample(): string {
  const lines = ['# Environment variables the service reads (export them to change defaults). Every one is optional.'];
  for (const name of SETTING_NAMES) {
    const doc = docOf(name);
    if (doc.note !== undefined) lines.push(...doc.note.split('\n').map((line) => `# ${line}`));
    const fallback = valueSchema(name).default;
    const value = doc.example ?? (fallback === undefined ? '' : asText(fallback));
    lines.push(`# ${name}=${value}`);
  }
  return lines.join('\n') + '\n';
}
