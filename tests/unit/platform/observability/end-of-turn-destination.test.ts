import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { EndOfTurnDestination } from '../../../../src/platform/observability/end-of-turn-destination';
import { createLogger } from '../../../../src/platform/observability/logger';

const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A destination over a target that records each write it is given. */
function recorded(): { destination: EndOfTurnDestination; writes: string[] } {
  const writes: string[] = [];
  const destination = new EndOfTurnDestination({ write: (text) => writes.push(text) });
  return { destination, writes };
}

/**
 * A child process that writes `lines` through the destination to its real stdout (pino's synchronous
 * SonicBoom, as the service does) and then ends as `ending` says, before any turn could end. The module is
 * compiled from its source with TypeScript, so the test needs no build.
 */
function childWriting(lines: readonly string[], ending: string): { stdout: string; status: number | null } {
  const source = join(__dirname, '..', '../../../src/platform/observability/end-of-turn-destination.ts');
  const script = `
    const ts = require('typescript');
    const text = ts.transpileModule(require('node:fs').readFileSync(${JSON.stringify(source)}, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const module_ = { exports: {} };
    new Function('exports', 'require', 'module', text)(module_.exports, require, module_);
    const destination = new module_.exports.EndOfTurnDestination(require('pino').destination({ dest: 1, sync: true }));
    for (const line of ${JSON.stringify(lines)}) destination.write(line + '\\n');
    ${ending}
  `;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
  return { stdout: result.stdout, status: result.status };
}

describe('log lines written at the end of each turn', () => {
  it("writes a turn's lines in one write, in order, once the turn ends", async () => {
    const { destination, writes } = recorded();
    destination.write('first\n');
    destination.write('second\n');
    destination.write('third\n');
    expect(writes).toEqual([]);
    await endOfTurn();
    expect(writes).toEqual(['first\nsecond\nthird\n']);
    destination.write('next turn\n');
    await endOfTurn();
    expect(writes).toEqual(['first\nsecond\nthird\n', 'next turn\n']);
    destination.close();
  });

  it('writes what is pending when flushed, and nothing twice', async () => {
    const { destination, writes } = recorded();
    destination.write('pending\n');
    destination.flushSync();
    expect(writes).toEqual(['pending\n']);
    await endOfTurn();
    expect(writes).toEqual(['pending\n']);
    destination.close();
  });

  it("carries the service logger's JSON lines", async () => {
    const { destination, writes } = recorded();
    createLogger({ level: 'info', destination }).info({ event: 'x' }, 'told');
    await endOfTurn();
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0] ?? '')).toMatchObject({ level: 'info', event: 'x', msg: 'told' });
    destination.close();
  });

  it('loses no line when the process exits before the turn ends', () => {
    const exited = childWriting(['one', 'two'], 'process.exit(3);');
    expect(exited).toEqual({ stdout: 'one\ntwo\n', status: 3 });
  });

  it('loses no line when an uncaught exception ends the process', () => {
    const crashed = childWriting(['before the crash'], "throw new Error('boom');");
    expect(crashed).toEqual({ stdout: 'before the crash\n', status: 1 });
  });
});
