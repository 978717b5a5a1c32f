import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER_ONLY, readOwnerOnlyFile } from './owner-only-file';

/** The file, inside the embedded data directory, that keeps the service's database user name between starts. */
export const SERVICE_USER_FILE_NAME = 'neo4j-service-user';

/** What the launcher accepts (neo4j/…/Credentials.java): it drops other `svc_` users as stale. */
export const SERVICE_USER_NAME = /^svc_[a-z0-9]{8,64}$/;

/**
 * The name of the embedded Neo4j user the service logs in as: the one kept in
 * `<dataDirectory>/neo4j-service-user`, else a new random `svc_…` name written there, readable by the owner
 * only. Not `neo4j`: Neo4j locks a user for 5 s after 3 failed logins, so any local process could lock the
 * service out by guessing passwords for the well-known name; a name nobody else can read cannot be locked.
 * The launcher creates the user with the embedded password on the next start.
 */
export function embeddedServiceUser(dataDirectory: string): string {
  const file = join(dataDirectory, SERVICE_USER_FILE_NAME);
  const kept = readKept(file);
  if (kept !== undefined) return kept;
  mkdirSync(dataDirectory, { recursive: true, mode: 0o700 });
  // 12 random bytes (96 bits) in hex: unguessable, and plain enough to be a Neo4j user name unquoted.
  const user = `svc_${randomBytes(12).toString('hex')}`;
  // `wx` refuses to follow a planted symlink or overwrite a file that appeared meanwhile.
  writeFileSync(file, `${user}\n`, { mode: OWNER_ONLY, flag: 'wx' });
  return user;
}

function readKept(file: string): string | undefined {
  const user = readOwnerOnlyFile(file);
  if (user === undefined) return undefined;
  if (!SERVICE_USER_NAME.test(user)) {
    throw new Error(
      `${file} must hold the service's database user name (svc_ and 8 to 64 lowercase letters or digits); ` +
        'delete it to generate a new one',
    );
  }
  return user;
}
