import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/project-root';
import { guideWithDeclaredNumbers } from '../graph/properties/properties-docs';

/**
 * `npm run docs:properties`: writes the analysts' tables of declared numbers (docs/analysts.md) from the
 * declarations (src/graph/properties/), the guide formatted by prettier as `npm run format` would. A
 * development command: prettier is a development dependency.
 */
const GUIDE = join(PROJECT_ROOT, 'docs', 'analysts.md');

async function main(): Promise<void> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(GUIDE)) ?? {};
  const guide = guideWithDeclaredNumbers(readFileSync(GUIDE, 'utf8'));
  writeFileSync(GUIDE, await prettier.format(guide, Object.assign({}, options, { filepath: GUIDE })));
  process.stdout.write("wrote docs/analysts.md (the declared numbers' tables)\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`docs:properties failed: ${String(error)}\n`);
  process.exit(1);
});
