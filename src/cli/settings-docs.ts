import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/project-root';
import { envExample, settingsTable } from '../core/settings-docs';

/**
 * `npm run docs:settings`: writes the operators' settings table (docs/operators.md, the table under
 * "## Settings") and .env.example from the settings' declaration (src/core/settings.ts), the guide formatted by
 * prettier as `npm run format` would. A development command: prettier is a development dependency.
 */
const GUIDE = join(PROJECT_ROOT, 'docs', 'operators.md');
const ENV_EXAMPLE = join(PROJECT_ROOT, '.env.example');

/** The guide with the first table under `## Settings` replaced by `table`. */
function withTable(guide: string, table: string): string {
  const lines = guide.split('\n');
  const heading = lines.indexOf('## Settings');
  const start = lines.findIndex((line, i) => i > heading && line.startsWith('|'));
  if (heading < 0 || start < 0) throw new Error('docs/operators.md has no table under "## Settings"');
  let end = start;
  while (lines[end]?.startsWith('|')) end++;
  return [...lines.slice(0, start), table.trimEnd(), ...lines.slice(end)].join('\n');
}

async function main(): Promise<void> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(GUIDE)) ?? {};
  const guide = withTable(readFileSync(GUIDE, 'utf8'), settingsTable());
  writeFileSync(GUIDE, await prettier.format(guide, Object.assign({}, options, { filepath: GUIDE })));
  writeFileSync(ENV_EXAMPLE, envExample());
  process.stdout.write('wrote docs/operators.md (## Settings) and .env.example\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`docs:settings failed: ${String(error)}\n`);
  process.exit(1);
});
