import type { GraphGateway } from '../db/graph-gateway';
import { RowReader } from '../db/row-reader';
import { parseBackup } from './backup-lines';
import { compareIds } from '../ingest/diff/entity-order';
import type { RecordedSubject } from '../ingest/diff/orphaned-records';

/** Every subject with records in a database (the one the service runs on), whether its node exists or not. */
export async function recordedSubjectsInDatabase(gateway: GraphGateway): Promise<RecordedSubject[]> {
  return (await gateway.read('load/recorded-subjects')).map((row) => {
    const reader = new RowReader(row);
    return { subject: reader.string('subject'), records: reader.number('records') };
  });
}

/**
 * Every subject with records in a records backup (`npm run records:export`), checked line by line as
 * `records:import` checks it, so a damaged file is refused naming its line rather than half read.
 */
export function recordedSubjectsInBackup(text: string): RecordedSubject[] {
  const counts = new Map<string, number>();
  for (const record of parseBackup(text).records) {
    counts.set(record.subjectId, (counts.get(record.subjectId) ?? 0) + 1);
  }
  return [...counts]
    .map(([subject, records]) => ({ subject, records }))
    .sort((a, b) => compareIds(a.subject, b.subject));
}
