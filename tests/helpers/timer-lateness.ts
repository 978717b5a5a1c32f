/**
 * How late a plain timer of `ms` fires on this machine now: started beside the work a test times, it is the
 * reference measured in the same run. A loaded machine fires every timer late (the budget's as much as this
 * one), so a bound on when a deadline is answered adds this lateness instead of assuming an idle machine.
 */
export function timerLateness(ms: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => setTimeout(() => resolve(Math.max(0, performance.now() - started - ms)), ms));
}
