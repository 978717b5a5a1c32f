import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTableUnder } from '../core/markdown-table';
import { PROJECT_ROOT } from '../core/project-root';
import { envExample, settingsTable } from '../core/settings-docs';
import { writeGuide } from './write-guide';

/**
 * `npm run docs:settings`: writes the operators' settings table (docs/operators.md, the table under
 * "## Settings") and .env.example from the settings' declaration (src/core/settings.ts), the guide formatted by
 * prettier as `npm run format` would. A development command: prettier is a development dependency.
 */
const GUIDE = join(PROJECT_ROOT, 'docs', 'operators.md');
const ENV_EXAMPLE = join(PROJECT_ROOT, '.env.example');

async function main(): Promise<void> {
  await writeGuide(GUIDE, withTableUnder(readFileSync(GUIDE, 'utf8'), '## Settings', settingsTable()));
  writeFileSync(ENV_EXAMPLE, envExample());
  process.stdout.write('wrote docs/operators.md (## Settings) and .env.example\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`docs:settings failed: ${String(error)}\n`);
  process.exit(1);
});
