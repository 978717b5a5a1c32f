import { changeCountIn, type DataVersion } from '../service/data-version';
import type { DataVersionChange } from './data-version-change.type';

/** What the feed reads of the data version: its value, and a call for each new one. */
export type ObservedDataVersion = Pick<DataVersion, 'current' | 'onChange'>;

/**
 * Fans the data version's changes out to subscribers (`dataVersionChanged`). The instance already reads the
 * version every DATA_VERSION_POLL_MS, so a write through any instance over the same database reaches the
 * subscribers of every instance within that interval, with no broker between them.
 */
export class DataVersionFeed {
  private readonly subscribers = new Set<ChangeStream>();
  private readonly stopListening: () => void;

  constructor(private readonly dataVersion: ObservedDataVersion) {
    this.stopListening = dataVersion.onChange((version) => {
      const change = describe(version, false);
      for (const subscriber of this.subscribers) subscriber.push(change);
    });
  }

  /** The version served now, then each new one, until the iterator is returned (the client completed or left). */
  changes(): AsyncIterableIterator<DataVersionChange> {
    const stream = new ChangeStream(() => this.subscribers.delete(stream));
    this.subscribers.add(stream);
    stream.push(describe(this.dataVersion.current(), true));
    return stream;
  }

  /** Subscriptions open now (for the gauge and tests). */
  get size(): number {
    return this.subscribers.size;
  }

  /** Ends every subscription and stops listening (on shutdown). */
  close(): void {
    this.stopListening();
    for (const subscriber of [...this.subscribers]) void subscriber.return();
  }
}

function describe(version: string, initial: boolean): DataVersionChange {
  return { version, changeCount: changeCountIn(version), initial, observedAt: new Date().toISOString() };
}

/**
 * One subscriber's events. Only the latest undelivered change is kept: a newer version supersedes an older one
 * (each says "ask again"), so a slow reader never builds a backlog. `return()` ends it at once, also while a
 * `next()` waits, which an async generator would not do until its next event.
 */
class ChangeStream implements AsyncIterableIterator<DataVersionChange> {
  private pending: DataVersionChange | undefined;
  private waiting: ((result: IteratorResult<DataVersionChange>) => void) | undefined;
  private done = false;

  constructor(private readonly onEnd: () => void) {}

  push(change: DataVersionChange): void {
    if (this.done) return;
    if (this.waiting !== undefined) {
      const deliver = this.waiting;
      this.waiting = undefined;
      deliver({ value: change, done: false });
    } else {
      // The first event (the version at the start) is kept over a change that arrives before it is read.
      this.pending = this.pending?.initial === true ? { ...change, initial: true } : change;
    }
  }

  next(): Promise<IteratorResult<DataVersionChange>> {
    if (this.pending !== undefined) {
      const value = this.pending;
      this.pending = undefined;
      return Promise.resolve({ value, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<DataVersionChange>> {
    if (!this.done) {
      this.done = true;
      this.pending = undefined;
      this.onEnd();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<DataVersionChange> {
    return this;
  }
}
