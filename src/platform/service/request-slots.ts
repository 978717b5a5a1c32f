import { Semaphore } from '../../db/semaphore';
import { InFlightTime } from './in-flight-time';

import type { RequestSlotSettings } from '../../core/config';

/**
 * The service's admission of API requests: at most `maxConcurrent` worked on at once, the others waiting in
 * arrival order for `maxWaitMs` at most, then turned away (SERVICE_BUSY, retryable). It bounds what a flood
 * holds: without it every request of a burst is worked on at once, each slows the others, and all of them keep
 * their memory until they end together at their time budget (docs/operators.md "Overload").
 */
export class RequestSlots {
  private readonly slots: Semaphore;
  private queued = 0;
  /** The requests holding a slot, over time: how many others each was worked on beside (`alongsideFromNow`). */
  private readonly held = new InFlightTime();

  constructor(readonly settings: Pick<RequestSlotSettings, 'maxConcurrent' | 'maxWaitMs'>) {
    this.slots = new Semaphore(settings.maxConcurrent);
  }

  /**
   * A release function once the request may start, or undefined when it waited `maxWaitMs` (or the queue
   * already holds as many requests as could start within that wait, at most `maxConcurrent` × 8: a burst
   * far past the service's capacity is turned away at once, not after a wait that cannot end well).
   */
  async enter(): Promise<(() => void) | undefined> {
    const free = this.tryEnter();
    if (free !== undefined) return free;
    if (this.queued >= this.settings.maxConcurrent * MAX_QUEUED_PER_SLOT) return undefined;
    if (this.settings.maxWaitMs === 0) return undefined;
    this.queued += 1;
    const waited = new AbortController();
    const timer = setTimeout(() => waited.abort(), this.settings.maxWaitMs);
    try {
      return this.holding(await this.slots.acquire(waited.signal));
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
      this.queued -= 1;
    }
  }

  /** A release function when a slot is free right now, else undefined (then `enter` waits for one). */
  tryEnter(): (() => void) | undefined {
    const release = this.slots.tryAcquire();
    return release === undefined ? undefined : this.holding(release);
  }

  /**
   * For a request arriving now: how many other requests held a slot beside it on average from now on (its own
   * slot, once it has one, not counted). A request that ran out of time beside one other or more all along
   * was stopped by the load rather than by what it asked (src/db/request-budget.ts).
   */
  alongsideFromNow(): () => number {
    const mark = this.held.mark();
    return () => Math.max(0, this.held.averageSince(mark) - 1);
  }

  /** Requests being worked on now. */
  get inUse(): number {
    return this.slots.inUse;
  }

  /** Requests waiting for a slot now. */
  get waiting(): number {
    return this.queued;
  }

  /** `release`, counted in `held` from now until it is called (once). */
  private holding(release: () => void): () => void {
    this.held.entered();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held.left();
      release();
    };
  }
}

/** How many requests may wait per slot: beyond that, the wait would outlast the requests' own budgets. */
const MAX_QUEUED_PER_SLOT = 8;
