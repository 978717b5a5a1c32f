import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config';
import { CypherRegistry } from '../db/cypher-registry';
import { openDatabase } from '../db/database-runtime';
import { GraphGateway } from '../db/graph-gateway';
import { exportRecords, importRecords } from './records-backup';

/**
 * `npm run records:export -- FILE` writes every record and audit entry as JSON Lines (stdout without FILE);
 * `npm run records:import -- FILE` restores them, idempotently, into the configured database.
 */
async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'export' && command !== 'import') || (command === 'import' && !file)) {
    throw new Error('usage: records-cli export [FILE] | records-cli import FILE');
  }
  const config = loadConfig();
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  // While `npm start` runs, its embedded database is used rather than a second one started on the same store.
  const database = await openDatabase(config, log, { name: `npm run records:${command}`, joinRunning: true });
  try {
    const gateway = new GraphGateway(database.driver, database.database, CypherRegistry.load());
    if (command === 'export') {
      const text = await exportRecords(gateway);
      if (file) writeFileSync(file, text);
      else process.stdout.write(text);
      log(`exported ${text.split('\n').length - 1} lines`);
    } else {
      const result = await importRecords(gateway, readFileSync(file ?? '', 'utf8'));
      log(`imported ${result.series} series, ${result.records} records, ${result.changes} audit entries`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `configuration error: ${error.message}` : String(error);
  process.stderr.write(`records failed: ${message}\n`);
  process.exit(1);
});
