import { isDeepStrictEqual } from 'node:util';
import type { PlainValue } from '../db/plain-values';
import {
  BackupRefusal,
  RECORD_KINDS,
  RETRACT_ACTION,
  seriesOf,
  withoutLock,
  type BackupFile,
  type RecordLabel,
  type RecordLine,
} from './backup-lines';

type Properties = Readonly<Record<string, PlainValue>>;

/** What the database holds of what a backup names, read inside the import's transaction after locking it. */
export interface ExistingState {
  /** Series by id (those the file names, directly or through its records and audit entries). */
  readonly series: ReadonlyMap<string, Properties>;
  /** Every record of those series, by id. */
  readonly records: ReadonlyMap<string, { readonly label: string; readonly properties: Properties }>;
  /** Audit entries that have an id of the file or a target among the file's records, by id. */
  readonly changes: ReadonlyMap<string, Properties>;
  /** The ids among the records' subjects that are in the graph. */
  readonly subjects: ReadonlySet<string>;
}

/** What the import writes: only what is new, and counters moved forward. */
export interface ImportPlan {
  readonly seriesToWrite: readonly Properties[];
  readonly seriesAdded: number;
  readonly seriesAdvanced: number;
  readonly recordsToCreate: ReadonlyMap<RecordLabel, readonly { series: string; properties: Properties }[]>;
  readonly retractions: readonly { id: string; reason: PlainValue; by: PlainValue; at: PlainValue }[];
  readonly changesToCreate: readonly Properties[];
  /** Lines that the database already holds as they are (or, for a record, holds retracted since). */
  readonly unchanged: number;
  /** Subjects of imported records that are not in the graph (only with `allowOrphans`). */
  readonly orphanedSubjects: readonly string[];
}

const RETRACTION_FIELDS = ['retracted', 'retractedReason', 'retractedBy', 'retractedAt'];

/**
 * The merge rule. Nothing is ever overwritten: a series, record or audit entry the database has already
 * must be identical in the file, except that a record retracted on either side ends retracted (a
 * retraction is never undone). A series' counter only moves forward: to the highest of the file's, the
 * database's and its highest record, and every revision r1 … up to it must then exist. Every record needs
 * its series, its subject in the graph (unless orphans are allowed) and the audit entries that created and
 * retracted it, in the file or the database; every audit entry its record. The first violation refuses the
 * whole file with its line.
 */
