import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEBIAN_INSTALL_LINE, DEFAULT_CHROMIUM_PATH } from '../../../scripts/system-prerequisites';

/**
 * `npm test` runs scripts/check-prerequisites.js before anything else: a machine without Chromium must hear
 * so at once, with the install line, rather than after minutes of Maven and jest. Run as npm runs it.
 */
const SCRIPT = 'scripts/check-prerequisites.js';
/**
 * What "at once" means: the whole check spawns only `java -version` and `fc-list`; 10 s on an idle machine,
 * or, where this run is slower, three times what starting Node, `java -version` and `fc-list` took here now.
 */
const PROMPT_MS = 10_000;

/** What starting the check's own processes takes on this machine now (the same run's reference). */
function processesMs(): number {
  const started = Date.now();
  for (const [command, ...args] of [[process.execPath, '-e', '0'], ['java', '-version'], ['fc-list']] as const)
    spawnSync(command, args, { timeout: 30_000 });
  return Date.now() - started;
}

function runCheck(env: NodeJS.ProcessEnv, ...args: string[]): { status: number | null; output: string; ms: number } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { env, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, ms: Date.now() - started };
}

describe('the prerequisite check of npm test', () => {
  it('stops with the install line, within seconds, when Chromium is missing', () => {
    const missing = '/nonexistent/chromium';
    const { status, output, ms } = runCheck({ ...process.env, CHROMIUM_PATH: missing });
    const reference = processesMs();
    expect(status).toBe(1);
    expect(output).toContain(`Chromium at ${missing} (CHROMIUM_PATH) does not exist`);
    expect(output).toContain(DEBIAN_INSTALL_LINE);
    expect(ms).toBeLessThan(Math.max(PROMPT_MS, 3 * reference));
  });

  it('passes on this machine, whose Chromium is where the browser tests look', () => {
    const { status, output } = runCheck(process.env);
    expect(output).not.toContain('cannot run');
    expect(status).toBe(0);
  });

  it('names the Debian packages .ci/run must install for what is missing', () => {
    const { status, output } = runCheck(
      { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      '--missing-debian-packages',
    );
    expect(status).toBe(0);
    expect(output.trim().split(' ')).toContain('chromium');
  });

  it("names Debian's prometheus, weasyprint, ghostscript, LibreOffice and poppler packages when their programs are not on PATH", () => {
    // An empty directory as PATH: promtool (like mvn) is found nowhere; node itself is run by its full path.
    const emptyPath = mkdtempSync(join(tmpdir(), 'no-programs-'));
    const { status, output } = runCheck({ ...process.env, PATH: emptyPath }, '--missing-debian-packages');
    rmSync(emptyPath, { recursive: true });
    expect(status).toBe(0);
    expect(output.trim().split(' ')).toEqual(
      expect.arrayContaining([
        'prometheus',
        'weasyprint',
        'ghostscript',
        'libreoffice-writer-nogui',
        'libreoffice-calc-nogui',
        'poppler-utils',
      ]),
    );
  });

  it('installs exactly what README names and looks for Chromium where the README says', () => {
    expect(DEBIAN_INSTALL_LINE).toBe(
      'sudo apt-get update && sudo apt-get install -y openjdk-17-jdk-headless maven chromium fonts-ipafont-gothic nginx-light prometheus fonts-ipafont-mincho weasyprint ghostscript libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils',
    );
    expect(DEFAULT_CHROMIUM_PATH).toBe('/usr/bin/chromium');
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(DEBIAN_INSTALL_LINE);
  });

  it('runs before anything else in npm test (before the Maven build and jest)', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.pretest?.startsWith(`node ${SCRIPT} && `)).toBe(true);
  });
});
