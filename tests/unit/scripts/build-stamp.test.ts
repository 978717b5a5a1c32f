import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/build-if-developing.js in a developer's checkout builds only when the build's inputs changed since the
 * last build: a small checkout whose `npm run build` counts its runs (and stamps, as the real one does) is built
 * once, not again while nothing changes, and again after a source file changes.
 */
describe('build-if-developing in a checkout with the dev toolchain', () => {
  let app: string;
  const builds = () => (existsSync(join(app, 'builds.log')) ? readFileSync(join(app, 'builds.log'), 'utf8').length : 0);
  const run = () =>
    spawnSync(process.execPath, [join(app, 'scripts', 'build-if-developing.js')], { cwd: app, encoding: 'utf8' });

  beforeAll(() => {
    app = mkdtempSync(join(tmpdir(), 'developer-checkout-'));
    mkdirSync(join(app, 'scripts'));
    for (const script of ['build-if-developing.js', 'script-arguments.js']) {
      cpSync(join('scripts', script), join(app, 'scripts', script));
    }
    // What makes it a developer's checkout: the compiler's package is installed.
    mkdirSync(join(app, 'node_modules', 'typescript'), { recursive: true });
    writeFileSync(join(app, 'node_modules', 'typescript', 'package.json'), '{"name":"typescript"}');
    mkdirSync(join(app, 'src', 'cli'), { recursive: true });
    writeFileSync(join(app, 'src', 'index.ts'), 'export const answer = 1;\n');
    writeFileSync(join(app, 'package-lock.json'), '{}\n');
    const build =
      "node -e \"const f=require('fs');f.mkdirSync('dist/src',{recursive:true});f.writeFileSync('dist/src/index.js','');f.appendFileSync('builds.log','x')\"" +
      ' && node scripts/build-if-developing.js --stamp';
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'checkout', scripts: { build } }));
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('builds the first time, then not while the inputs are unchanged, then again after a change', () => {
    const first = run();
    expect({ status: first.status, builds: builds() }).toEqual({ status: 0, builds: 1 });
    expect(first.stderr).toContain('building: the sources changed since the last build');

    const second = run();
    expect({ status: second.status, stderr: second.stderr, builds: builds() }).toEqual({
      status: 0,
      stderr: '',
      builds: 1,
    });

    writeFileSync(join(app, 'src', 'index.ts'), 'export const answer = 2;\n');
    const third = run();
    expect({ status: third.status, builds: builds() }).toEqual({ status: 0, builds: 2 });
  });
});
