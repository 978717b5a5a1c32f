/** How often a step that is still running says so: under 10 s, so a person at a terminal never waits longer in silence. */
export const PROGRESS_INTERVAL_MS = 9_000;

/**
 * Waits for `work`, saying `<what>: still at it after N s…` every `everyMs` until it settles, so a long step of a
 * start (the embedded Neo4j's JVM, the seed's load, planning the examples) shows it is alive instead of going
 * silent for half a minute on a busy machine. A quick step says nothing extra. The timer is cleared when the work
 * settles and never holds the process open.
 */
export async function withProgress<T>(
  work: Promise<T>,
  say: (line: string) => void,
  what: string,
  everyMs: number = PROGRESS_INTERVAL_MS,
): Promise<T> {
  const started = Date.now();
  const timer = setInterval(
    () => say(`${what}: still at it after ${Math.round((Date.now() - started) / 1000)} s…`),
    everyMs,
  );
  timer.unref();
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
