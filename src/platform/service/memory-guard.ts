import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { MemoryBudget } from '../../core/memory-limit';
import type { Logger } from '../observability/logger';

/** What the guard reads: the heap V8 has in use and the process's resident memory, in bytes. */
export interface MemoryReading {
  readonly heapUsed: number;
  readonly rss: number;
}

/** The fractions of the limits at which the guard acts (of the old generation for the heap, of the limit for RSS). */
export const MEMORY_THRESHOLDS = {
  /** Caches are emptied past this, of the heap or of RSS. */
  shed: 0.7,
  /** New requests are refused past this of the heap (SERVICE_BUSY), until it is back under `resume`. */
  refuse: 0.85,
  resume: 0.75,
} as const;

/** How long the caches compile and keep nothing new once emptied. */
const SHED_PAUSE_MS = 10_000;
/** How often the guard reads memory between major collections. */
const READ_EVERY_MS = 500;
/** How often, at most, the guard collects the heap itself while it refuses requests. */
const REFUSING_COLLECT_EVERY_MS = 2_000;
/**
 * How long without a request before the guard empties the caches and collects the heap when none is given
 * (MEMORY_IDLE_SECONDS' default).
 */
export const DEFAULT_IDLE_MS = 30_000;

const MIB = 1024 * 1024;

/** A `gc` performance entry: its detail says which kind of collection it was. */
type GcEntry = PerformanceEntry & { readonly detail?: { readonly kind?: number } };

function readMemory(): MemoryReading {
  return { heapUsed: getHeapStatistics().used_heap_size, rss: process.memoryUsage.rss() };
}

/** V8's `gc` function, with the options its extension reads. */
type GcFunction = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Every collectable byte collected and the pages given back, on demand. Once the service is idle nothing
 * allocates, so V8 starts no collection of its own: what the emptied caches held would stay in the old
 * generation, and its pages resident, until the next traffic (measured: RSS 343 MiB after 60 s idle against
 * 184 at the start, 164 MiB of heap in use). A plain full collection frees the objects but keeps the pages (the
 * young generation grown under load, free old-generation pages): RSS 534 → 534 MiB on a test heap, against
 * 534 → 66 MiB with the `last-resort` flavour, which is V8's collection before it gives up on memory: several
 * rounds that compact, shrink the young generation and release pooled pages. `gc` is taken from a new context
 * while `--expose-gc` is on, then the flag is turned off again: the function is the guard's alone. Not
 * `--expose-gc` on the command line: that puts `gc` on the global object every module the service loads sees,
 * and the flags the service relaunches itself with (src/core/heap-limit.ts) are not set when an operator gives
 * his own `--max-old-space-size`, so the idle collection would come and go with an unrelated setting.
 */
function fullCollection(): () => void {
  let gc: GcFunction | undefined;
  return () => {
    if (gc === undefined) {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as GcFunction;
      setFlagsFromString('--no-expose-gc');
    }
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  };
}

/** What a guard may be given instead of its defaults. */
export interface MemoryGuardOptions {
  /** Reads the heap in use and RSS (the process's own by default). */
  readonly read?: () => MemoryReading;
  /** How long without a request before the caches are emptied and the heap collected (ms). */
  readonly idleMs?: number;
  /** Collects the whole heap (a full garbage collection by default). */
  readonly collect?: () => void;
}

/**
 * Keeps the service within MEMORY_LIMIT_MB: reads the heap after each major collection (what is alive then) and
 * the resident memory every READ_EVERY_MS. Past MEMORY_THRESHOLDS.shed of the old generation or of the limit, the
 * caches registered with `onShed` are emptied (and compile or keep nothing new for a while); past `refuse` of the
 * old generation, `refusing` is true and new requests are answered SERVICE_BUSY (src/platform/http/memory-refusal.ts)
 * until the heap is back under `resume`, rather than the process growing until V8 stops it. Refusing is decided by
 * the heap alone: requests finishing give heap back, but V8 and the allocator keep pages they no longer use, so
 * RSS may stay high with little alive, and refusing on it could go on for ever. After `idleMs`
 * (MEMORY_IDLE_SECONDS) without a request (`noteRequest`) the caches are emptied too and the heap is collected
 * once, so an idle service gives back what past traffic took; the next requests fill the caches again.
 */
export class MemoryGuard {
  private readonly shedders: ((pauseMs: number) => void)[] = [];
  private lastShedAt = 0;
  private lastRefusingCollectAt = 0;
  private lastRequestAt = Date.now();
  private shedSinceLastRequest = false;
  private refusingNow = false;
  private observer: PerformanceObserver | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly read: () => MemoryReading;
  private readonly idleMs: number;
  private readonly collect: () => void;

  constructor(
    readonly budget: MemoryBudget,
    private readonly logger: Logger,
    { read = readMemory, idleMs = DEFAULT_IDLE_MS, collect = fullCollection() }: MemoryGuardOptions = {},
  ) {
    this.read = read;
    this.idleMs = idleMs;
    this.collect = collect;
  }

