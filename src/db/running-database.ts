import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNER_ONLY } from './owner-only-file';

/**
 * The file, inside the embedded data directory, saying which process has started that database and on which
 * port it listens. Neo4j locks its store, so a second embedded start on the same directory fails with an unclear
 * error; with this file, a command (`npm run records:export`, `npm run seed`) connects to the running database
 * instead, and a second `npm start` refuses with a message naming the first.
 */
export const RUNNING_FILE_NAME = 'running.json';

/** What the file holds. */
export interface RunningDatabase {
  /** The process that started the database and keeps it running (it restarts a crashed JVM on the same port). */
  readonly pid: number;
  /** When that process started, in clock ticks after boot (Linux), so a reused pid is not mistaken for it. */
  readonly startTicks: string | undefined;
  /** What that process is, for messages: `the service (npm start)`, `npm run seed`. */
  readonly owner: string;
  readonly port: number;
  /** The database user the starting process logs in as (its own `svc_…` user), which joining commands use too. */
  readonly user: string;
  /**
   * A salted scrypt hash of the password the database was started with: a joining command checks its own
   * password against it before logging in, since Neo4j locks the user after a few failed logins.
   */
  readonly passwordCheck: { readonly salt: string; readonly hash: string };
}

/** Records that this process runs the embedded database of `dataDirectory`; returns the function that unrecords. */
export function recordRunningDatabase(
  dataDirectory: string,
  started: { readonly port: number; readonly user: string; readonly password: string; readonly owner: string },
): () => void {
  const salt = randomBytes(16).toString('base64url');
  const running: RunningDatabase = {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    owner: started.owner,
    port: started.port,
    user: started.user,
    passwordCheck: { salt, hash: passwordHash(started.password, salt) },
  };
  const file = join(dataDirectory, RUNNING_FILE_NAME);
  // Written beside and renamed over (a stale file included), so a reader never sees half a file.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, `${JSON.stringify(running, null, 2)}\n`, { mode: OWNER_ONLY, flag: 'w' });
  renameSync(partial, file);
  return () => {
    // Only our own record: another process may have replaced it after ours was found stale.
    if (readRecord(file)?.pid === process.pid) rmSync(file, { force: true });
  };
}

/**
 * The running database of `dataDirectory`, when a live process recorded one. A record whose process is gone
 * (killed before it could remove it) counts as absent: the next start replaces it.
 */
export function findRunningDatabase(dataDirectory: string): RunningDatabase | undefined {
  const running = readRecord(join(dataDirectory, RUNNING_FILE_NAME));
  return running !== undefined && isAlive(running) ? running : undefined;
}

/** Whether `password` is the one the running database was started with (checked without a login). */
export function isRunningDatabasePassword(running: RunningDatabase, password: string): boolean {
  const expected = Buffer.from(running.passwordCheck.hash, 'base64url');
  const actual = Buffer.from(passwordHash(password, running.passwordCheck.salt), 'base64url');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function passwordHash(password: string, salt: string): string {
  return scryptSync(password, salt, 32).toString('base64url');
}

/** The record, or undefined when there is none or it is unreadable (a start then simply replaces it). */
function readRecord(file: string): RunningDatabase | undefined {
  let parsed: Partial<RunningDatabase>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunningDatabase>;
  } catch {
    return undefined;
  }
  const { pid, port, owner, user, passwordCheck } = parsed;
  if (!Number.isInteger(pid) || !Number.isInteger(port) || typeof owner !== 'string') return undefined;
  if (typeof user !== 'string') return undefined;
  if (typeof passwordCheck?.salt !== 'string' || typeof passwordCheck.hash !== 'string') return undefined;
  return parsed as RunningDatabase;
}

function isAlive(running: RunningDatabase): boolean {
  try {
    process.kill(running.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const startTicks = processStartTicks(running.pid);
  return running.startTicks === undefined || startTicks === undefined || startTicks === running.startTicks;
}

/** Field 22 of /proc/PID/stat (Linux); undefined elsewhere, where only the pid is compared. */
function processStartTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; the fields after it start at 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
