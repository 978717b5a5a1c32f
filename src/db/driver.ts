import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverSettings {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

/**
 * A driver tuned to fail fast: when the database goes away a request should get SERVICE_UNAVAILABLE in a
 * few seconds, not hang for the driver's default 30 s of retries or 60 s of connection acquisition.
 */
export function createDriver(settings: DriverSettings): Driver {
  // A server with authentication off ignores the credentials, so basic auth serves both cases.
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 4_000,
    maxTransactionRetryTime: 2_000,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: false,
    logging: {
      level: 'error',
      logger: (level, message) => process.stderr.write(`[neo4j-driver] ${level}: ${message}\n`),
    },
  });
}
