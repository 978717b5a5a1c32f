/**
 * A counting semaphore: at most `permits` holders at once, the rest wait in arrival order. Small enough
 * to keep here rather than take a dependency: the maintained npm ones (p-limit, async-sema) are ES-module
 * only in their current majors or cannot give up waiting at a deadline, which the request budget needs.
 */
export class Semaphore {
  private available: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly permits: number) {
    if (!Number.isInteger(permits) || permits < 1) throw new RangeError(`permits must be ≥ 1, got ${permits}`);
    this.available = permits;
  }

  /**
   * Resolves with a release function once a permit is free. When `signal` aborts first, rejects with its
   * reason and leaves the queue, so a request that ran out of time does not take a permit later.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.available > 0) {
      this.available -= 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', abandon);
        resolve(this.releaser());
      };
      const abandon = (): void => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', abandon, { once: true });
      this.waiting.push(grant);
    });
  }

  /** A release function when a permit is free right now (taken), else undefined: the waiting is the caller's. */
  tryAcquire(): (() => void) | undefined {
    if (this.available === 0) return undefined;
    this.available -= 1;
    return this.releaser();
  }

  /** How many permits are taken right now. */
  get inUse(): number {
    return this.permits - this.available;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The permit passes straight to the next waiter, so no newcomer can overtake the queue.
      if (next) next();
      else this.available += 1;
    };
  }
}
