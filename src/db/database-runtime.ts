import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { createDriver, createReadinessDriver } from './driver';
import { EmbeddedNeo4j } from './embedded-neo4j';

/** The database the service talks to: an external server, or the embedded one it started itself. */
export interface DatabaseRuntime {
  readonly driver: Driver;
  /** A driver with its own small pool, for /health/ready only (see createReadinessDriver). */
  readonly readinessDriver: Driver;
  readonly database: string;
  readonly uri: string;
  /** Present when the service started the database (and so must stop it). */
  readonly embedded: EmbeddedNeo4j | undefined;
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
      close: async () => {
        await Promise.all([driver.close(), readinessDriver.close()]);
      },
    };
  }
  const { port, dataDirectory, heapMb, pageCacheMb } = config.embedded;
  log(`starting embedded Neo4j on 127.0.0.1:${port} (data in ${dataDirectory})…`);
  const started = Date.now();
  const embedded = await EmbeddedNeo4j.start({ port, dataDirectory, heapMb, pageCacheMb });
  log(`embedded Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  void embedded.exited.then((code) => {
    if (!embedded.isStopping) log(`embedded Neo4j exited unexpectedly (code ${code}); /health/ready now reports 503`);
  });
  const driver = createDriver({ uri: embedded.boltUri, user: 'neo4j', password: '' });
  const readinessDriver = createReadinessDriver({ uri: embedded.boltUri, user: 'neo4j', password: '' });
  return {
    driver,
    readinessDriver,
    database: 'neo4j',
    uri: embedded.boltUri,
    embedded,
    close: async () => {
      await Promise.all([driver.close(), readinessDriver.close()]);
      await embedded.stop();
    },
  };
}
