import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import {
  ExportRefusal,
  refuseForeignDatabase,
  refuseMissingDataDirectory,
  refuseShrinkingBackup,
} from './backup-safeguards';
import { commandUsage } from './command-usage';
import { exitWithFailure } from './command-failure';
import { loadConfig } from '../core/config';
import { CypherRegistry } from '../db/cypher-registry';
import { openDatabase } from '../db/database-runtime';
import { GraphGateway } from '../db/graph-gateway';
import { BackupRefusal } from '../write/backup-lines';
import { exportRecords, importRecords } from '../write/records-backup';

const USAGE = `${commandUsage('records:export')}\n${commandUsage('records:import')}`;

/**
 * `npm run records:export -- FILE` writes every record and audit entry as JSON Lines (stdout without FILE);
 * `npm run records:import -- FILE` restores them into the configured database by the merge rule of
 * planImport (src/write/backup-merge.ts), or refuses the whole file naming its first bad line.
 */
async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const allowOrphans = rest.includes('--allow-orphans');
  const [file, ...extra] = rest.filter((arg) => arg !== '--allow-orphans');
  const valid =
    (command === 'export' && !allowOrphans && extra.length === 0) ||
    (command === 'import' && file !== undefined && extra.length === 0);
  if (!valid) throw new Error(USAGE);
  // Read before the database starts, so a missing file is reported at once.
  const text = command === 'import' ? readFileSync(file ?? '', 'utf8') : '';
  const config = loadConfig();
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (command === 'export') refuseMissingDataDirectory(config);
  // While `npm start` runs, its embedded database is used rather than a second one started on the same store.
  const database = await openDatabase(config, log, { name: `npm run records:${command}`, joinRunning: true });
  try {
    const gateway = new GraphGateway(database.driver, database.database, CypherRegistry.load());
    if (command === 'export') {
      await refuseForeignDatabase(gateway, database.uri);
      const exported = await exportRecords(gateway);
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        refuseShrinkingBackup(file, exported);
        writeFileSync(file, exported);
      } else process.stdout.write(exported);
      log(`exported ${exported.split('\n').length - 1} lines`);
    } else {
      const r = await importRecords(gateway, text, { source: basename(file ?? ''), allowOrphans });
      log(
        `imported ${r.lines} lines: ${r.seriesAdded} series added, ${r.seriesAdvanced} moved forward, ` +
          `${r.recordsAdded} records added, ${r.recordsRetracted} retracted, ${r.changesAdded} audit entries added, ` +
          `${r.unchanged} already present; audit entry ${r.auditEntry}`,
      );
      if (r.orphanedSubjects.length > 0)
        log(`records kept for subjects not in the graph: ${r.orphanedSubjects.join(', ')}`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) =>
  exitWithFailure('records', error, (other) =>
    other instanceof BackupRefusal || other instanceof ExportRefusal
      ? `refused, nothing was written: ${other.message}`
      : String(other),
  ),
);
