import type { DataVersion } from '../../src/platform/service/data-version';

/**
 * B's version reads that may start from a write to B seeing it: one under way when the write commits (it may
 * have read before the commit), and the next, which must see it.
 */
export const AGREEMENT_READS = 2;

/** How long a test waits for a change at most: only a failure takes it, the wait normally ends in a poll or two. */
export const GIVE_UP_MS = 30_000;

/**
 * Counts an instance's reads of its data version (its poll is the only caller while it polls; each still
 * reads) and the read that saw a change. A test bounds how many reads a change takes to arrive, not how many
 * milliseconds: a loaded machine delays the poll's timer and every read, but not the count.
 */
export function countVersionReads(
  dataVersion: DataVersion,
  /** Which new version is the change waited for (any, unless given). */
  awaited: (version: string) => boolean = () => true,
): {
  /** Forgets the change seen last: call it before the write, so a read that sees it during the write counts. */
  expectChange(): void;
  /** Counts the reads from now (call it right after the write has answered). */
  written(): void;
  /** Reads started after `written` up to the one that saw the change (0 or less: one under way saw it). */
  readsToChange(): number | undefined;
  /** When (Date.now()) the instance saw that change: what a subscriber's delivery is timed from. */
  changedAt(): number | undefined;
  stop(): void;
} {
  const reads = jest.spyOn(dataVersion, 'refresh');
  let readsAtWrite = reads.mock.calls.length;
  let readsAtChange: number | undefined;
  let changedAt: number | undefined;
  const stopListening = dataVersion.onChange((version) => {
    if (readsAtChange !== undefined || !awaited(version)) return;
    readsAtChange = reads.mock.calls.length;
    changedAt = Date.now();
  });
  return {
    expectChange: () => {
      readsAtChange = undefined;
      changedAt = undefined;
    },
    written: () => (readsAtWrite = reads.mock.calls.length),
    readsToChange: () => (readsAtChange === undefined ? undefined : readsAtChange - readsAtWrite),
    changedAt: () => changedAt,
    stop: () => {
      stopListening();
      reads.mockRestore();
    },
  };
}
