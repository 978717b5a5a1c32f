import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every command-line script in scripts/ answers `--help` with its usage (exit 0) and refuses an option it does not
 * know (exit 2) before doing anything: each runs with an empty PATH (no npm, Java, Maven or Chromium to start)
 * and a closed NEO4J_URI, so a script that went on to work would fail otherwise, or hang until the timeout.
 */
const SCRIPTS = [
  'build-if-developing.js',
  'check-prerequisites.js',
  'dependency-table.js',
  'docs-screenshots.js',
  'jest-summary.js',
  'neo4j-build.js',
  'query-limit-probe.js',
  'run-command.js',
  'test-tier.js',
  'pinned-node.sh',
];
/** test-tier.js hands every option to jest, which judges them itself. */
const PASSES_OPTIONS_ON = ['test-tier.js'];

describe('scripts/ on the command line', () => {
  let emptyPath: string;
  beforeAll(() => {
    emptyPath = mkdtempSync(join(tmpdir(), 'no-tools-'));
  });
  afterAll(() => rmSync(emptyPath, { recursive: true, force: true }));
  const run = (script: string, ...args: string[]) => {
    const command = script.endsWith('.sh')
      ? ['/bin/bash', join('scripts', script)]
      : [process.execPath, join('scripts', script)];
    return spawnSync(command[0] ?? '', [...command.slice(1), ...args], {
      encoding: 'utf8',
      env: { PATH: emptyPath, HOME: emptyPath, NEO4J_URI: 'bolt://127.0.0.1:1' },
      timeout: 20_000,
    });
  };

  it.each(SCRIPTS)('%s --help prints its usage and exits 0', (script) => {
    const result = run(script, '--help');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(/^usage: /);
  });

  it.each(SCRIPTS.filter((script) => !PASSES_OPTIONS_ON.includes(script)))(
    '%s refuses an unknown option with exit 2 and its usage',
    (script) => {
      const result = run(script, '--no-such-option');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(
        /(Unknown option '--no-such-option'|unexpected argument '--no-such-option'|no command '--no-such-option')/,
      );
      expect(result.stderr).toContain('usage: ');
    },
  );
});
