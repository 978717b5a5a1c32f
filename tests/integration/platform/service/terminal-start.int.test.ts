import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchersFor } from '../../../helpers/launcher-processes';
import { buildOncePerRun } from '../../../helpers/service-build';
import { waitUntil } from '../../../helpers/wait-until';
import { firstStartEnvironment } from '../../../helpers/first-start-environment';

/** What a person saw: each line as the terminal shows it (colours removed), and how the start ended. */
interface Terminal {
  readonly lines: readonly string[];
  /** The index of the ready line in `lines`. */
  readonly readyAt: number;
  readonly status: number | null;
}

/** Colours and cursor moves (pino-pretty's colours, npm's spinner), which a terminal shows as nothing. */
const TERMINAL_CODES = /\u001b\[[0-9;?]*[A-Za-z]|[\u2800-\u28ff]/g;

/** The line a long step writes while it runs (src/core/progress-while-running.ts). */
const PROGRESS_LINE = /: still at it after \d+ s…$/;

/**
 * `npm start` as a newcomer runs it: on a terminal (a pseudo-terminal from util-linux's `script`), a first start
 * on an empty embedded data directory, then Ctrl-C typed into the terminal once the ready line shows (the
 * terminal sends SIGINT to npm and the service, as a shell's foreground job gets it). The build and the embedded
 * Neo4j's launcher already exist (the run's build; the run's own test database was started with the launcher).
 */
async function firstStartOnATerminal(dataDirectory: string): Promise<Terminal> {
  const env = { ...(await firstStartEnvironment(dataDirectory)), TERM: 'xterm' };
  // `script` runs the command through $SHELL -c, or /bin/sh when SHELL is unset (as on CI). Dash does not exec a
  // lone command, so it stood between the terminal and npm, took the Ctrl-C itself and ended with 130 while the
  // service stopped cleanly. `exec` makes npm the terminal's foreground job, as it is under a person's shell.
  const terminal = spawn('script', ['--quiet', '--return', '--command', 'exec npm start', '/dev/null'], {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let readyAt = -1;
  let pending = '';
  terminal.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const complete = pending.split(/\r?\n/);
    pending = complete.pop() ?? '';
    for (const raw of complete) {
      lines.push(raw.replace(TERMINAL_CODES, ''));
      if (readyAt === -1 && raw.includes('GraphQL ready at')) {
        readyAt = lines.length - 1;
        terminal.stdin.write('\u0003'); // Ctrl-C, as typed
      }
    }
  });
  const status = await new Promise<number | null>((resolve, reject) => {
    terminal.once('error', reject);
    terminal.once('close', resolve);
  });
  const rest = pending.replace(TERMINAL_CODES, '').trim();
  if (rest !== '') lines.push(rest);
  return { lines, readyAt, status };
}

describe('a first `npm start` on a terminal', () => {
  jest.setTimeout(420_000);
  let dataDirectory: string;
  let terminal: Terminal;

  beforeAll(async () => {
    expect(await buildOncePerRun()).toBe(0);
    dataDirectory = mkdtempSync(join(tmpdir(), 'terminal-start-'));
    terminal = await firstStartOnATerminal(dataDirectory);
    // Printed for the record: the line count and the story, as the note of a change quotes them.
    process.stdout.write(`${terminal.lines.length} lines on the terminal:\n${terminal.lines.join('\n')}\n`);
  });
  afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it('gets ready, naming the IDE and the dashboard', () => {
    expect(terminal.readyAt).toBeGreaterThan(0);
    expect(terminal.lines[terminal.readyAt]).toMatch(
      /GraphQL ready at http:\/\/localhost:\d+\/graphql \(its IDE there too\), dashboard at http:\/\/localhost:\d+\/dashboard/,
    );
  });

  it('tells the start in one line per step: the seed load summed up, its table behind --verbose', () => {
    const story = terminal.lines.filter((line) => !PROGRESS_LINE.test(line));
    // npm's banner (4 lines), Neo4j's start (2), the schema, the seed's load (4), the cost limit, the data
    // version, the planning (2), the ready line, and Ctrl-C's three lines of the stop: 19, with room for the
    // lines npm may add. Each line of the seed's table was a line of its own before (209 lines in all).
    expect(story.length).toBeLessThanOrEqual(30);
    expect(terminal.lines.filter((line) => /INFO: +(nodes|relationships) \w+: \d+$/.test(line))).toEqual([]);
    expect(terminal.lines).toContainEqual(expect.stringMatching(/loaded in [\d.]+ s: \d+ nodes, \d+ relationships;/));
  });

  it('stays within 40 lines, a long step saying it is still at it rather than going silent', () => {
    const progress = terminal.lines.filter((line) => PROGRESS_LINE.test(line));
    expect(progress.every((line) => /INFO: (starting|loading|planning|applying) /.test(line))).toBe(true);
    expect(terminal.lines.length).toBeLessThanOrEqual(40);
  });

  it('stops on Ctrl-C without an error line, exit status 0, leaving no Neo4j behind', async () => {
    expect(terminal.lines.filter((line) => /\berror\b/i.test(line))).toEqual([]);
    const stop = terminal.lines.slice(terminal.readyAt + 1).filter((line) => line.trim() !== '');
    expect(stop).toEqual([
      expect.stringMatching(/INFO: SIGINT received: stopping$/),
      expect.stringMatching(/INFO: HTTP drained \(\d+ ms\)$/),
      expect.stringMatching(/INFO: database closed; stopped in \d+ ms$/),
    ]);
    expect(terminal.status).toBe(0);
    await waitUntil('the embedded Neo4j to end', () => launchersFor(dataDirectory).length === 0, {
      timeoutMs: 30_000,
    });
  });
});
