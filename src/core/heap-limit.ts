import { SETTINGS } from './settings';
import { memoryBudget, memoryLimitMb, type MemoryBudget } from './memory-limit';

/** The V8 flags sized from the memory limit (MiB), each with the part of the budget it takes. */
const HEAP_FLAGS: readonly (readonly [flag: string, size: (budget: MemoryBudget) => number])[] = [
  ['--max-old-space-size', (budget) => budget.oldSpaceMb],
  ['--max-semi-space-size', (budget) => budget.semiSpaceMb],
  ['--heap-growing-percent', (budget) => budget.heapGrowingPercent],
];

/**
 * The V8 flags MEMORY_LIMIT_MB (or the container's limit) gives that the process does not run with yet: the old
 * generation (`--max-old-space-size`), the young generation's semi-space (`--max-semi-space-size`) and how far the
 * old generation grows between full collections (`--heap-growing-percent`, memory-limit.ts). A flag the
 * process already has (the operator's own, in NODE_OPTIONS or on the command line) is left out, so it wins; none
 * when MEMORY_LIMIT_MB is not a valid value (loadConfig then stops the start with the setting's error).
 */
export function heapLimitFlags(
  env: Readonly<Partial<Record<string, string>>>,
  execArgv: readonly string[],
  container?: () => number | undefined,
): string[] {
  const given = env.MEMORY_LIMIT_MB?.trim();
  const parsed = SETTINGS.shape.MEMORY_LIMIT_MB.safeParse(given === '' ? undefined : given);
  if (!parsed.success) return [];
  const budget = memoryBudget(memoryLimitMb(parsed.data, container));
  const present = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  // V8 reads `--max_semi_space_size` as the same flag: an operator's spelling with underscores counts too.
  const has = (flag: string) => present.some((arg) => arg.replaceAll('_', '-').startsWith(flag));
  return HEAP_FLAGS.filter(([flag]) => !has(flag)).map(([flag, size]) => `${flag}=${size(budget)}`);
}

/**
 * Starts this same process again, in place (same pid, same streams: `execve`), with V8's generations sized from
 * the memory limit, unless it already has their flags. V8 sizes its heap when the process starts, so the flags
 * cannot be set later; doing it here, the first thing the service runs, gives `npm start`, the container's
 * `node dist/src/index.js` and docker compose the same heap, and an operator's own flag is kept. Without
 * `process.execve` (not on Windows) the service runs with V8's default heap.
 */
export function relaunchWithHeapLimit(): void {
  const flags = heapLimitFlags(process.env, process.execArgv);
  if (flags.length === 0 || typeof process.execve !== 'function') return;
  process.execve(
    process.execPath,
    [process.execPath, ...flags, ...process.execArgv, ...process.argv.slice(1)],
    process.env,
  );
}
