import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/build-if-developing.js in a production install (no TypeScript, as in the Docker image): it builds
 * nothing, passes when dist/ holds the build and names the way out when it does not. (In a checkout with the dev
 * toolchain it builds: tests/unit/auth/token-command.test.ts runs `npm run token` through it.)
 */
describe('build-if-developing in a production install', () => {
  let app: string;
  beforeAll(() => {
    app = mkdtempSync(join(tmpdir(), 'production-install-'));
    mkdirSync(join(app, 'scripts'));
    for (const script of ['build-if-developing.js', 'script-arguments.js']) {
      cpSync(join('scripts', script), join(app, 'scripts', script));
    }
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));
  const run = () => spawnSync(process.execPath, [join(app, 'scripts', 'build-if-developing.js')], { encoding: 'utf8' });

  it('refuses without dist/, saying how to build', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('dist/src/index.js is missing and the dev toolchain is not installed');
    expect(result.stderr).toContain('npm ci && npm run build');
  });

  it('passes, building nothing, when dist/ holds the build', () => {
    mkdirSync(join(app, 'dist', 'src'), { recursive: true });
    writeFileSync(join(app, 'dist', 'src', 'index.js'), '');
    const result = run();
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });
});