export function planImport(file: BackupFile, existing: ExistingState, allowOrphans: boolean): ImportPlan {
  const refuse = (line: number, problem: string): never => {
    throw new BackupRefusal(`line ${line}: ${problem}`);
  };
  let unchanged = 0;

  const fileSeries = new Map(file.series.map((s) => [s.id, s]));
  const fileRecords = new Map(file.records.map((r) => [r.id, r]));
  const recordsToCreate = new Map<RecordLabel, { series: string; properties: Properties }[]>();
  const retractions: ImportPlan['retractions'][number][] = [];
  const orphanedSubjects = new Set<string>();

  for (const record of file.records) {
    if (!fileSeries.has(record.seriesId) && !existing.series.has(record.seriesId)) {
      refuse(
        record.line,
        `record ${record.id}: its series ${record.seriesId} is neither in the file nor in the database`,
      );
    }
    if (!existing.subjects.has(record.subjectId)) {
      if (!allowOrphans) {
        refuse(
          record.line,
          `record ${record.id} is about ${record.subjectId}, which is not in the graph (import with --allow-orphans to keep such records, listed by orphanedRecords)`,
        );
      }
      orphanedSubjects.add(record.subjectId);
    }
    const stored = existing.records.get(record.id);
    if (!stored) {
      const list = recordsToCreate.get(record.label) ?? [];
      list.push({ series: record.seriesId, properties: record.properties });
      recordsToCreate.set(record.label, list);
      continue;
    }
    const retraction = compareRecord(record, stored, refuse);
    if (retraction) retractions.push(retraction);
    else unchanged++;
  }

  const seriesToWrite: Properties[] = [];
  let seriesAdded = 0;
  let seriesAdvanced = 0;
  const touchedSeries = new Set([...fileSeries.keys(), ...file.records.map((r) => r.seriesId)]);
  for (const seriesId of touchedSeries) {
    const line = fileSeries.get(seriesId);
    const firstLine = line?.line ?? file.records.find((r) => r.seriesId === seriesId)?.line ?? 0;
    const stored = existing.series.get(seriesId);
    const revisions = new Set<number>();
    for (const r of file.records) if (r.seriesId === seriesId) revisions.add(r.revision);
    for (const [id, r] of existing.records) if (seriesOf(id) === seriesId) revisions.add(Number(r.properties.revision));
    const storedRevision = stored ? Number(stored.revision) : -1;
    const revision = Math.max(line?.revision ?? 0, storedRevision, ...revisions);
    const missing = Array.from({ length: revision }, (_, i) => i + 1).filter((r) => !revisions.has(r));
    if (missing.length > 0) {
      refuse(
        firstLine,
        `series ${seriesId} would be at revision ${revision} without record(s) ${missing.map((r) => `r${r}`).join(', ')} in the file or the database`,
      );
    }
    if (!stored) {
      // Only a series line can create a series (checked above for records).
      seriesToWrite.push({ ...(line?.properties ?? {}), revision });
      seriesAdded++;
    } else if (revision > storedRevision) {
      seriesToWrite.push({ ...withoutLock(stored), revision });
      seriesAdvanced++;
    } else if (line) {
      unchanged++;
    }
  }

  const changesToCreate: Properties[] = [];
  const auditKeys = new Set<string>();
  for (const change of existing.changes.values())
    auditKeys.add(`${change.targetId as string}|${change.action as string}`);
  for (const change of file.changes) {
    auditKeys.add(`${change.targetId}|${change.action}`);
    if (!fileRecords.has(change.targetId) && !existing.records.has(change.targetId)) {
      refuse(
        change.line,
        `audit entry ${change.id} is about ${change.targetId}, which is neither in the file nor in the database`,
      );
    }
    const stored = existing.changes.get(change.id);
    if (!stored) {
      changesToCreate.push(change.properties);
      continue;
    }
    const difference = firstDifference(change.properties, stored, []);
    if (difference)
      refuse(
        change.line,
        `audit entry ${change.id} differs from the database's (${difference}); audit entries are never overwritten`,
      );
    unchanged++;
  }
  for (const record of file.records) {
    const created = RECORD_KINDS[record.label].created;
    if (!auditKeys.has(`${record.id}|${created}`)) {
      refuse(record.line, `record ${record.id} has no audit entry ${created} for it in the file or the database`);
    }
    if (record.retracted && !auditKeys.has(`${record.id}|${RETRACT_ACTION}`)) {
      refuse(
        record.line,
        `record ${record.id} is retracted but has no audit entry ${RETRACT_ACTION} for it in the file or the database`,
      );
    }
  }

  return {
    seriesToWrite,
    seriesAdded,
    seriesAdvanced,
    recordsToCreate,
    retractions,
    changesToCreate,
    unchanged,
    orphanedSubjects: [...orphanedSubjects].sort(),
  };
}

/**
 * A record on both sides must be the same revision: every property equal, retraction aside. Returns the
 * retraction to apply when only the file has it; a retraction only the database has stays.
 */
function compareRecord(
  record: RecordLine,
  stored: { readonly label: string; readonly properties: Properties },
  refuse: (line: number, problem: string) => never,
): ImportPlan['retractions'][number] | null {
  const differs = (what: string): never =>
    refuse(
      record.line,
      `record ${record.id} differs from the database's (${what}); a record id names one revision, which is never overwritten`,
    );
  if (stored.label !== record.label) differs(`${record.label} here, ${stored.label} there`);
  const difference = firstDifference(record.properties, withoutLock(stored.properties), RETRACTION_FIELDS);
  if (difference) differs(difference);
  const storedRetracted = stored.properties.retracted === true;
  if (record.retracted && storedRetracted) {
    const retraction = firstDifference(pick(record.properties), pick(stored.properties), []);
    if (retraction) differs(retraction);
  }
  if (!record.retracted || storedRetracted) return null;
  const p = record.properties;
  return { id: record.id, reason: p.retractedReason ?? null, by: p.retractedBy ?? null, at: p.retractedAt ?? null };
}

function pick(properties: Properties): Properties {
  return Object.fromEntries(RETRACTION_FIELDS.map((f) => [f, properties[f] ?? null]));
}

/** The first property (in name order) whose value differs, as `name: X in the file, Y in the database`. */
function firstDifference(file: Properties, stored: Properties, ignored: readonly string[]): string | null {
  const keys = [...new Set([...Object.keys(file), ...Object.keys(stored)])].filter((k) => !ignored.includes(k)).sort();
  for (const key of keys) {
    const here = file[key] ?? null;
    const there = stored[key] ?? null;
    if (!isDeepStrictEqual(here, there)) {
      return `${key}: ${JSON.stringify(here)} in the file, ${JSON.stringify(there)} in the database`;
    }
  }
  return null;
}
