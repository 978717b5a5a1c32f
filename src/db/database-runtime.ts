import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { UNMANAGED_DATABASE, type DatabaseHealth } from './database-health';
import { createDriver, createReadinessDriver } from './driver';
import { embeddedPassword } from './embedded-password';
import { Neo4jSupervisor } from './neo4j-supervisor';

/** The database the service talks to: an external server, or the embedded one it started itself. */
export interface DatabaseRuntime {
  readonly driver: Driver;
  /** A driver with its own small pool, for /health/ready only (see createReadinessDriver). */
  readonly readinessDriver: Driver;
  readonly database: string;
  readonly uri: string;
  /** Present when the service started the database (and so must keep it running and stop it). */
  readonly embedded: Neo4jSupervisor | undefined;
  /** What readiness consults before pinging (the supervisor's restart state for the embedded database). */
  readonly health: DatabaseHealth;
  /** Closes the driver, then stops the embedded database if there is one. */
  close(): Promise<void>;
}

export async function openDatabase(config: Config, log: (line: string) => void): Promise<DatabaseRuntime> {
  if (config.neo4j) {
    const { uri, user, password, database } = config.neo4j;
    log(`using Neo4j at ${uri} (database ${database})`);
    const driver = createDriver({ uri, user, password });
    const readinessDriver = createReadinessDriver({ uri, user, password });
    return {
      driver,
      readinessDriver,
      database,
      uri,
      embedded: undefined,
      health: UNMANAGED_DATABASE,
      close: async () => {
        await Promise.all([driver.close(), readinessDriver.close()]);
      },
    };
  }
  const { port, dataDirectory, heapMb, pageCacheMb } = config.embedded;
  const credentials = embeddedPassword(dataDirectory, config.embedded.password);
  log(`starting embedded Neo4j on 127.0.0.1:${port} (data in ${dataDirectory}; ${describe(credentials)})…`);
  const started = Date.now();
  const password = credentials.password;
  const embedded = await Neo4jSupervisor.start({ port, dataDirectory, heapMb, pageCacheMb, password, report: log });
  log(`embedded Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const driver = createDriver({ uri: embedded.boltUri, user: 'neo4j', password });
  const readinessDriver = createReadinessDriver({ uri: embedded.boltUri, user: 'neo4j', password });
  return {
    driver,
    readinessDriver,
    database: 'neo4j',
    uri: embedded.boltUri,
    embedded,
    health: embedded,
    close: async () => {
      await Promise.all([driver.close(), readinessDriver.close()]);
      await embedded.stop();
    },
  };
}

function describe(credentials: ReturnType<typeof embeddedPassword>): string {
  switch (credentials.source) {
    case 'environment':
      return 'password from EMBEDDED_NEO4J_PASSWORD';
    case 'file':
      return `password kept in ${credentials.file}`;
    case 'generated':
      return `new password generated into ${credentials.file}`;
  }
}
