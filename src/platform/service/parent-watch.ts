/** How often the parent's pid is read: a stop follows the parent's end within about this. */
const PARENT_POLL_MS = 1_000;

/**
 * Calls `stop` once the process that started this one has ended, seen as this process's parent pid changing
 * (an orphan is adopted by init or a subreaper). A supervisor that signals `npm start` rather than the
 * service, an npm that does not pass the signal on, or a parent killed outright would otherwise leave the
 * service, and the embedded Neo4j it holds, running with nobody to stop them. A process started by init or a
 * container runtime (parent pid 0 or 1) has no parent to outlive, and is not watched. The timer is unref'd:
 * it keeps nothing alive.
 */
export function stopWhenParentExits(stop: () => void): void {
  const parent = process.ppid;
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, PARENT_POLL_MS);
  timer.unref();
}
