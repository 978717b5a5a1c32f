import type { Driver } from 'neo4j-driver';
import { join } from 'node:path';
import type { Config, EmbeddedNeo4jSettings } from '../core/config';
import { withProgress } from '../core/progress-while-running';
import type { CypherRegistry } from './cypher-registry';
import { DatabaseAvailability } from './database-availability';
import { databaseLogs, type DatabaseLog, type DatabaseLogs } from './database-log';
import { UNMANAGED_DATABASE, type DatabaseHealth } from './database-health';
import { createDriver, createReadinessDriver } from './driver';
import { embeddedPassword, existingEmbeddedPassword, PASSWORD_FILE_NAME } from './embedded-password';
import { embeddedServiceUser, SERVICE_USER_FILE_NAME } from './embedded-service-user';
import { GraphGateway } from './graph-gateway';
import { Neo4jSupervisor, type WarmUp } from './neo4j-supervisor';
import { describeWarmUp, WARM_UP_SETTINGS, warmPlans, type WarmUpTurn } from './plan-warm-up';
import { RecentReads } from './recent-reads';
import { SharedBookmarks } from './shared-bookmarks';
import { schemaCommands, warmStandby } from './standby-warm-up';
import {
  findRunningDatabase,
  isRunningDatabasePassword,
  recordRunningDatabase,
  RUNNING_FILE_NAME,
  type RunningDatabase,
} from './running-database';

/** The database the service talks to: an external server, or the embedded one it started itself. */
export interface DatabaseRuntime {
  readonly driver: Driver;
  /** A driver with its own small pool, for /health/ready only (see createReadinessDriver). */
  readonly readinessDriver: Driver;
  readonly database: string;
  readonly uri: string;
  /** Present when the service started the database (and so must keep it running and stop it). */
  readonly embedded: Neo4jSupervisor | undefined;
  /**
   * The data directory (store and transaction logs) of the embedded database this process started, whose disk
   * space health and metrics report; undefined for a database it did not start, whose disk is not its own.
   */
  readonly dataDirectory: string | undefined;
  /** What readiness consults before pinging (the supervisor's restart state for the embedded database). */
  readonly health: DatabaseHealth;
  /**
   * Shared by the sessions of request reads and writes and of the data version's reads: a read after a write
   * of this instance sees it, also on a cluster member that replicates (docs/operators.md "Deploy").
   */
  readonly bookmarks: SharedBookmarks;
  /**
   * The read statements of request traffic, recorded for the embedded database's supervisor to plan again
   * after a restart; none for a database the service does not restart.
   */
  readonly recentReads: RecentReads | undefined;
  /** Closes the driver, then stops the embedded database if there is one. */
  close(): Promise<void>;
}

/**
 * The gateway of request traffic, on the request pool: when a statement gets no pooled connection in time or
 * runs out of time, it asks the readiness pool whether the database answers at all, so a frozen or dead
 * database is SERVICE_UNAVAILABLE rather than SERVICE_BUSY or REQUEST_TIMEOUT.
 */
export function requestGateway(runtime: DatabaseRuntime, cypher: CypherRegistry): GraphGateway {
  const readiness = new GraphGateway(runtime.readinessDriver, runtime.database, cypher);
  const availability = new DatabaseAvailability((timeoutMs) => readiness.ping(timeoutMs));
  const gateway = new GraphGateway(runtime.driver, runtime.database, cypher)
    .checkingAvailability(availability)
    .sharingBookmarks(runtime.bookmarks)
    .holdingWhileComingBack(runtime.health);
  return runtime.recentReads === undefined ? gateway : gateway.recordingReads(runtime.recentReads);
}

/**
 * The gateway of the data version's reads (its poll and its re-reads after writes), on the readiness pool: a
 * request pool taken by traffic must not stop the poll, or the version would age and the response cache turn
 * cold just when the load is highest. Shares the request gateway's bookmarks, so a re-read after a mutation
 * sees that mutation.
 */
export function dataVersionGateway(runtime: DatabaseRuntime, cypher: CypherRegistry): GraphGateway {
  return new GraphGateway(runtime.readinessDriver, runtime.database, cypher).sharingBookmarks(runtime.bookmarks);
}

