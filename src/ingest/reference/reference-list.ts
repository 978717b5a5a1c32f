import { join } from 'node:path';
import { type CuratedEntry, readCuratedList, requireUnique } from '../curated-entry';
import type { SourceRef } from '../source-document';
import { ReferenceDataError } from './reference-data-error';

/** The entries of the list `listKey` in seed/reference's `file` (read from `directory`). */
export function readReferenceList(directory: string, file: string, listKey: string): CuratedEntry[] {
  return readCuratedList(join(directory, file), listKey, ReferenceDataError);
}

/** Provenance of what the graph builds from an entry: `reference/sdgs.yaml` and the entry's line. */
export function referenceSource(file: string, entry: CuratedEntry): SourceRef {
  return { document: `reference/${file}`, line: entry.line };
}

/** requireUnique for reference tables: a shared key is a ReferenceDataError. */
export function requireUniqueEntries<T>(
  records: readonly T[],
  keysOf: (record: T) => readonly string[],
  describe: (record: T) => string,
  what: string,
): void {
  requireUnique(records, keysOf, describe, what, ReferenceDataError);
}
