import { seriesOf, withoutLock, type BackupFile } from './backup-lines';
import { refuse, type ExistingState, type Properties } from './backup-merge-basis';

/**
 * The series the file touches: a series' counter only moves forward, to the highest of the file's, the
 * database's and its highest record, and every revision r1 … up to it must then exist. Only a series line
 * creates a series.
 */
export function planSeries(file: BackupFile, existing: ExistingState) {
  const fileSeries = new Map(file.series.map((s) => [s.id, s]));
  const toWrite: Properties[] = [];
  let added = 0;
  let advanced = 0;
  let unchanged = 0;
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
      toWrite.push({ ...(line?.properties ?? {}), revision });
      added++;
    } else if (revision > storedRevision) {
      toWrite.push({ ...withoutLock(stored), revision });
      advanced++;
    } else if (line) {
      unchanged++;
    }
  }
  return { toWrite, added, advanced, unchanged };
}
