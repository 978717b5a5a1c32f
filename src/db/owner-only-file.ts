import { chmodSync, readFileSync, statSync } from 'node:fs';

/** Read and write for the owner only: the mode of every secret the service keeps in its data directory. */
export const OWNER_ONLY = 0o600;

/**
 * The trimmed text of a secret file the service keeps, or undefined when there is none. A file whose
 * permissions someone widened is narrowed again rather than left readable; what the text must be is the
 * caller's to check.
 */
export function readOwnerOnlyFile(file: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (mode !== OWNER_ONLY) chmodSync(file, OWNER_ONLY);
  return readFileSync(file, 'utf8').trim();
}
