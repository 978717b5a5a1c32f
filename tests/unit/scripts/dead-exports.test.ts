import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';

/**
 * The dead-export check `npm run lint` runs (knip with the project's knip.json), over a scratch project laid out
 * like this one: an export nothing imports is reported, whether a value or a type; one the service imports, one
 * only a test imports (tests are entry points) and one used only inside its own file are not.
 */
const ROOT = join(__dirname, '..', '..', '..');
const KNIP = join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js');

/** Who uses an export: the service's entry point, a unit test, its own file only, or nobody. */
type Use = 'service' | 'test' | 'own-file' | 'nobody';
interface DeclaredExport {
  readonly name: string;
  readonly kind: 'value' | 'type';
  readonly use: Use;
}

interface KnipReport {
  readonly issues: readonly {
    readonly file: string;
    readonly exports?: readonly { readonly name: string }[];
    readonly types?: readonly { readonly name: string }[];
  }[];
}

/** A statement that uses the export: a value read, a type named. */
function useOf({ name, kind }: Pick<DeclaredExport, 'name' | 'kind'>): string {
  return kind === 'value' ? `console.log(${name});` : `console.log(1 as ${name});`;
}

function write(directory: string, path: string, text: string): void {
  mkdirSync(dirname(join(directory, path)), { recursive: true });
  writeFileSync(join(directory, path), text);
}

/** What the check reports over a project whose src/core/module.ts declares `declared`, used as each says. */
function reportedOver(declared: readonly DeclaredExport[]): string[] {
  const directory = mkdtempSync(join(tmpdir(), 'dead-exports-'));
  try {
    copyFileSync(join(ROOT, 'knip.json'), join(directory, 'knip.json'));
    write(directory, 'package.json', JSON.stringify({ name: 'scratch', private: true }));
    const declaration = declared.map(({ name, kind, use }) => {
      const line = kind === 'value' ? `export const ${name} = 1;` : `export type ${name} = number;`;
      return use === 'own-file' ? `${line}\n${useOf({ name, kind })}` : line;
    });
    write(directory, 'src/core/module.ts', `${declaration.join('\n')}\nexport {};\n`);
    const importer = (use: Use, from: string): string => {
      const users = declared.filter((entry) => entry.use === use);
      const names = users.map(({ name, kind }) => (kind === 'type' ? `type ${name}` : name));
      // A module nothing imports is an unused file, not a file of unused exports: the service always loads it.
      const lines = users.length === 0 ? [`import '${from}';`] : [`import { ${names.join(', ')} } from '${from}';`];
      return `${[...lines, ...users.map(useOf)].join('\n')}\nexport {};\n`;
    };
    write(directory, 'src/index.ts', importer('service', './core/module'));
    write(directory, 'tests/unit/module.test.ts', importer('test', '../../src/core/module'));
    const run = spawnSync(process.execPath, [KNIP, '--directory', directory, '--reporter', 'json', '--no-progress'], {
      encoding: 'utf8',
    });
    if (run.stdout.trim() === '') throw new Error(`knip printed nothing: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as KnipReport;
    return report.issues.flatMap((issue) => [...(issue.exports ?? []), ...(issue.types ?? [])].map(({ name }) => name));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('the dead-export check (knip.json)', () => {
  it('reports exactly the exports nothing uses, values and types alike', () => {
    const declaredExport = fc.record({
      kind: fc.constantFrom<DeclaredExport['kind']>('value', 'type'),
      use: fc.constantFrom<Use>('service', 'test', 'own-file', 'nobody'),
    });
    fc.assert(
      fc.property(fc.array(declaredExport, { minLength: 1, maxLength: 8 }), (drawn) => {
        const declared = drawn.map((entry, i) => ({
          ...entry,
          name: `${entry.kind === 'value' ? 'value' : 'Type'}${i}`,
        }));
        const dead = declared.filter((entry) => entry.use === 'nobody').map((entry) => entry.name);
        expect(reportedOver(declared).sort()).toEqual(dead.sort());
      }),
      { numRuns: 8 },
    );
  });
});
