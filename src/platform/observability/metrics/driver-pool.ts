import type { Driver } from 'neo4j-driver';

/** What a driver's connection pool holds right now, summed over the servers it connects to. */
export interface PoolStatistics {
  /** Connections lent to sessions. */
  readonly inUse: number;
  /** Open connections waiting in the pool for the next session. */
  readonly idle: number;
  /** Acquisitions waiting for a connection (the pool is full). */
  readonly waiting: number;
}

/**
 * The pool's counts, read through the driver's internals: neo4j-driver 6 has no public API for them (it shows
 * them only in the message of an acquisition timeout, "Active conn count = …, Idle conn count = …"), and they
 * are what an operator needs to tell a busy service from a slow database. The path is
 * `driver._connectionProvider._connectionPool` (the same for bolt:// and neo4j:// routing drivers), whose
 * `_activeResourceCounts`, `_pools` and `_acquireRequests` are keyed by server address. Every step is checked
 * at run time; a driver whose internals differ gives undefined, and the pool gauges go empty rather than
 * wrong (the metrics test pins that the installed driver is read).
 */
export function driverPoolStatistics(driver: Driver): PoolStatistics | undefined {
  if (!Reflect.has(driver, '_connectionProvider')) return undefined;
  const provider = field(driver, '_connectionProvider');
  // The provider is made with the first session: before it, the pool is empty.
  if (provider === null) return { inUse: 0, idle: 0, waiting: 0 };
  const pool = field(provider, '_connectionPool');
  const active = numbersByAddress(field(pool, '_activeResourceCounts'), (value) => value);
  const idle = numbersByAddress(field(pool, '_pools'), lengthOf);
  const waiting = numbersByAddress(field(pool, '_acquireRequests'), lengthOf);
  if (active === undefined || idle === undefined || waiting === undefined) return undefined;
  return { inUse: active, idle, waiting };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (Reflect.get(value, name) as unknown) : undefined;
}

/** The sum over an address-keyed record of what `count` reads from each entry; undefined if any is unreadable. */
function numbersByAddress(record: unknown, count: (entry: unknown) => unknown): number | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  let sum = 0;
  for (const entry of Object.values(record)) {
    const n = count(entry);
    if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
    sum += n;
  }
  return sum;
}

/** An address's idle connections or waiting acquisitions: an array or the driver's pool of one address. */
function lengthOf(entry: unknown): unknown {
  return field(entry, 'length');
}
