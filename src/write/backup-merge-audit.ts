import { RECORD_KINDS, RETRACT_ACTION, type BackupFile } from './backup-lines';
import { firstDifference, refuse, type ExistingState, type Properties } from './backup-merge-basis';

/**
 * The audit entries: each needs its record, one the database holds must be identical (never overwritten), and
 * every record of the file needs the entries that created and (if so) retracted it, in the file or the database.
 */
export function planChanges(file: BackupFile, existing: ExistingState) {
  const fileRecords = new Set(file.records.map((r) => r.id));
  const toCreate: Properties[] = [];
  let unchanged = 0;
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
      toCreate.push(change.properties);
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
  return { toCreate, unchanged };
}
