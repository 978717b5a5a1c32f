import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Far longer than a build takes on a busy machine: a lock this old was left by a process that died. */
const STALE_LOCK_MS = 10 * 60_000;
const RETRY_MS = 500;

/**
 * Runs `build` unless `isCurrent()` says its output is already current, in one process at a time: processes
 * started side by side (jest's workers, two test runs) take a lock, a directory made atomically at `lockPath`,
 * and the others wait for it, then find the output current. Resolves with whether this process built.
 */
export async function buildOnce(
  lockPath: string,
  isCurrent: () => Promise<boolean>,
  build: () => Promise<unknown>,
): Promise<boolean> {
  for (;;) {
    if (await isCurrent()) return false;
    // A fresh checkout has no output folder yet: without the lock's parent the lock could never be taken.
    await mkdir(dirname(lockPath), { recursive: true });
    try {
      await mkdir(lockPath);
    } catch (error) {
      // Only a lock another process holds is waited for; anything else (no permission, no space) is the answer.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await releaseIfStale(lockPath);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      continue;
    }
    try {
      if (await isCurrent()) return false;
      await build();
      return true;
    } finally {
      await rm(lockPath, { recursive: true, force: true });
    }
  }
}

async function releaseIfStale(lockPath: string): Promise<void> {
  const made = await stat(lockPath).then(
    (lock) => lock.mtimeMs,
    () => undefined,
  );
  if (made !== undefined && Date.now() - made > STALE_LOCK_MS) await rm(lockPath, { recursive: true, force: true });
}
