import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { launchersFor } from '../../../helpers/launcher-processes';
import { buildOncePerRun } from '../../../helpers/service-build';
import { waitUntil } from '../../../helpers/wait-until';
import { firstStartEnvironment } from '../../../helpers/first-start-environment';

/** Whether a process of that id is alive (signal 0 asks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The direct children of a process (`ps --ppid`). */
function childrenOf(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map(Number);
}

interface Started {
  readonly npm: ChildProcess;
  readonly service: number;
  readonly ended: Promise<number | null>;
  readonly shutdown: string[];
}

/**
 * `npm start` as an operator's supervisor runs it, on an embedded Neo4j of its own (its own data directory and
 * ports, outside jest's NODE_ENV=test), once its log says it is ready. The build is made once for every case by
 * beforeAll; `start` (scripts/run-command.js) finds it and the launcher current (`--ignore-scripts` skips npm's
 * pre-scripts only).
 */
async function npmStart(dataDirectory: string): Promise<Started> {
  const env = await firstStartEnvironment(dataDirectory);
  const npm = spawn('npm', ['start', '--ignore-scripts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const ended = new Promise<number | null>((resolve) => npm.once('close', resolve));
  const shutdown: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    npm.once('close', () => reject(new Error('npm start ended before the service was ready')));
    createInterface({ input: npm.stdout }).on('line', (text) => {
      if (!text.startsWith('{')) return; // npm's own `> honjo-policy-graph@… start` banner
      const line = JSON.parse(text) as { event?: string; msg?: string };
      if (line.msg?.startsWith('GraphQL ready') === true) resolve();
      if (line.event === 'shutdown') shutdown.push(line.msg ?? '');
    });
  });
  await ready;
  const [service] = childrenOf(npm.pid ?? 0);
  return { npm, service: service ?? 0, ended, shutdown };
}

/**
 * One signal stops everything (docs/operators.md "Deploy"): whichever process a supervisor holds, `npm start`'s
 * or the service's, SIGTERM or SIGINT to it stops the service and its embedded Neo4j (the standby too), and npm ends; and when
 * npm itself is killed outright, the service notices its parent is gone and stops the same way.
 */
describe('stopping `npm start` with one signal', () => {
  jest.setTimeout(300_000);
  let dataDirectory: string;

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'npm-start-signals-'));
    expect(await buildOncePerRun()).toBe(0);
  });
  afterAll(() => rmSync(dataDirectory, { recursive: true, force: true }));

  it.each([
    ['SIGTERM', 'npm'],
    ['SIGINT', 'npm'],
    ['SIGTERM', 'service'],
    ['SIGINT', 'service'],
    ['SIGKILL', 'npm'],
  ] as const)('%s to the %s process stops npm, the service and its Neo4j', async (signal, target) => {
    const started = await npmStart(dataDirectory);
    // `npm start` runs the service itself (`exec node scripts/run-command.js start`, which loads the compiled
    // service in its own process; the service then starts again in place, same pid, with its heap flag:
    // src/core/heap-limit.ts), with the embedded Neo4j under it.
    const serviceArgs = execFileSync('ps', ['-o', 'args=', '-p', String(started.service)], { encoding: 'utf8' });
    expect(serviceArgs).toMatch(
      /--max-old-space-size=\d+ --max-semi-space-size=\d+ --heap-growing-percent=\d+ .*dist\/src\/index\.js/,
    );
    // The database's JVM and its standby (EMBEDDED_NEO4J_STANDBY's default): one signal ends both.
    expect(launchersFor(dataDirectory)).toHaveLength(2);

    process.kill(target === 'npm' ? (started.npm.pid ?? 0) : started.service, signal);
    const npmStatus = await started.ended;
    await waitUntil(
      'the service and its Neo4j to end',
      () => !alive(started.service) && launchersFor(dataDirectory).length === 0,
      {
        timeoutMs: 30_000,
      },
    );

    expect(alive(started.service)).toBe(false);
    expect(launchersFor(dataDirectory)).toEqual([]);
    if (signal !== 'SIGKILL') {
      expect(npmStatus).toBe(0);
      expect(started.shutdown[0]).toBe(`${signal} received: stopping`);
    }
    expect(started.shutdown.at(-1)).toMatch(/^database closed; stopped in \d+ ms$/);
    if (signal === 'SIGKILL') expect(started.shutdown[0]).toBe('the parent process ended: stopping');
  });
});
