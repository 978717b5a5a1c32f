import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BatchedDestination, LINE_DELAY_MS } from '../../../../src/platform/observability/batched-destination';
import { createLogger } from '../../../../src/platform/observability/logger';

const afterDelay = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, LINE_DELAY_MS + 5));

/** A destination over a target that records each write it is given. */
function recorded(): { destination: BatchedDestination; writes: string[] } {
  const writes: string[] = [];
  const destination = new BatchedDestination({ write: (text) => writes.push(text) });
  return { destination, writes };
}

/**
 * A child process that writes `lines` through the destination to its real stdout (pino's synchronous
 * SonicBoom, as the service does) and then ends as `ending` says, before the delay is over. The module is
 * compiled from its source with TypeScript, so the test needs no build.
 */
function childWriting(lines: readonly string[], ending: string): { stdout: string; status: number | null } {
  const source = join(__dirname, '..', '../../../src/platform/observability/batched-destination.ts');
  const script = `
    const ts = require('typescript');
    const text = ts.transpileModule(require('node:fs').readFileSync(${JSON.stringify(source)}, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const module_ = { exports: {} };
    new Function('exports', 'require', 'module', text)(module_.exports, require, module_);
    const destination = new module_.exports.BatchedDestination(require('pino').destination({ dest: 1, sync: true }));
    for (const line of ${JSON.stringify(lines)}) destination.write(line + '\\n');
    ${ending}
  `;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
  return { stdout: result.stdout, status: result.status };
}

describe('log lines written together within a few milliseconds', () => {
  it('writes the lines of several turns in one write, in order, once the delay is over', () => {
    jest.useFakeTimers();
    try {
      const { destination, writes } = recorded();
      destination.write('first\n');
      destination.write('second\n');
      jest.advanceTimersByTime(LINE_DELAY_MS - 1);
      // One client at a time ends each request in a turn of its own: the turns' lines still share a write.
      destination.write('a later turn\n');
      expect(writes).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(writes).toEqual(['first\nsecond\na later turn\n']);
      destination.write('next\n');
      jest.advanceTimersByTime(LINE_DELAY_MS);
      expect(writes).toEqual(['first\nsecond\na later turn\n', 'next\n']);
      destination.close();
    } finally {
      jest.useRealTimers();
    }
  });

  it('writes at once when the pending lines reach 64 KiB, without waiting', () => {
    const { destination, writes } = recorded();
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 63; i++) destination.write(line);
    expect(writes).toEqual([]);
    destination.write(line);
    expect(writes).toEqual([line.repeat(64)]);
    destination.close();
  });

  it('writes what is pending when flushed, and nothing twice', async () => {
    const { destination, writes } = recorded();
    destination.write('pending\n');
    destination.flushSync();
    expect(writes).toEqual(['pending\n']);
    await afterDelay();
    expect(writes).toEqual(['pending\n']);
    destination.close();
  });

  it("carries the service logger's JSON lines", async () => {
    const { destination, writes } = recorded();
    createLogger({ level: 'info', destination }).info({ event: 'x' }, 'told');
    await afterDelay();
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0] ?? '')).toMatchObject({ level: 'info', event: 'x', msg: 'told' });
    destination.close();
  });

  it('loses no line when the process exits before the delay is over', () => {
    const exited = childWriting(['one', 'two'], 'process.exit(3);');
    expect(exited).toEqual({ stdout: 'one\ntwo\n', status: 3 });
  });

  it('keeps no process alive for its lines, and loses none when the process ends by itself', () => {
    const ended = childWriting(['last words'], '');
    expect(ended).toEqual({ stdout: 'last words\n', status: 0 });
  });

  it('loses no line when an uncaught exception ends the process', () => {
    const crashed = childWriting(['before the crash'], "throw new Error('boom');");
    expect(crashed).toEqual({ stdout: 'before the crash\n', status: 1 });
  });
});
