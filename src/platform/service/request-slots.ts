import { Semaphore } from '../../db/semaphore';

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
      return await this.slots.acquire(waited.signal);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
      this.queued -= 1;
    }
  }

  /** A release function when a slot is free right now, else undefined (then `enter` waits for one). */
  tryEnter(): (() => void) | undefined {
    return this.slots.tryAcquire();
  }

  /** Requests being worked on now. */
  get inUse(): number {
    return this.slots.inUse;
  }

  /** Requests waiting for a slot now. */
  get waiting(): number {
    return this.queued;
  }
}

/** How many requests may wait per slot: beyond that, the wait would outlast the requests' own budgets. */
const MAX_QUEUED_PER_SLOT = 8;
