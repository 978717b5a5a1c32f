import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../core/config';
import { CypherRegistry } from '../db/cypher-registry';
import { openDatabase } from '../db/database-runtime';
import { GraphGateway } from '../db/graph-gateway';
import type { RecordedSubject } from '../ingest/diff/orphaned-records';
import { recordedSubjectsInBackup, recordedSubjectsInDatabase } from './recorded-subjects';

/** Where the diff found the recorded results it checks, and what it found. */
export interface RecordedSubjectsFound {
  readonly source: string;
  readonly subjects: readonly RecordedSubject[];
}

/**
 * The recorded results and evaluations to check against a new edition: those of a backup file when one is
 * given; else those of the database the records commands reach (NEO4J_URI, or the embedded Neo4j of the data
 * directory, joined while `npm start` runs it, started for the check otherwise). Undefined when there is no
 * database to ask: NEO4J_URI unset and the embedded data directory never created.
 */
export async function findRecordedSubjects(
  backupFile: string | undefined,
  log: (line: string) => void,
): Promise<RecordedSubjectsFound | undefined> {
  if (backupFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(backupFile, 'utf8');
    } catch (error) {
      throw new Error(`--records ${backupFile}: cannot read it (${(error as Error).message})`);
    }
    return { source: `records backup ${backupFile}`, subjects: recordedSubjectsInBackup(text) };
  }
  const config = loadConfig();
  if (config.neo4j === undefined && !existsSync(config.embedded.dataDirectory)) {
    log(`no database to check records in (NEO4J_URI unset, no ${config.embedded.dataDirectory})`);
    return undefined;
  }
  const database = await openDatabase(config, log, { name: 'npm run ingest -- --diff', joinRunning: true });
  try {
    const gateway = new GraphGateway(database.driver, database.database, CypherRegistry.load());
    return { source: `the database at ${database.uri}`, subjects: await recordedSubjectsInDatabase(gateway) };
  } finally {
    await database.close();
  }
}
