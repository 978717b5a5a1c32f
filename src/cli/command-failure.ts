import { ConfigError } from '../core/config';

/** An error's own words: its message, or the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * How a command-line tool (`npm run seed`, `ingest`, `records:*`) ends on an error: `<command> failed: …` on
 * stderr and exit status 1. A configuration error says that it is one; `describe` words every other error
 * (the errors a command expects, such as a refused backup, in its own terms).
 */
export function exitWithFailure(
  command: string,
  error: unknown,
  describe: (error: unknown) => string = messageOf,
): never {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : describe(error);
  process.stderr.write(`${command} failed: ${message}\n`);
  process.exit(1);
}