/** Who opens the embedded database, and whether it may use one another process already runs. */
export interface DatabaseUser {
  /** Named in the running-database record when this process starts the database: `npm run seed`. */
  readonly name: string;
  /**
   * A command joins the embedded database the service (or another command) runs on the same data directory;
   * the service itself never shares one, as it must own the database it supervises.
   */
  readonly joinRunning: boolean;
  /**
   * Keeps a standby JVM to take over when the database dies, as EMBEDDED_NEO4J_STANDBY allows: the service,
   * which runs for days; a command's database lives for seconds.
   */
  readonly keepsStandby?: boolean;
}

export const SERVICE_USER: DatabaseUser = { name: 'the service (npm start)', joinRunning: false, keepsStandby: true };

/** A warm-up statement a request ran since the database came back: it is planned there already. */
const PLANNED_BY_TRAFFIC: WarmUpTurn = { kind: 'planned' };

/**
 * What the supervisor runs in the background for the service: its recent reads planned again on a database that
 * came back (after the reads held through the outage), and on a standby's scratch DBMS, logged in as `login`.
 */
function serviceWarmUp(
  driver: Driver,
  recentReads: RecentReads,
  login: { readonly user: string; readonly password: string },
): WarmUp {
  return {
    databaseGone: (at) => recentReads.plansLost(at),
    warm: async (lostAt) => {
      // The reads held through the outage plan their own statements first, on cores this leaves to them; and
      // each statement of the warm-up waits for a planner's turn after every request's (deadline: never).
      await recentReads.whenRunsUnderWayEnd();
      const turn = async (read: { text: string }): Promise<WarmUpTurn> => {
        for (;;) {
          const cold = recentReads.coldTurn(read.text, Infinity);
          if (cold.kind === 'warm') return PLANNED_BY_TRAFFIC;
          if (cold.kind === 'plan') return cold;
          await cold.planned;
        }
      };
      return describeWarmUp(await warmPlans(driver, 'neo4j', recentReads.toReplan(lostAt), WARM_UP_SETTINGS, turn));
    },
    heldReadsAnswered: () => recentReads.whenRunsUnderWayEnd(),
    warmStandby: async (scratchUri) => {
      const scratch = createDriver({ uri: scratchUri, ...login }, { maxConnectionPoolSize: 2 });
      try {
        return await warmStandby(scratch, schemaCommands(), recentReads.toReplan(Infinity));
      } finally {
        await scratch.close();
      }
    },
  };
}

/**
 * The configured external Neo4j; else the embedded one of the data directory: the one another process runs
 * when there is one (for commands), else one this process starts, records as running, and stops on close.
 */
