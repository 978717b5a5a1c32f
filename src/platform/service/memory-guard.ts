import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
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
/**
 * After this long without a request the caches are emptied, so an idle service gives back what they held (V8's
 * memory reducer collects and releases pages once allocation stops); the next requests fill them again.
 */
export const IDLE_SHED_MS = 30_000;

const MIB = 1024 * 1024;

/** A `gc` performance entry: its detail says which kind of collection it was. */
type GcEntry = PerformanceEntry & { readonly detail?: { readonly kind?: number } };

function readMemory(): MemoryReading {
  return { heapUsed: getHeapStatistics().used_heap_size, rss: process.memoryUsage.rss() };
}

/**
 * Keeps the service within MEMORY_LIMIT_MB: reads the heap after each major collection (what is alive then) and
 * the resident memory every READ_EVERY_MS. Past MEMORY_THRESHOLDS.shed of the old generation or of the limit, the
 * caches registered with `onShed` are emptied (and compile or keep nothing new for a while); past `refuse` of the
 * old generation, `refusing` is true and new requests are answered SERVICE_BUSY (src/platform/http/memory-refusal.ts)
 * until the heap is back under `resume`, rather than the process growing until V8 stops it. Refusing is decided by
 * the heap alone: requests finishing give heap back, but V8 and the allocator keep pages they no longer use, so
 * RSS may stay high with little alive, and refusing on it could go on for ever. After IDLE_SHED_MS without a
 * request (`noteRequest`) the caches are emptied too.
 */
export class MemoryGuard {
  private readonly shedders: ((pauseMs: number) => void)[] = [];
  private lastShedAt = 0;
  private lastRequestAt = Date.now();
  private shedSinceLastRequest = false;
  private refusingNow = false;
  private observer: PerformanceObserver | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly budget: MemoryBudget,
    private readonly logger: Logger,
    private readonly read: () => MemoryReading = readMemory,
  ) {}

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
      if (major) this.check();
    });
    this.observer.observe({ entryTypes: ['gc'] });
    this.timer = setInterval(() => this.check(), READ_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    this.observer?.disconnect();
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Reads memory and acts on it. A reading between collections counts garbage as used, so it can only make the
   * guard act early, never late; the next major collection's reading corrects it.
   */
  check(): void {
    const { heapUsed, rss } = this.read();
    if (!this.shedSinceLastRequest && Date.now() - this.lastRequestAt > IDLE_SHED_MS) {
      this.shedSinceLastRequest = true;
      for (const shed of this.shedders) shed(0);
      this.logger.debug({ event: 'memory.idle' }, 'no request for a while: caches emptied');
    }
    const heap = heapUsed / (this.budget.oldSpaceMb * MIB);
    const use = Math.max(heap, rss / (this.budget.limitMb * MIB));
    if (use > MEMORY_THRESHOLDS.shed && Date.now() - this.lastShedAt > SHED_PAUSE_MS) {
      this.lastShedAt = Date.now();
      for (const shed of this.shedders) shed(SHED_PAUSE_MS);
      this.logger.warn(
        { event: 'memory.shed', heapUsedMb: Math.round(heapUsed / MIB), rssMb: Math.round(rss / MIB) },
        'memory short: caches emptied',
      );
    }
    if (!this.refusingNow && heap > MEMORY_THRESHOLDS.refuse) {
      this.refusingNow = true;
      this.logger.warn(
        { event: 'memory.refusing', heapUsedMb: Math.round(heapUsed / MIB), rssMb: Math.round(rss / MIB) },
        'memory short: new requests refused with SERVICE_BUSY',
      );
    } else if (this.refusingNow && heap < MEMORY_THRESHOLDS.resume) {
      this.refusingNow = false;
      this.logger.info(
        { event: 'memory.resumed', heapUsedMb: Math.round(heapUsed / MIB), rssMb: Math.round(rss / MIB) },
        'memory back under its limit: requests accepted again',
      );
    }
  }
}
