import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import commands from '../../../src/cli/commands.json';

/**
 * `npm start` runs `scripts/neo4j-build.js --unless-external` first: with NEO4J_URI set the service uses that
 * database, so neither Java nor Maven is needed (they are not on PATH here). The script answers --help and
 * refuses what it does not know.
 */
describe('scripts/neo4j-build.js arguments', () => {
  let emptyPath: string;
  beforeAll(() => {
    emptyPath = mkdtempSync(join(tmpdir(), 'no-java-'));
  });
  afterAll(() => rmSync(emptyPath, { recursive: true, force: true }));
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['scripts/neo4j-build.js', ...args], {
      encoding: 'utf8',
      env: { PATH: emptyPath, ...env },
      timeout: 20_000,
    });

  it('is what npm start runs before it starts', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    // scripts/run-command.js runs it once the options are checked (no npm pre-script: its banner, and a build
    // even for --help); the service's own build follows.
    expect(scripts.prestart).toBeUndefined();
    expect(commands.start.prepare).toEqual(['scripts/neo4j-build.js', '--unless-external']);
  });

  it('does nothing, needing no Java, when NEO4J_URI names a database', () => {
    const result = run(['--unless-external'], { NEO4J_URI: 'bolt://db.example.org:7687' });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('answers --help, and refuses an unknown argument with exit 2 before building', () => {
    const help = run(['--help']);
    expect({ status: help.status, first: help.stdout.split('\n')[0] }).toEqual({
      status: 0,
      first: 'usage: node scripts/neo4j-build.js [--force] [--unless-external]',
    });
    const unknown = run(['--forse']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--forse'");
  });
});
