import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { EXPORT_KINDS } from '../../../../src/platform/export/export-kinds';
import { freePort } from '../../../helpers/free-port';
import { testNeo4jPassword, testNeo4jUri } from '../../../helpers/test-database';
import { buildOncePerRun } from '../../../helpers/service-build';

interface LogLine {
  readonly msg?: string;
}

/**
 * Downloads from the compiled service (`npm start` runs `node dist/src/index.js`), whose stderr is where Node
 * prints its own warnings. Each download's response holds the front's close hooks and stream.pipeline's; past
 * Node's threshold of ten, every download printed a MaxListenersExceededWarning there. Jest's sandboxed
 * `process` never sees the process's warnings, so only a separate process shows them.
 */
describe('downloads from the built service', () => {
  jest.setTimeout(240_000);

  let child: ChildProcess;
  let base: string;
  const stderr: string[] = [];

  beforeAll(async () => {
    expect(await buildOncePerRun()).toBe(0);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['dist/src/index.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        NEO4J_URI: testNeo4jUri(),
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: testNeo4jPassword(),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => stderr.push(text));
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the service exited (${code}) before it was ready`)));
      createInterface({ input: child.stdout! }).on('line', (text) => {
        if (text.startsWith('{') && (JSON.parse(text) as LogLine).msg?.startsWith('GraphQL ready') === true) {
          resolve();
        }
      });
    });
  });

  afterAll(async () => {
    if (child?.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  // Every kind in both formats; the results export names its indicators (one policy item's).
  const downloads = [...EXPORT_KINDS.keys()].flatMap((kind) =>
    ['csv', 'xlsx'].map(
      (format) => `/export/${kind}.${format}${kind === 'indicator-results' ? '?policyItem=5-4' : ''}`,
    ),
  );

  it('streams every kind in both formats with nothing on stderr', async () => {
    expect(downloads.length).toBeGreaterThanOrEqual(10);
    for (const path of downloads) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    // Node emits a warning on a later tick than the listener that passed the threshold.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stderr.join('')).toBe('');
  });
});
