import { DataVersionFeed, type ObservedDataVersion } from '../../../../src/platform/live/data-version-feed';

/** A data version a test moves by hand, told to listeners as DataVersion tells them (a new confirmed version). */
function versionAt(start: string): ObservedDataVersion & { moveTo(version: string): void } {
  let version = start;
  const listeners = new Set<(version: string) => void>();
  return {
    current: () => version,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    moveTo: (next) => {
      version = next;
      for (const listener of listeners) listener(next);
    },
  };
}

describe('DataVersionFeed', () => {
  it('starts each subscription with the version served now, then sends each new one', async () => {
    const version = versionAt('seed+2');
    const feed = new DataVersionFeed(version);
    const changes = feed.changes();
    expect(await changes.next()).toMatchObject({
      done: false,
      value: { version: 'seed+2', changeCount: 2, initial: true },
    });
    const next = changes.next();
    version.moveTo('seed+3');
    expect(await next).toMatchObject({ done: false, value: { version: 'seed+3', changeCount: 3, initial: false } });
    expect(feed.size).toBe(1);
  });

  it('keeps only the latest unread change for a slow reader', async () => {
    const version = versionAt('seed');
    const feed = new DataVersionFeed(version);
    const changes = feed.changes();
    await changes.next();
    version.moveTo('seed+1');
    version.moveTo('seed+2');
    version.moveTo('seed+3');
    expect((await changes.next()).value).toMatchObject({ version: 'seed+3', initial: false });
  });

  it('ends at once when returned while a read waits, and forgets the subscriber', async () => {
    const version = versionAt('seed');
    const feed = new DataVersionFeed(version);
    const changes = feed.changes();
    await changes.next();
    const waiting = changes.next();
    await changes.return?.();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(feed.size).toBe(0);
    version.moveTo('seed+1');
    expect(await changes.next()).toEqual({ value: undefined, done: true });
  });

  it('ends every subscription and stops listening on close', async () => {
    const version = versionAt('seed');
    const feed = new DataVersionFeed(version);
    const first = feed.changes();
    const second = feed.changes();
    feed.close();
    expect(feed.size).toBe(0);
    expect(await first.next()).toEqual({ value: undefined, done: true });
    expect(await second.next()).toEqual({ value: undefined, done: true });
  });
});
