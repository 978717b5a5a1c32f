import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { exitWithFailure } from './command-failure';
import { loadConfig } from '../core/config';
import { openDatabase } from '../db/database-runtime';
import { toPlain } from '../db/plain-values';

const HELP = `usage: npm run --silent cypher -- [--help] ['STATEMENT']

Runs one Cypher statement on the service's database and prints each result row as a line of JSON; without
STATEMENT it reads the statement from standard input (\`npm run --silent cypher < query.cypher\`).

The database is the one the service uses, found by the service's own settings: NEO4J_URI, NEO4J_USER,
NEO4J_PASSWORD or NEO4J_PASSWORD_FILE and NEO4J_DATABASE for an external Neo4j; otherwise the embedded Neo4j
of EMBEDDED_NEO4J_DATA, joined while the service runs (on the port it runs on), started for the statement when
it does not. Give it the service's environment file to run it as the service does:
  node --env-file=/etc/honjo-policy-graph.env dist/src/cli/cypher.js 'MATCH (s:SeedInfo) RETURN s.hash'

Every statement runs in a transaction of its own; a write is committed. Progress goes to standard error.`;

/** `npm run cypher`: a maintenance shell for one statement, over the driver, with the service's settings. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (args.length > 1) throw new Error(`one statement, quoted as one argument, or none to read stdin\n\n${HELP}`);
  const statement = (args[0] ?? readFileSync(0, 'utf8')).trim();
  if (statement === '') throw new Error(`no statement given\n\n${HELP}`);
  const config = loadConfig();
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const database = await openDatabase(config, log, { name: 'npm run cypher', joinRunning: true });
  try {
    const session = database.driver.session({ database: database.database });
    try {
      const result = await session.executeWrite((tx) => tx.run(statement));
      for (const record of result.records) process.stdout.write(`${JSON.stringify(toPlain(record.toObject()))}\n`);
      log(`${result.records.length} rows`);
    } finally {
      await session.close();
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => exitWithFailure('cypher', error));
