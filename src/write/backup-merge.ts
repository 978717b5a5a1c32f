import { withoutLock, type BackupFile, type RecordLabel, type RecordLine } from './backup-lines';
import { planChanges } from './backup-merge-audit';
import { firstDifference, refuse, type ExistingState, type ImportPlan, type Properties } from './backup-merge-basis';
import { planSeries } from './backup-merge-series';

export type { ExistingState, ImportPlan } from './backup-merge-basis';

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
  const records = planRecords(file, existing, allowOrphans);
  const series = planSeries(file, existing);
  const changes = planChanges(file, existing);
  return {
    seriesToWrite: series.toWrite,
    seriesAdded: series.added,
    seriesAdvanced: series.advanced,
    recordsToCreate: records.toCreate,
    retractions: records.retractions,
    changesToCreate: changes.toCreate,
    unchanged: records.unchanged + series.unchanged + changes.unchanged,
    orphanedSubjects: records.orphanedSubjects,
  };
}

/**
 * The file's records: each needs its series and (unless orphans are allowed) its subject; a new one is created,
 * one the database holds must be the same revision (a retraction only the file has is applied).
 */
function planRecords(file: BackupFile, existing: ExistingState, allowOrphans: boolean) {
  const fileSeries = new Set(file.series.map((s) => s.id));
  const toCreate = new Map<RecordLabel, { series: string; properties: Properties }[]>();
  const retractions: ImportPlan['retractions'][number][] = [];
  const orphanedSubjects = new Set<string>();
  let unchanged = 0;
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
      const list = toCreate.get(record.label) ?? [];
      list.push({ series: record.seriesId, properties: record.properties });
      toCreate.set(record.label, list);
      continue;
    }
    const retraction = compareRecord(record, stored);
    if (retraction) retractions.push(retraction);
    else unchanged++;
  }
  return { toCreate, retractions, unchanged, orphanedSubjects: [...orphanedSubjects].sort() };
}

/**
 * A record on both sides must be the same revision: every property equal, retraction aside. Returns the
 * retraction to apply when only the file has it; a retraction only the database has stays.
 */
function compareRecord(
  record: RecordLine,
  stored: { readonly label: string; readonly properties: Properties },
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
