import { PROGRESS_INTERVAL_MS, withProgress } from '../../../src/core/progress-while-running';

describe('withProgress', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says a step is still running every interval, under 10 s, until it settles, then nothing more', async () => {
    const said: string[] = [];
    let finish: (value: string) => void = () => undefined;
    const step = withProgress(
      new Promise<string>((resolve) => (finish = resolve)),
      (line) => said.push(line),
      'starting embedded Neo4j',
    );
    expect(PROGRESS_INTERVAL_MS).toBeLessThan(10_000);
    await jest.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS - 1);
    expect(said).toEqual([]);
    await jest.advanceTimersByTimeAsync(2 * PROGRESS_INTERVAL_MS);
    expect(said).toEqual([
      'starting embedded Neo4j: still at it after 9 s…',
      'starting embedded Neo4j: still at it after 18 s…',
    ]);
    finish('ready');
    await expect(step).resolves.toBe('ready');
    await jest.advanceTimersByTimeAsync(5 * PROGRESS_INTERVAL_MS);
    expect(said).toHaveLength(2);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('says nothing for a quick step, and passes a failure on with its timer cleared', async () => {
    const said: string[] = [];
    await expect(withProgress(Promise.resolve(1), (line) => said.push(line), 'quick')).resolves.toBe(1);
    await expect(withProgress(Promise.reject(new Error('no')), (line) => said.push(line), 'failing')).rejects.toThrow(
      'no',
    );
    expect(said).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
