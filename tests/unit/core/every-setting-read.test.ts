import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SECRET_SETTINGS } from '../../../src/core/config';
import { SETTING_NAMES } from '../../../src/core/settings';
import { settingsReadIn } from '../../helpers/settings-reads';

/**
 * A setting declared in src/core/settings.ts is parsed, typed and documented, but it does something only once
 * config.ts gives it a place in the configuration. A declaration without that place compiles cleanly and is
 * read by nothing; this test names it. The one exception is derived too: a `<NAME>_FILE` setting of a secret,
 * which the parsing itself reads (src/core/secret-settings.ts) to give `<NAME>` its value.
 */
const CONFIG_SOURCE = readFileSync(join(__dirname, '..', '..', '..', 'src', 'core', 'config.ts'), 'utf8');
const READ_BY_THE_PARSING: ReadonlySet<string> = new Set(SECRET_SETTINGS.map((name) => `${name}_FILE`));

describe('every declared setting is read', () => {
  it('config.ts reads every setting from the parsed settings, but the secrets’ _FILE forms', () => {
    const read = settingsReadIn(CONFIG_SOURCE);
    const unread = SETTING_NAMES.filter((name) => !read.has(name) && !READ_BY_THE_PARSING.has(name));
    expect(unread).toEqual([]);
  });

  it('the _FILE forms it leaves to the parsing are declared settings, and config.ts reads none of them', () => {
    const read = settingsReadIn(CONFIG_SOURCE);
    for (const name of READ_BY_THE_PARSING) {
      expect(SETTING_NAMES).toContain(name);
      expect(read.has(name)).toBe(false);
    }
  });
});

/** How a function may read one setting from the parsed settings. */
type Form = 'dot' | 'element' | 'binding';
const name = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/);
const identifier = fc.constantFrom('s', 'settings', 'parsed', 'given');

/** A module with one function reading `reads` from its `Settings` parameter and `decoys` from its `env`. */
function moduleReading(parameter: string, reads: readonly [string, Form][], decoys: readonly string[]): string {
  const bound = reads.filter(([, form]) => form === 'binding').map(([read], i) => `${read}: v${i}`);
  const used = reads
    .filter(([, form]) => form !== 'binding')
    .map(([read, form]) => (form === 'dot' ? `${parameter}.${read}` : `${parameter}['${read}']`));
  const decoyReads = decoys.map((decoy) => `env.${decoy}`);
  return [
    "import type { Settings } from './settings';",
    'type Env = Record<string, string>;',
    `function configOf(${parameter}: Settings, env: Env) {`,
    `  return [${[...used, ...decoyReads].join(', ')}];`,
    '}',
    `function grouped({ ${bound.join(', ')} }: Settings) {`,
    '  return 0;',
    '}',
  ].join('\n');
}

describe('settingsReadIn', () => {
  it('finds exactly the names a function reads from its Settings, in every form, and none read from elsewhere', () => {
    fc.assert(
      fc.property(
        identifier,
        fc.uniqueArray(fc.tuple(name, fc.constantFrom<Form>('dot', 'element', 'binding')), {
          selector: ([read]) => read,
          maxLength: 12,
        }),
        fc.array(name, { maxLength: 6 }),
        (parameter, reads, decoys) => {
          const found = settingsReadIn(moduleReading(parameter, reads, decoys));
          expect([...found].sort()).toEqual(reads.map(([read]) => read).sort());
        },
      ),
    );
  });
});
