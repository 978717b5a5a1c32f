import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileCircles, layerTable, layerViolations } from '../../../scripts/check-layers';

/** A throwaway src/ tree of the given files (path → text). */
function tree(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the layer check (npm run lint)', () => {
  const made: string[] = [];
  const src = (files: Readonly<Record<string, string>>): string => {
    const root = tree(files);
    made.push(root);
    return root;
  };
  afterAll(() => {
    for (const root of made) rmSync(root, { recursive: true, force: true });
  });

  it("passes the project's own src/", () => {
    expect(layerViolations('src')).toEqual([]);
    expect(fileCircles('src')).toEqual([]);
  });

  /** A README for a folder of a throwaway tree, with its layer rule. */
  const readme = (mayImport: string): string => `# a folder\n\nMay import: ${mayImport}.\n`;

  it("fails an import its folder's README does not allow, naming the file, the import and the rule", () => {
    const root = src({
      'core/README.md': readme('nothing'),
      'core/errors.ts': 'export class BadUserInputError extends Error {}\n',
      'read/README.md': readme('core'),
      'model/README.md': readme('core, read'),
      'model/measure.type.ts': 'export class Measure {}\n',
      'read/page.ts': "import { Measure } from '../model/measure.type';\nexport const kind = Measure;\n",
      'read/reexport.ts': "export { Measure } from '../model/measure.type';\n",
      'server.ts': 'export function start(): void {}\n',
      'core/server-use.ts': "import { start } from '../server';\nexport const go = start;\n",
    });
    const problems = layerViolations(root);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain(
      "read/page.ts imports '../model/measure.type' at run time: src/read may import core (its README.md), not src/model",
    );
    expect(problems.join('\n')).toContain("read/reexport.ts imports '../model/measure.type' at run time");
    expect(problems.join('\n')).toContain('src/core may import nothing of src/ (its README.md), not src/server.ts');
  });

  it('fails a type-only import up the layers too, in each form, naming it type-only', () => {
    const root = src({
      'core/README.md': readme('nothing'),
      'read/README.md': readme('core'),
      'model/README.md': readme('core, read'),
      'model/measure.type.ts': 'export class Measure {}\n',
      'read/a.ts': "import type { Measure } from '../model/measure.type';\nexport type M = Measure;\n",
      'read/b.ts': "import { type Measure } from '../model/measure.type';\nexport type N = Measure;\n",
      'read/c.ts': "export type { Measure } from '../model/measure.type';\n",
    });
    const problems = layerViolations(root);
    expect(problems).toHaveLength(3);
    for (const file of ['read/a.ts', 'read/b.ts', 'read/c.ts']) {
      expect(problems.join('\n')).toContain(
        `${file} imports '../model/measure.type' (type-only): src/read may import core (its README.md), not src/model`,
      );
    }
  });

  it('lets folders import, in types or at run time, what their README allows', () => {
    const root = src({
      'core/README.md': readme('nothing'),
      'core/errors.ts': 'export class BadUserInputError extends Error {}\n',
      'db/README.md': readme('core'),
      'db/gateway.ts': 'export const gateway = 1;\n',
      'read/README.md': readme('core, db'),
      'read/lookup.ts': 'export interface Lookup { find(id: string): unknown }\n',
      'model/README.md': readme('core, db, read'),
      'model/directory.ts':
        "import type { Lookup } from '../read/lookup';\nexport class Directory implements Lookup { find(): unknown { return null; } }\n",
      'read/c.ts':
        "import { gateway } from '../db/gateway';\nimport { BadUserInputError } from '../core/errors';\nexport const x = [gateway, BadUserInputError];\n",
      'model/measure.resolver.ts': "import { gateway } from '../db/gateway';\nexport const y = gateway;\n",
    });
    expect(layerViolations(root)).toEqual([]);
  });

  it('fails a folder without its rule, a rule naming no folder, and a layering that loops', () => {
    const root = src({
      'core/README.md': '# core\n\nNo rule here.\n',
      'db/README.md': readme('core, cache'),
      'read/README.md': readme('model'),
      'model/README.md': readme('read'),
      'web/page.ts': 'export const page = 1;\n',
    });
    const problems = layerViolations(root);
    expect(problems).toContain(
      'src/core has no README.md with a line `May import: …` (what it may import at run time)',
    );
    expect(problems).toContain('src/web has no README.md with a line `May import: …` (what it may import at run time)');
    expect(problems).toContain("src/db/README.md: may import 'cache', which is no folder of src/");
    expect(problems).toContain('src/read: the layering loops (it may import a folder that may import it back)');
    expect(problems).toContain('src/model: the layering loops (it may import a folder that may import it back)');
  });

  it('reads the rules of the real src/ from its READMEs, every folder below the entry points', () => {
    const { table, problems } = layerTable('src');
    expect(problems).toEqual([]);
    expect(table.get('core')).toEqual([]);
    expect(table.get('read')).not.toContain('model');
    expect(table.get('platform')).not.toContain('web');
  });

  it('exits non-zero from the command line, so `npm run lint` fails', () => {
    const root = src({
      'db/README.md': readme('nothing'),
      'model/README.md': readme('db'),
      'model/measure.type.ts': 'export class Measure {}\n',
      'db/x.ts': "import { Measure } from '../model/measure.type';\nexport const m = Measure;\n",
    });
    const run = spawnSync(process.execPath, ['scripts/check-layers.js', root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('1 layer problem(s)');
  });

  it('fails a file circle, type-only imports included, naming its files in import order', () => {
    const root = src({
      'read/request-context.ts':
        "import type { Directory } from './department-directory';\nexport interface Context { d: Directory }\n",
      'read/department-directory.ts':
        "import type { Context } from './request-context';\nexport interface Directory { c?: Context }\n",
      'measure/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'measure/b.ts': "import { c } from '../sdg/c';\nexport const b = () => c;\n",
      'sdg/c.ts': "import { a } from '../measure/a';\nexport const c = () => a;\n",
      'sdg/self.ts': "export { self } from './self';\nexport const self = 1;\n",
    });
    const circles = fileCircles(root);
    expect(circles).toHaveLength(3);
    expect(circles).toContainEqual(
      expect.stringMatching(/^file circle: read\/(request-context|department-directory)\.ts → /),
    );
    expect(circles).toContainEqual(expect.stringContaining('measure/a.ts → measure/b.ts → sdg/c.ts → measure/a.ts'));
    expect(circles).toContainEqual(expect.stringContaining('file circle: sdg/self.ts → sdg/self.ts'));
  });

  it('lets files import each other one way, however many paths lead to one file', () => {
    const root = src({
      'common/leaf.ts': 'export const leaf = 1;\n',
      'read/mid.ts': "import { leaf } from '../common/leaf';\nexport const mid = leaf;\n",
      'measure/top.ts':
        "import { leaf } from '../common/leaf';\nimport type { X } from '../read/mid';\nimport { mid } from '../read/mid';\nexport const top = [leaf, mid];\nexport type Y = X;\n",
    });
    expect(fileCircles(root)).toEqual([]);
  });

  it('exits non-zero on a file circle from the command line', () => {
    const root = src({
      'common/a.ts': "import type { B } from './b';\nexport type A = B[];\n",
      'common/b.ts': "import type { A } from './a';\nexport type B = A | null;\n",
    });
    const run = spawnSync(process.execPath, ['scripts/check-layers.js', root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('1 file circle(s)');
    expect(run.stderr).toMatch(/file circle: common\/(a|b)\.ts → common\/(a|b)\.ts → common\/(a|b)\.ts/);
  });
});
