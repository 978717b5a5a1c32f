import { readFileSync } from 'node:fs';

/** The memory the service plans for when neither MEMORY_LIMIT_MB nor a container limit says otherwise (MiB). */
export const DEFAULT_MEMORY_LIMIT_MB = 512;

/** Where a container's memory limit is read: cgroup v2, then v1 ("max" or a huge number: no limit). */
const CGROUP_LIMIT_FILES = ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes'];

/** A cgroup v1 "no limit" is the largest page-aligned 64-bit number; anything past a tebibyte is taken as none. */
const NO_LIMIT_ABOVE_BYTES = 2 ** 40;

const MIB = 1024 * 1024;

/** The container's memory limit in MiB, or undefined when there is none (or no cgroup file to read). */
export function containerLimitMb(files: readonly string[] = CGROUP_LIMIT_FILES): number | undefined {
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch {
      continue;
    }
    if (!/^\d+$/.test(text)) return undefined; // "max": no limit
    const bytes = Number(text);
    return bytes >= NO_LIMIT_ABOVE_BYTES ? undefined : Math.floor(bytes / MIB);
  }
  return undefined;
}

/** MEMORY_LIMIT_MB when set, else the container's limit, else DEFAULT_MEMORY_LIMIT_MB. */
export function memoryLimitMb(setting: number | undefined, container: () => number | undefined = containerLimitMb) {
  return setting ?? container() ?? DEFAULT_MEMORY_LIMIT_MB;
}

/**
 * What the memory limit is divided into. RSS is V8's heap plus what lives outside it: the young generation,
 * compiled machine code, the driver's and sockets' buffers, compression streams, the allocator's own slack; at
 * the default 512 MiB the measured service kept that part under 180 MiB (docs/benchmarks.md, "Memory"), so the
 * old generation gets three fifths. The caches kept per operation or per document get fixed shares of the limit
 * (their sums stay under half the old generation, the rest is the service's own heap and requests under way).
 */
export interface MemoryBudget {
  /** The limit the service plans for (MEMORY_LIMIT_MB or the container's), MiB. */
  readonly limitMb: number;
  /** V8's old generation, `--max-old-space-size` (MiB). */
  readonly oldSpaceMb: number;
  /**
   * One semi-space of V8's young generation, `--max-semi-space-size` (MiB): the young generation commits up to
   * two of them. V8 would size it from the old generation, up to 32 MiB (64 committed) at 307 MiB of old space.
   */
  readonly semiSpaceMb: number;
  /**
   * How far V8 lets the old generation grow past what survived the last full collection before the next one,
   * `--heap-growing-percent` (HEAP_GROWING_PERCENT).
   */
  readonly heapGrowingPercent: number;
  /** Compiled executors (graphql-jit), by the heap their generated code takes (bytes). */
  readonly compiledExecutionBytes: number;
  /** Parsed and validated documents with what hangs off their nodes (bytes, estimated from their text). */
  readonly documentStoreBytes: number;
  /** The most the response cache may hold (bytes); RESPONSE_CACHE_MAX_MB is cut to this. */
  readonly responseCacheBytes: number;
}

/** The shares of the limit; see MemoryBudget. */
const SHARES = { oldSpace: 0.6, compiledExecution: 0.08, documentStore: 0.04, responseCache: 1 / 16 } as const;

/**
 * A semi-space is the largest power of two within a 32nd of the limit (16 MiB at 512, so 32 MiB of young
 * generation; 8 at 384), between 1 and 32 MiB: V8 rounds the flag up to a power of two (12 gives 16), so it is
 * rounded down here to stay within the share. A 64th (8 MiB at 512) made every request dearer: a smaller young
 * generation is collected more often and promotes more, and at 8 MiB a nested question cost the service 26 % more
 * CPU than at 16 (docs/benchmarks.md, "V8's heap flags and the cost of a request"). Left to
 * V8, the young generation grew to 64 MiB committed under load and shrank only at a collection of last resort: the
 * same idle service measured anywhere from 19 to 64 MiB of it, so its RSS after an idle depended on when it was
 * read rather than on what it held (docs/benchmarks.md, "Memory").
 */
const SEMI_SPACE = { ofLimit: 1 / 32, minMb: 1, maxMb: 32 } as const;

/**
 * V8 chooses how far the old generation grows between full collections from its maximum size: about 1.3 times what
 * survived at a maximum under 512 MiB, up to 4 times at 2 GiB and more. Capped at the limit's three fifths, the
 * service's old generation got the smallest factor and was collected in full several times as often: the nested
 * question Q2 cost 3.68 ms of service CPU at the default 512 against 2.41 with the factor at 2 and 2.54 with the
 * heap uncapped (docs/benchmarks.md, "V8's heap flags and the cost of a request"). The old generation's own maximum
 * still bounds the heap whatever the factor.
 */
const HEAP_GROWING_PERCENT = 100;

export function memoryBudget(limitMb: number): MemoryBudget {
  return Object.freeze({
    limitMb,
    oldSpaceMb: Math.floor(limitMb * SHARES.oldSpace),
    semiSpaceMb: Math.min(
      SEMI_SPACE.maxMb,
      Math.max(SEMI_SPACE.minMb, 2 ** Math.floor(Math.log2(limitMb * SEMI_SPACE.ofLimit))),
    ),
    heapGrowingPercent: HEAP_GROWING_PERCENT,
    compiledExecutionBytes: Math.floor(limitMb * SHARES.compiledExecution * MIB),
    documentStoreBytes: Math.floor(limitMb * SHARES.documentStore * MIB),
    responseCacheBytes: Math.floor(limitMb * SHARES.responseCache * MIB),
  });
}
