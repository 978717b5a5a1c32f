import type { DriverLog } from './driver';

/** Where the database layer reports, by source, so the service's logger can tell them apart. */
export interface DatabaseLogs {
  /** Opening and closing: which database, how long its start took. */
  readonly progress: (line: string) => void;
  /** The supervisor's reports: each crash, wait, restart attempt and recovery of the embedded Neo4j. */
  readonly supervisor: (line: string) => void;
  /** The embedded Neo4j's own lines (its stderr). */
  readonly neo4j: (line: string) => void;
  /** The driver's warnings and errors. */
  readonly driver: DriverLog;
}

/** The sources apart (the service), or one line writer taking everything (a command's stderr, a test). */
export type DatabaseLog = DatabaseLogs | ((line: string) => void);

export function databaseLogs(log: DatabaseLog): DatabaseLogs {
  if (typeof log !== 'function') return log;
  return {
    progress: log,
    supervisor: log,
    neo4j: (line) => log(`[neo4j] ${line}`),
    driver: (level, message) => log(`[neo4j-driver] ${level}: ${message}`),
  };
}
