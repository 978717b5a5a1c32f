import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import commands from '../../../src/cli/commands.json';

/**
 * Every `npm run` command answers `--help` with its usage and refuses an unknown option, before building and
 * before any database: the runner is started with an empty PATH (no npm, so a build attempt would fail) and
 * NEO4J_URI pointing at a closed port (a command that reached for the database would fail differently, later).
 */
const names = Object.keys(commands) as (keyof typeof commands)[];
const packageScripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
  .scripts;
/** How a person types the command: `npm start` (npm's own), else `npm run NAME`. */
const typed = (name: string): string => (name === 'start' ? 'npm start' : `npm run ${name}`);

describe('scripts/run-command.js', () => {
  let emptyPath: string;
  beforeAll(() => {
    emptyPath = mkdtempSync(join(tmpdir(), 'no-tools-'));
  });
  afterAll(() => rmSync(emptyPath, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/run-command.js', ...args], {
      encoding: 'utf8',
      env: { PATH: emptyPath, NEO4J_URI: 'bolt://127.0.0.1:1', HOME: emptyPath },
      timeout: 20_000,
    });

  it('is what every command of src/cli/commands.json runs as its npm script', () => {
    // `npm start` replaces npm's shell with the service (`exec`), so a supervisor's signal reaches the service.
    const script = (name: string) => `${name === 'start' ? 'exec ' : ''}node scripts/run-command.js ${name}`;
    for (const name of names) expect({ name, script: packageScripts[name] }).toEqual({ name, script: script(name) });
  });

  it.each(names)('%s --help prints the usage and exits 0 without building', (name) => {
    const result = run(name, '--help');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toBe(`${commands[name].usage.join('\n')}\n`);
    expect(result.stdout).toMatch(new RegExp(`^usage: ${typed(name)}\\b`));
  });

  it.each(names)('%s refuses an unknown option with exit 2, naming it, before building', (name) => {
    const result = run(name, '--no-such-option');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${name}: Unknown option '--no-such-option'`);
    expect(result.stderr).toContain(`usage: ${typed(name)}`);
    expect(result.stdout).toBe('');
  });

  it('refuses a stray word where the command takes none, and an option without its value', () => {
    const seed = run('seed', 'again');
    expect({ status: seed.status, first: seed.stderr.split('\n')[0] }).toEqual({
      status: 2,
      first: "seed: unexpected argument 'again'",
    });
    const token = run('token', '--sub');
    expect(token.status).toBe(2);
    expect(token.stderr).toContain("Option '--sub <value>' argument missing");
  });

  it('names the commands when asked for one that does not exist', () => {
    const result = run('reticulate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `reticulate: no command 'reticulate'\nusage: node scripts/run-command.js COMMAND [arguments…]; the commands: ${names.join(', ')}`,
    );
  });

  it('answers `npm run token -- --help` through npm itself', () => {
    const result = spawnSync('npm', ['run', '--silent', 'token', '--', '--help'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect({ status: result.status, stdout: result.stdout }).toEqual({
      status: 0,
      stdout: `${commands.token.usage.join('\n')}\n`,
    });
  });
});
