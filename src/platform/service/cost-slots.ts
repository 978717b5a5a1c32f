/** A request waiting for room: its weight, and what to call when it gets it. */
interface Waiter {
  readonly weight: number;
  readonly admit: (release: () => void) => void;
}

/**
 * The work in flight, weighed by the operations' estimated cost (the cost rule's own estimate): at most
 * `capacity` of it at once, the rest waiting in arrival order for `maxWaitMs` at most, then turned away. A
 * count of requests (RequestSlots) cannot tell a question of ten rows from one at every limit: sixteen wide
 * operations at once on a 2-core machine each take more than the request budget, and time out together having
 * done nothing useful, while one at a time each ends within it. Weighed, wide operations queue behind each other
 * and are turned away (SERVICE_BUSY) when the wait would be too long, and cheap ones still run side by side.
 *
 * First come, first served, with no overtaking: a cheap request behind a waiting wide one waits too, so a
 * stream of cheap ones cannot starve a wide one. A weight above the capacity counts as the capacity (the
 * request runs alone).
 */
export class CostSlots {
  private used = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    readonly capacity: number,
    readonly maxWaitMs: number,
  ) {
    if (!(capacity > 0)) throw new RangeError(`capacity must be > 0, got ${capacity}`);
  }

  /**
   * A release function once the request's weight fits, or undefined when it did not within `maxWaitMs` (at
   * once when `maxWaitMs` is 0 and it does not fit now).
   */
  enter(cost: number): Promise<(() => void) | undefined> {
    const weight = this.weightOf(cost);
    if (this.queue.length === 0 && this.used + weight <= this.capacity) return Promise.resolve(this.take(weight));
    if (this.maxWaitMs === 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        weight,
        admit: (release) => {
          clearTimeout(timer);
          resolve(release);
        },
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(waiter), 1);
        // The head leaving may let those behind it in.
        this.admitWaiting();
        resolve(undefined);
      }, this.maxWaitMs);
      this.queue.push(waiter);
    });
  }

  /** The weight in flight now. */
  get inFlight(): number {
    return this.used;
  }

  /** Requests waiting for room now. */
  get waiting(): number {
    return this.queue.length;
  }

  private weightOf(cost: number): number {
    return Math.min(this.capacity, Math.max(1, cost));
  }

  private take(weight: number): () => void {
    this.used += weight;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= weight;
      this.admitWaiting();
    };
  }

  /** Lets in, in arrival order, every waiter at the head of the queue that fits now. */
  private admitWaiting(): void {
    for (let head = this.queue[0]; head !== undefined; head = this.queue[0]) {
      if (this.used + head.weight > this.capacity) return;
      this.queue.shift();
      head.admit(this.take(head.weight));
    }
  }
}
