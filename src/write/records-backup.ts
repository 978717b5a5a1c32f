import { createHash, randomUUID } from 'node:crypto';
import type { GraphGateway, TransactionRunner } from '../db/graph-gateway';
import type { PlainValue } from '../db/plain-values';
import { RowReader } from '../db/row-reader';
import { parseBackup, seriesOf, withoutLock, type BackupFile } from './backup-lines';
import { planImport, type ExistingState } from './backup-merge';

/** The audit action of an import; its entries are not exported (see cypher/records/export-all.cypher). */
export const IMPORT_ACTION = 'IMPORT_RECORDS';
export const IMPORT_ACTOR = 'records:import';

/**
 * Every series, record and audit entry as JSON Lines text, one node per line: series, records, audit entries,
 * each by id, with property names in order and the lock stamp left out, so the same state always gives
 * the same bytes.
 */
export async function exportRecords(gateway: GraphGateway): Promise<string> {
  const rows = (await gateway.read('records/export-all')).map((row) => new RowReader(row));
  return rows
    .map((row) => {
      const properties = withoutLock(row.map('properties').values);
      const sorted = Object.fromEntries(
        Object.keys(properties)
          .sort()
          .map((key) => [key, properties[key]]),
      );
      return `${JSON.stringify({ label: row.string('label'), properties: sorted })}\n`;
    })
    .join('');
}

export interface ImportOptions {
  /** Named in the import's audit entry (a file name, without its folder). */
  readonly source?: string;
  /** Import records whose indicator or sheet is not in the graph (kept as orphans, as a reseed keeps them). */
  readonly allowOrphans?: boolean;
}

export interface ImportResult {
  readonly lines: number;
  readonly seriesAdded: number;
  readonly seriesAdvanced: number;
  readonly recordsAdded: number;
  readonly recordsRetracted: number;
  readonly changesAdded: number;
  /** Lines the database already held (a record retracted since counts here: retractions are never undone). */
  readonly unchanged: number;
  readonly orphanedSubjects: readonly string[];
  /** The id of the import's own audit entry. */
  readonly auditEntry: string;
}

/**
 * Restores an export in one write transaction. Every line is checked on its own first (parseBackup), then,
 * with what it names locked, against the database (planImport's merge rule); the first bad line refuses the
 * whole file (a BackupRefusal naming it) and nothing is written. Then only what is new is added, counters
 * move forward, and the import writes its own audit entry (IMPORT_RECORDS), which also gives cached answers
 * a new data version.
 */
export async function importRecords(
  gateway: GraphGateway,
  text: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const file = parseBackup(text);
  return gateway.writeTransaction(async (tx) => {
    const at = new Date().toISOString();
    const existing = await readExisting(tx, file, at);
    const plan = planImport(file, existing, options.allowOrphans === true);
    await tx.run('records/import-series', { rows: plan.seriesToWrite });
    let recordsAdded = 0;
    for (const [label, rows] of plan.recordsToCreate) {
      const [row] = await tx.run('records/import-records', { label, rows });
      recordsAdded += Number(row?.written ?? 0);
    }
    await tx.run('load/relink-records');
    const [retracted] = await tx.run('records/import-retractions', { rows: plan.retractions });
    await tx.run('records/import-changes', { rows: plan.changesToCreate });
    const result = {
      lines: file.lineCount,
      seriesAdded: plan.seriesAdded,
      seriesAdvanced: plan.seriesAdvanced,
      recordsAdded,
      recordsRetracted: Number(retracted?.retracted ?? 0),
      changesAdded: plan.changesToCreate.length,
      unchanged: plan.unchanged,
      orphanedSubjects: plan.orphanedSubjects,
    };
    const auditEntry = await auditImport(tx, at, text, options.source ?? null, result);
    return { ...result, auditEntry };
  });
}

async function readExisting(tx: TransactionRunner, file: BackupFile, at: string): Promise<ExistingState> {
  const recordIds = file.records.map((r) => r.id);
  const seriesIds = [
    ...new Set([
      ...file.series.map((s) => s.id),
      ...file.records.map((r) => r.seriesId),
      ...file.changes.map((c) => seriesOf(c.targetId)),
    ]),
  ];
  await tx.run('records/import-lock', { seriesIds, recordIds, at });
  const series = await tx.run('records/existing-series', { ids: seriesIds });
  const records = await tx.run('records/existing-records', { seriesIds });
  const changes = await tx.run('records/existing-changes', { ids: file.changes.map((c) => c.id), targets: recordIds });
  const subjects = await tx.run('records/existing-subjects', {
    ids: [...new Set(file.records.map((r) => r.subjectId))],
  });
  const byId = (values: readonly Readonly<Record<string, PlainValue>>[]) =>
    new Map(values.map((p) => [p.id as string, p]));
  return {
    series: byId(series.map((row) => new RowReader(row).map('series').values)),
    records: new Map(
      records.map((row) => {
        const reader = new RowReader(row);
        const properties = reader.map('record').values;
        return [properties.id as string, { label: reader.string('label'), properties }];
      }),
    ),
    changes: byId(changes.map((row) => new RowReader(row).map('change').values)),
    subjects: new Set(subjects.map((row) => new RowReader(row).string('id'))),
  };
}

/** The import's own audit entry: who (the command), when, which file (name and SHA-256) and what it added. */
async function auditImport(
  tx: TransactionRunner,
  at: string,
  text: string,
  source: string | null,
  result: Omit<ImportResult, 'auditEntry'>,
): Promise<string> {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(text).digest('hex');
  const target = `records-import:${sha256.slice(0, 16)}`;
  await tx.run('audit/write-change', {
    change: {
      id,
      at,
      sortKey: `${at}|${id}`,
      actor: IMPORT_ACTOR,
      actorRole: 'operator',
      action: IMPORT_ACTION,
      targetId: target,
      subjectId: target,
      before: null,
      after: JSON.stringify({ source, sha256, ...result }),
      requestId: `records-import-${id}`,
    },
  });
  return id;
}
