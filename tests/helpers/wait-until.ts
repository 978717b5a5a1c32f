/**
 * Waits until `condition` holds, asking every `intervalMs`, and fails naming `what` when `timeoutMs` passes
 * first. For states that arrive after background work (a poll, a retry): a fixed sleep either waits longer
 * than needed or, on a loaded machine, not long enough.
 */
export async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
