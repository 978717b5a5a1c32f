import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER_ONLY, readOwnerOnlyFile } from './owner-only-file';

/** The file, inside the embedded data directory, that keeps a generated password between starts. */
export const PASSWORD_FILE_NAME = 'neo4j-password';

export interface EmbeddedPassword {
  readonly password: string;
  /** Where it came from, for the start-up log (the password itself is never logged). */
  readonly source: 'environment' | 'generated' | 'file';
  /** The password file, when the password is kept in one. */
  readonly file: string | undefined;
}

/**
 * The password of the embedded Neo4j's `neo4j` user: the configured one (EMBEDDED_NEO4J_PASSWORD) when
 * given, else the one kept in `<dataDirectory>/neo4j-password`, else a new random one written there,
 * readable by the owner only. The launcher applies whichever it gets, so changing it takes effect on the
 * next start.
 */
export function embeddedPassword(dataDirectory: string, configured: string | undefined): EmbeddedPassword {
  const existing = existingEmbeddedPassword(dataDirectory, configured);
  if (existing !== undefined) return existing;
  mkdirSync(dataDirectory, { recursive: true, mode: 0o700 });
  const file = join(dataDirectory, PASSWORD_FILE_NAME);
  // 32 random bytes: far beyond guessing, and base64url keeps it one line of plain characters.
  const password = randomBytes(32).toString('base64url');
  // `wx` refuses to follow a planted symlink or overwrite a file that appeared meanwhile.
  writeFileSync(file, `${password}\n`, { mode: OWNER_ONLY, flag: 'wx' });
  return { password, source: 'generated', file };
}

/**
 * The configured password, else the kept one; never generates. For commands that join a database another
 * process started, where a new password could only be wrong.
 */
export function existingEmbeddedPassword(
  dataDirectory: string,
  configured: string | undefined,
): EmbeddedPassword | undefined {
  if (configured !== undefined) return { password: configured, source: 'environment', file: undefined };
  const file = join(dataDirectory, PASSWORD_FILE_NAME);
  const kept = readKept(file);
  return kept === undefined ? undefined : { password: kept, source: 'file', file };
}

function readKept(file: string): string | undefined {
  const password = readOwnerOnlyFile(file);
  if (password === undefined) return undefined;
  if (password === '' || /[\r\n]/.test(password)) {
    throw new Error(`${file} must hold the embedded Neo4j password on one line; delete it to generate a new one`);
  }
  return password;
}
