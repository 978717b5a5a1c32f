import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../core/project-root';
import { guideWithDeclaredNumbers } from '../graph/kinds/properties-docs';
import { ROOT_PAGES } from '../model/node/root-pages';
import { guideWithNumbersOnOffer } from '../read/page/numbers-on-offer';
import { writeGuide } from './write-guide';

/**
 * `npm run docs:properties`: writes the analysts' tables of numbers (docs/analysts.md): each kind's declared
 * numbers (src/graph/kinds/) and the numbers every connection's `aggregate` offers (its page spec).
 */
const GUIDE = join(PROJECT_ROOT, 'docs', 'analysts.md');

async function main(): Promise<void> {
  const guide = guideWithNumbersOnOffer(guideWithDeclaredNumbers(readFileSync(GUIDE, 'utf8')), ROOT_PAGES);
  await writeGuide(GUIDE, guide);
  process.stdout.write('wrote docs/analysts.md (the tables of numbers)\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`docs:properties failed: ${String(error)}\n`);
  process.exit(1);
});