  /** Whether new requests are refused now. */
  get refusing(): boolean {
    return this.refusingNow;
  }

  /** A request arrived (the service is not idle). */
  noteRequest(): void {
    this.lastRequestAt = Date.now();
    this.shedSinceLastRequest = false;
  }

  /** Registers a cache to empty when memory runs short; it is told how long to keep nothing new. */
  onShed(shed: (pauseMs: number) => void): void {
    this.shedders.push(shed);
  }

  /** Starts watching: after every major collection, and every READ_EVERY_MS. */
  start(): void {
    this.observer = new PerformanceObserver((list) => {
      const major = list
        .getEntries()
        .some((entry) => (entry as GcEntry).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
      if (major) this.afterMajorCollection();
    });
    this.observer.observe({ entryTypes: ['gc'] });
    this.timer = setInterval(() => this.tick(), READ_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    this.observer?.disconnect();
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Idle: every cache emptied, then the heap collected once (what they held is garbage only from now on, and no
   * allocation is coming to start a collection). Once per quiet period: the next request starts another.
   */
  private releaseWhenIdle(): void {
    this.shedSinceLastRequest = true;
    for (const shed of this.shedders) shed(0);
    const before = this.read();
    this.collect();
    const after = this.read();
    this.logger.info(
      {
        event: 'memory.idle',
        heapUsedMb: [before.heapUsed, after.heapUsed].map((bytes) => Math.round(bytes / MIB)),
        rssMb: [before.rss, after.rss].map((bytes) => Math.round(bytes / MIB)),
      },
      'no request for a while: caches emptied, heap collected',
    );
  }

  /**
   * Right after a major collection the heap in use is what is alive: the guard sheds past `shed` (of the heap or
   * of RSS), refuses past `refuse` of the heap and resumes under `resume`.
   */
  afterMajorCollection(): void {
    const reading = this.read();
    this.shedPast(reading, this.heapShare(reading));
    this.refuseOrResume(this.heapShare(reading), reading);
  }

  /**
   * Between collections the heap in use counts garbage too, as much again as survived the last major collection
   * with the growth V8 is given (src/core/heap-limit.ts): taken as alive, it made the guard shed and refuse under
   * steady traffic that kept little. So a tick sheds on RSS alone, and the heap's reading only lets the guard
   * resume (what is alive is at most what is in use). While it refuses, little is allocated and V8 may not
   * collect for a long time: the tick collects the heap itself, at most every REFUSING_COLLECT_EVERY_MS, so the
   * refusal ends once what is alive has shrunk rather than at the next collection traffic would have caused.
   */
  tick(): void {
    if (!this.shedSinceLastRequest && Date.now() - this.lastRequestAt > this.idleMs) this.releaseWhenIdle();
    if (this.refusingNow && Date.now() - this.lastRefusingCollectAt >= REFUSING_COLLECT_EVERY_MS) {
      this.lastRefusingCollectAt = Date.now();
      this.collect();
      this.afterMajorCollection();
      return;
    }
    const reading = this.read();
    this.shedPast(reading, 0);
    if (this.refusingNow && this.heapShare(reading) < MEMORY_THRESHOLDS.resume) {
      this.refuseOrResume(this.heapShare(reading), reading);
    }
  }

  private heapShare({ heapUsed }: MemoryReading): number {
    return heapUsed / (this.budget.oldSpaceMb * MIB);
  }

  /** Empties the caches when the heap's share given or RSS is past `shed`, at most once per SHED_PAUSE_MS. */
  private shedPast(reading: MemoryReading, heapShare: number): void {
    const use = Math.max(heapShare, reading.rss / (this.budget.limitMb * MIB));
    if (use <= MEMORY_THRESHOLDS.shed || Date.now() - this.lastShedAt <= SHED_PAUSE_MS) return;
    this.lastShedAt = Date.now();
    for (const shed of this.shedders) shed(SHED_PAUSE_MS);
    this.logger.warn({ event: 'memory.shed', ...inMib(reading) }, 'memory short: caches emptied');
  }

  private refuseOrResume(heapShare: number, reading: MemoryReading): void {
    if (!this.refusingNow && heapShare > MEMORY_THRESHOLDS.refuse) {
      this.refusingNow = true;
      this.logger.warn(
        { event: 'memory.refusing', ...inMib(reading) },
        'memory short: new requests refused with SERVICE_BUSY',
      );
    } else if (this.refusingNow && heapShare < MEMORY_THRESHOLDS.resume) {
      this.refusingNow = false;
      this.logger.info(
        { event: 'memory.resumed', ...inMib(reading) },
        'memory back under its limit: requests accepted again',
      );
    }
  }
}

/** A reading for the log, in whole MiB. */
function inMib({ heapUsed, rss }: MemoryReading): { heapUsedMb: number; rssMb: number } {
  return { heapUsedMb: Math.round(heapUsed / MIB), rssMb: Math.round(rss / MIB) };
}
