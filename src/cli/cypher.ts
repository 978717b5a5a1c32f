import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { commandUsage } from './command-usage';
import { exitWithFailure } from './command-failure';
import { loadConfig } from '../core/config';
import { openDatabase } from '../db/database-runtime';
import { toPlain } from '../db/plain-values';

const HELP = commandUsage('cypher');

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
