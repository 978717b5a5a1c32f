import { SETTINGS } from './settings';
import { memoryBudget, memoryLimitMb } from './memory-limit';

/** The V8 flag that sizes the old generation, in MiB. */
const OLD_SPACE_FLAG = '--max-old-space-size';

/**
 * The `--max-old-space-size` flag MEMORY_LIMIT_MB (or the container's limit) gives, or undefined when the
 * process already runs with one (the operator's own, in NODE_OPTIONS or on the command line, wins) or
 * MEMORY_LIMIT_MB is not a valid value (loadConfig then stops the start with the setting's error).
 */
export function heapLimitFlag(
  env: Readonly<Partial<Record<string, string>>>,
  execArgv: readonly string[],
  container?: () => number | undefined,
): string | undefined {
  if ([...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => arg.startsWith(OLD_SPACE_FLAG)))
    return undefined;
  const given = env.MEMORY_LIMIT_MB?.trim();
  const parsed = SETTINGS.shape.MEMORY_LIMIT_MB.safeParse(given === '' ? undefined : given);
  if (!parsed.success) return undefined;
  return `${OLD_SPACE_FLAG}=${memoryBudget(memoryLimitMb(parsed.data, container)).oldSpaceMb}`;
}

/**
 * Starts this same process again, in place (same pid, same streams: `execve`), with V8's old generation sized
 * from the memory limit, unless it already has its flag. V8 sizes its heap when the process starts, so the flag
 * cannot be set later; doing it here, the first thing the service runs, gives `npm start`, the container's
 * `node dist/src/index.js` and docker compose the same heap, and an operator's own flag is kept. Without
 * `process.execve` (not on Windows) the service runs with V8's default heap.
 */
export function relaunchWithHeapLimit(): void {
  const flag = heapLimitFlag(process.env, process.execArgv);
  if (flag === undefined || typeof process.execve !== 'function') return;
  process.execve(
    process.execPath,
    [process.execPath, flag, ...process.execArgv, ...process.argv.slice(1)],
    process.env,
  );
}
