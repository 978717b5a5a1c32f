import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadConfig } from '../../../src/core/config';
import { heapLimitFlags } from '../../../src/core/heap-limit';
import { containerLimitMb, DEFAULT_MEMORY_LIMIT_MB, memoryBudget, memoryLimitMb } from '../../../src/core/memory-limit';

const MIB = 1024 * 1024;

describe('the memory limit (MEMORY_LIMIT_MB)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memory-limit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  /** A cgroup file holding `text`. */
  const cgroupFile = (text: string): string => {
    const file = join(dir, `memory-${(files += 1)}`);
    writeFileSync(file, text);
    return file;
  };

  it("reads a container's limit in MiB from its cgroup file, the first that exists", () => {
    fc.assert(
      // Below a tebibyte: from there on the file means "no limit" (as cgroup v1 writes it).
      fc.property(fc.integer({ min: 1, max: 1024 * 1024 - 1 }), (mb) => {
        const file = cgroupFile(`${mb * MIB}\n`);
        expect(containerLimitMb([join(dir, 'absent'), file])).toBe(mb);
      }),
      { numRuns: 50 },
    );
  });

  it('reads no limit from "max", from cgroup v1\'s near-2^63 "unlimited", or without a file', () => {
    expect(containerLimitMb([cgroupFile('max\n')])).toBeUndefined();
    expect(containerLimitMb([cgroupFile('9223372036854771712\n')])).toBeUndefined();
    expect(containerLimitMb([join(dir, 'absent')])).toBeUndefined();
  });

  it('takes MEMORY_LIMIT_MB first, then the container, then the default', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 192, max: 65536 })),
        fc.option(fc.integer({ min: 1, max: 65536 })),
        (setting, container) => {
          const expected = setting ?? container ?? DEFAULT_MEMORY_LIMIT_MB;
          expect(memoryLimitMb(setting ?? undefined, () => container ?? undefined)).toBe(expected);
        },
      ),
    );
  });

  it('gives the caches less than half the old generation and the old generation less than the limit, at any limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 192, max: 1_048_576 }), (limitMb) => {
        const budget = memoryBudget(limitMb);
        const caches = budget.compiledExecutionBytes + budget.documentStoreBytes + budget.responseCacheBytes;
        expect(budget.oldSpaceMb).toBeLessThan(limitMb);
        // The young generation commits up to two semi-spaces, and V8 reserves a third for new large objects.
        expect(budget.oldSpaceMb + 3 * budget.semiSpaceMb).toBeLessThan(limitMb);
        // A power of two (V8 rounds any other up, past the share), within a 32nd of the limit unless at the floor.
        expect(Number.isInteger(Math.log2(budget.semiSpaceMb))).toBe(true);
        expect(budget.semiSpaceMb === 1 || budget.semiSpaceMb <= limitMb / 32).toBe(true);
        expect(caches).toBeLessThan((budget.oldSpaceMb * MIB) / 2);
        expect(budget.limitMb).toBe(limitMb);
      }),
    );
  });

  it("cuts RESPONSE_CACHE_MAX_MB to the response cache's share of the limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 192, max: 4096 }), fc.integer({ min: 0, max: 4096 }), (limitMb, cacheMb) => {
        const config = loadConfig({ MEMORY_LIMIT_MB: String(limitMb), RESPONSE_CACHE_MAX_MB: String(cacheMb) });
        expect(config.memory).toEqual({ ...memoryBudget(limitMb), idleMs: 30_000 });
        expect(config.http.responseCacheBytes).toBe(Math.min(cacheMb * MIB, memoryBudget(limitMb).responseCacheBytes));
      }),
      { numRuns: 30 },
    );
  });

  it('takes the quiet period before the caches are emptied from MEMORY_IDLE_SECONDS, and refuses one out of range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 86_400 }), (seconds) => {
        expect(loadConfig({ MEMORY_IDLE_SECONDS: String(seconds) }).memory.idleMs).toBe(seconds * 1000);
      }),
      { numRuns: 30 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1000, max: 4 }), fc.integer({ min: 86_401 })), (seconds) => {
        expect(() => loadConfig({ MEMORY_IDLE_SECONDS: String(seconds) })).toThrow(/MEMORY_IDLE_SECONDS/);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a MEMORY_LIMIT_MB that is not a whole number of MiB from 192', () => {
    for (const value of ['100', 'lots', '512M', '-1']) {
      expect(() => loadConfig({ MEMORY_LIMIT_MB: value })).toThrow(/MEMORY_LIMIT_MB must be a whole number from 192/);
    }
  });
});

describe("V8's heap flags from the memory limit", () => {
  const OLD = '--max-old-space-size';
  const SEMI = '--max-semi-space-size';
  const GROWING = '--heap-growing-percent';

  it('size the old generation and the semi-space from MEMORY_LIMIT_MB, or from the container limit when it is unset', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 192, max: 65536 })),
        fc.integer({ min: 64, max: 65536 }),
        (setting, container) => {
          const env = setting === null ? {} : { MEMORY_LIMIT_MB: ` ${setting} ` };
          const budget = memoryBudget(setting ?? container);
          expect(heapLimitFlags(env, [], () => container)).toEqual([
            `${OLD}=${budget.oldSpaceMb}`,
            `${SEMI}=${budget.semiSpaceMb}`,
            `${GROWING}=${budget.heapGrowingPercent}`,
          ]);
        },
      ),
    );
  });

  it("leave an operator's own flag alone, in NODE_OPTIONS or on the command line, and still give the other", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(OLD, SEMI, '--max_semi_space_size', '--max_old_space_size'),
        fc.integer({ min: 1, max: 65536 }),
        fc.boolean(),
        (flag, mb, inOptions) => {
          const own = `${flag}=${mb}`;
          const env = { MEMORY_LIMIT_MB: '512', ...(inOptions ? { NODE_OPTIONS: `--enable-source-maps ${own}` } : {}) };
          const flags = heapLimitFlags(env, inOptions ? [] : ['-r', 'x.js', own]);
          const other = flag.replaceAll('_', '-') === OLD ? SEMI : OLD;
          expect(flags.map((given) => given.split('=')[0])).toEqual(
            [OLD, SEMI, GROWING].filter((f) => f !== flag.replaceAll('_', '-')),
          );
          expect(flags.map((given) => given.split('=')[0])).toContain(other);
        },
      ),
    );
  });

  it('set no flag for a MEMORY_LIMIT_MB the configuration refuses (the start then stops with its error)', () => {
    expect(heapLimitFlags({ MEMORY_LIMIT_MB: '12' }, [])).toEqual([]);
    expect(heapLimitFlags({ MEMORY_LIMIT_MB: 'half' }, [])).toEqual([]);
  });
});
