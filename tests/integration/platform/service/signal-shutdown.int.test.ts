import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freePort } from '../../../helpers/free-port';
import { testNeo4jPassword, testNeo4jUri } from '../../../helpers/test-database';
import { buildOncePerRun } from '../../../helpers/service-build';

interface LogLine {
  readonly event?: string;
  readonly msg?: string;
}

interface Stopped {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly shutdown: readonly string[];
}

/**
 * The compiled service (`npm start` runs `node dist/src/index.js`) on the test database, outside jest's
 * NODE_ENV=test (Apollo Server treats a test run differently around signals), stopped with `signal` once it
 * is ready. Resolves with how it ended and the messages of its `shutdown` lines.
 */
async function startThenSignal(signal: NodeJS.Signals): Promise<Stopped> {
  const child = spawn(process.execPath, ['dist/src/index.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(await freePort()),
      NEO4J_URI: testNeo4jUri(),
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: testNeo4jPassword(),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const shutdown: string[] = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as LogLine;
    if (line.msg?.startsWith('GraphQL ready') === true) child.kill(signal);
    if (line.event === 'shutdown') shutdown.push(line.msg ?? '');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status, endedBy) => resolve({ status, signal: endedBy, shutdown }));
  });
}

/**
 * A signal stops the service in order, as docs/operators.md "Logs" promises: HTTP drained, then the database
 * closed, each step logged, exit 0. Apollo Server's own signal handler used to stop Apollo and send the
 * signal again, which killed the process after the first of these lines.
 */
describe('stopping the service with a signal', () => {
  jest.setTimeout(240_000);

  beforeAll(async () => {
    const built = await buildOncePerRun();
    expect(built).toBe(0);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s drains HTTP, closes the database, logs each step, exits 0',
    async (signal) => {
      const stopped = await startThenSignal(signal);
      expect(stopped).toEqual({
        status: 0,
        signal: null,
        shutdown: [
          `${signal} received: stopping`,
          expect.stringMatching(/^HTTP drained \(\d+ ms\)$/),
          expect.stringMatching(/^database closed; stopped in \d+ ms$/),
        ],
      });
    },
  );
});