export async function openDatabase(
  config: Config,
  reportTo: DatabaseLog,
  user: DatabaseUser = SERVICE_USER,
): Promise<DatabaseRuntime> {
  const logs = databaseLogs(reportTo);
  const log = logs.progress;
  if (config.neo4j) {
    const { uri, user, password, database } = config.neo4j;
    log(`using Neo4j at ${uri} (database ${database})`);
    const driver = createDriver({ uri, user, password }, {}, logs.driver);
    const readinessDriver = createReadinessDriver({ uri, user, password }, logs.driver);
    return unmanagedDatabase(driver, readinessDriver, database, uri);
  }
  const { port, dataDirectory, heapMb, pageCacheMb } = config.embedded;
  const running = findRunningDatabase(dataDirectory);
  if (running !== undefined) {
    if (user.joinRunning) return joinRunningDatabase(config, running, logs);
    throw new Error(
      `the embedded Neo4j of ${dataDirectory} is already running, started by ${running.owner} (process ` +
        `${running.pid}, Bolt port ${running.port}; see ${join(dataDirectory, RUNNING_FILE_NAME)}): stop that ` +
        'first, or set EMBEDDED_NEO4J_DATA to another directory',
    );
  }
  const credentials = embeddedPassword(dataDirectory, config.embedded.password);
  // The service's own database user, not `neo4j`, so wrong logins as `neo4j` cannot lock the service out.
  const serviceUser = embeddedServiceUser(dataDirectory);
  log(
    `starting embedded Neo4j on 127.0.0.1:${port} (data in ${dataDirectory}; ${describe(credentials, config.embedded.passwordSetting)}; ` +
      `service user named in ${join(dataDirectory, SERVICE_USER_FILE_NAME)})…`,
  );
  const started = Date.now();
  const password = credentials.password;
  const settings = { port, dataDirectory, heapMb, pageCacheMb, password, serviceUser };
  const supervised = Neo4jSupervisor.start({
    ...settings,
    standby: config.embedded.standby && user.keepsStandby === true,
    report: logs.supervisor,
    log: logs.neo4j,
  });
  const embedded = await withProgress(supervised, log, 'starting embedded Neo4j');
  log(`embedded Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const unrecord = recordRunningDatabase(dataDirectory, { port, user: serviceUser, password, owner: user.name });
  const driver = createDriver({ uri: embedded.boltUri, user: serviceUser, password }, {}, logs.driver);
  const readinessDriver = createReadinessDriver({ uri: embedded.boltUri, user: serviceUser, password }, logs.driver);
  const recentReads = new RecentReads();
  embedded.warmUpWith(serviceWarmUp(driver, recentReads, { user: serviceUser, password }));
  return {
    driver,
    readinessDriver,
    database: 'neo4j',
    uri: embedded.boltUri,
    embedded,
    dataDirectory,
    health: embedded,
    bookmarks: new SharedBookmarks(),
    recentReads,
    close: async () => {
      await Promise.all([driver.close(), readinessDriver.close()]);
      await embedded.stop();
      // Only once the store is free: until then a new start on this directory would fail anyway.
      unrecord();
    },
  };
}

/**
 * Connects to the embedded database another process runs, with the password it was started with (checked
 * against the record first: Neo4j locks the user after a few failed logins, so a wrong one is never tried).
 */
async function joinRunningDatabase(
  config: Config,
  running: RunningDatabase,
  logs: DatabaseLogs,
): Promise<DatabaseRuntime> {
  const { dataDirectory } = config.embedded;
  const owner = `${running.owner} (process ${running.pid})`;
  const credentials = existingEmbeddedPassword(dataDirectory, config.embedded.password);
  if (credentials === undefined) {
    throw new Error(
      `the embedded Neo4j of ${dataDirectory} runs, started by ${owner}, but its password is not in ` +
        `${join(dataDirectory, PASSWORD_FILE_NAME)}: set EMBEDDED_NEO4J_PASSWORD as ${running.owner} has it`,
    );
  }
  if (!isRunningDatabasePassword(running, credentials.password)) {
    const mine =
      credentials.source === 'environment' ? 'EMBEDDED_NEO4J_PASSWORD' : `the password in ${credentials.file}`;
    throw new Error(
      `${mine} is not the password ${owner} started the embedded Neo4j of ${dataDirectory} with ` +
        '(no login tried: Neo4j locks the user after failed logins); set EMBEDDED_NEO4J_PASSWORD as that process has it',
    );
  }
  const uri = `bolt://127.0.0.1:${running.port}`;
  const { password } = credentials;
  const driver = createDriver({ uri, user: running.user, password }, {}, logs.driver);
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    await driver.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the Neo4j of ${owner} does not answer on ${uri} (${reason}); if it is restarting, try again`);
  }
  logs.progress(`using the Neo4j of ${owner}, running on 127.0.0.1:${running.port}`);
  const readinessDriver = createReadinessDriver({ uri, user: running.user, password }, logs.driver);
  return unmanagedDatabase(driver, readinessDriver, 'neo4j', uri);
}

/**
 * A database this process did not start (NEO4J_URI, or another process's embedded Neo4j): closing closes
 * only this process's drivers; the database stays up, it belongs to whoever started it.
 */
function unmanagedDatabase(driver: Driver, readinessDriver: Driver, database: string, uri: string): DatabaseRuntime {
  return {
    driver,
    readinessDriver,
    database,
    uri,
    embedded: undefined,
    dataDirectory: undefined,
    health: UNMANAGED_DATABASE,
    bookmarks: new SharedBookmarks(),
    recentReads: undefined,
    close: async () => {
      await Promise.all([driver.close(), readinessDriver.close()]);
    },
  };
}

function describe(
  credentials: ReturnType<typeof embeddedPassword>,
  setting: EmbeddedNeo4jSettings['passwordSetting'],
): string {
  switch (credentials.source) {
    case 'environment':
      return `password from ${setting ?? 'EMBEDDED_NEO4J_PASSWORD'}`;
    case 'file':
      return `password kept in ${credentials.file}`;
    case 'generated':
      return `new password generated into ${credentials.file}`;
  }
}
