import neo4j, { type Driver } from 'neo4j-driver';

/** Where the driver's own warnings and errors go (connection failures, routing problems). */
export type DriverLog = (level: 'error' | 'warn' | 'info' | 'debug', message: string) => void;

export interface DriverSettings {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

export interface PoolSettings {
  /** Connections the driver keeps at most (requests beyond wait, then get SERVICE_BUSY). */
  readonly maxConnectionPoolSize?: number;
  /** How long a statement waits for a free pooled connection before giving up. */
  readonly connectionAcquisitionTimeout?: number;
}

/** The pool of the service's request traffic. */
export const REQUEST_POOL: Required<PoolSettings> = { maxConnectionPoolSize: 50, connectionAcquisitionTimeout: 4_000 };

/**
 * A driver tuned to fail fast: when the database goes away a request should get SERVICE_UNAVAILABLE in a
 * few seconds, not hang for the driver's default 30 s of retries or 60 s of connection acquisition.
 */
export function createDriver(settings: DriverSettings, pool: PoolSettings = {}, log?: DriverLog): Driver {
  // A server with authentication off ignores the credentials, so basic auth serves both cases.
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: pool.connectionAcquisitionTimeout ?? REQUEST_POOL.connectionAcquisitionTimeout,
    maxTransactionRetryTime: 2_000,
    maxConnectionPoolSize: pool.maxConnectionPoolSize ?? REQUEST_POOL.maxConnectionPoolSize,
    disableLosslessIntegers: false,
    // Nothing here reads Neo4j's notifications, and a nested page's statement drew one per page column
    // (subquery variable shadowing, harmless) with every answer: Neo4j built them and the driver decoded
    // them, 10–12 % of the service's CPU on a nested aggregate. Off, the server sends none.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
    // Without a log (tests, scripts) the driver reports nothing itself; its errors still reach the caller.
    ...(log ? { logging: { level: 'error', logger: log } } : {}),
  });
}

/**
 * A second, tiny driver for readiness and the data version's reads. Its own pool of 3 (a ping, an
 * availability check, a version read) cannot be exhausted by request traffic, so /health/ready answers from
 * the database's real state (a busy request pool is not an unavailable database) and the version poll goes on.
 */
export function createReadinessDriver(settings: DriverSettings, log?: DriverLog): Driver {
  return createDriver(settings, { maxConnectionPoolSize: 3, connectionAcquisitionTimeout: 2_000 }, log);
}
