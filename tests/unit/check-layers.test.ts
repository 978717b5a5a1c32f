import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { layerViolations } from '../../scripts/check-layers';

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
  });

  it('fails a shared folder importing a feature at run time, naming the file and the import', () => {
    const root = src({
      'measure/measure.type.ts': 'export class Measure {}\n',
      'read/page.ts': "import { Measure } from '../measure/measure.type';\nexport const kind = Measure;\n",
      'common/reexport.ts': "export { Measure } from '../measure/measure.type';\n",
      'server.ts': 'export function start(): void {}\n',
      'graph/server-use.ts': "import { start } from '../server';\nexport const go = start;\n",
    });
    const problems = layerViolations(root);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain("read/page.ts imports '../measure/measure.type' at run time");
    expect(problems.join('\n')).toContain("common/reexport.ts imports '../measure/measure.type' at run time");
    expect(problems.join('\n')).toContain('must not depend on src/server.ts');
  });

  it('lets shared folders name features in types, and import each other and the leaf files', () => {
    const root = src({
      'measure/measure.type.ts': 'export class Measure {}\n',
      'errors.ts': 'export class BadUserInputError extends Error {}\n',
      'db/gateway.ts': 'export const gateway = 1;\n',
      'read/a.ts': "import type { Measure } from '../measure/measure.type';\nexport type M = Measure;\n",
      'read/b.ts': "import { type Measure } from '../measure/measure.type';\nexport type N = Measure;\n",
      'read/c.ts':
        "import { gateway } from '../db/gateway';\nimport { BadUserInputError } from '../errors';\nexport const x = [gateway, BadUserInputError];\n",
      'measure/measure.resolver.ts': "import { gateway } from '../db/gateway';\nexport const y = gateway;\n",
    });
    expect(layerViolations(root)).toEqual([]);
  });

  it('exits non-zero from the command line, so `npm run lint` fails', () => {
    const root = src({
      'measure/measure.type.ts': 'export class Measure {}\n',
      'db/x.ts': "import { Measure } from '../measure/measure.type';\nexport const m = Measure;\n",
    });
    const run = spawnSync(process.execPath, ['scripts/check-layers.js', root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('1 run-time import(s) from shared ground to features');
  });
});
