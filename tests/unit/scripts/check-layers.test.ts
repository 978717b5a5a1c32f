import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { fileCircles, layerTable, layerViolations, stepViolations } from '../../../scripts/check-layers';

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

  /** A folder README listing steps in order, each with its files. */
  const stepsReadme = (steps: readonly (readonly string[])[]): string =>
    `${readme('nothing')}\n${steps.map((files, at) => `Step s${at}: ${files.join(', ')}`).join('\n')}\n`;

  it('passes the steps the real src/read/ lists (parse → compile → execute)', () => {
    expect(stepViolations('src')).toEqual([]);
  });

  it('fails a step reaching a later one through any path, naming the step, the file and the path', () => {
    const root = src({
      'read/README.md': stepsReadme([['parse.ts'], ['compile.ts'], ['execute.ts']]),
      'read/parse.ts': "import { shared } from './shared';\nexport const parse = shared;\n",
      'read/shared.ts': "import type { Shape } from './execute';\nexport const shared: Shape | null = null;\n",
      'read/compile.ts': "import { parse } from './parse';\nexport const compile = parse;\n",
      'read/execute.ts': "import { compile } from './compile';\nexport type Shape = typeof compile;\n",
    });
    const problems = stepViolations(root);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toContain('(step s0) reaches step s2: parse.ts → shared.ts → execute.ts');
    expect(problems.join('\n')).toContain('(step s1) reaches step s2: compile.ts → parse.ts → shared.ts → execute.ts');
    const run = spawnSync(process.execPath, ['scripts/check-layers.js', root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2 step(s) importing a later step');
  });

  it('reports a step listing a file that does not exist', () => {
    const root = src({ 'read/README.md': stepsReadme([['gone.ts']]) });
    expect(stepViolations(root).join('\n')).toContain('step s0 lists gone.ts, which is no file');
  });

  it('fails exactly the step files that reach a later step, for any import graph', () => {
    // Files f0…fn, each in one of three steps or none, importing each other at random (circles included).
    const graphs = fc.integer({ min: 2, max: 7 }).chain((n) =>
      fc.record({
        steps: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: n, maxLength: n }),
        imports: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), {
          minLength: n,
          maxLength: n,
        }),
      }),
    );
    fc.assert(
      fc.property(graphs, ({ steps, imports }) => {
        const name = (at: number) => `f${at}.ts`;
        const files = Object.fromEntries(
          imports.map((targets, at) => [
            `read/${name(at)}`,
            `${targets.map((t) => `import type { T${t} } from './f${t}';`).join('\n')}\nexport type T${at} = number;\n`,
          ]),
        );
        const listed = [0, 1, 2].map((step) => steps.flatMap((s, at) => (s === step ? [name(at)] : [])));
        const root = src(Object.assign(files, { 'read/README.md': stepsReadme(listed.filter((l) => l.length > 0)) }));
        const order = listed.filter((l) => l.length > 0).map((l) => new Set(l));
        const stepOf = (at: number) => order.findIndex((set) => set.has(name(at)));
        const reaches = (from: number): Set<number> => {
          const seen = new Set([from]);
          const queue = [from];
          while (queue.length > 0)
            for (const next of imports[queue.shift() ?? 0] ?? [])
              if (!seen.has(next) && seen.add(next)) queue.push(next);
          return seen;
        };
        const expected = steps
          .map((_, at) => at)
          .filter((at) => stepOf(at) >= 0 && [...reaches(at)].some((other) => stepOf(other) > stepOf(at)))
          .map(name)
          .sort();
        const failed = stepViolations(root)
          .map((problem) => /(f\d+\.ts) \(step/.exec(problem)?.[1] ?? problem)
          .sort();
        expect(failed).toEqual(expected);
      }),
      { numRuns: 60 },
    );
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
