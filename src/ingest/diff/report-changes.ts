import type { Discrepancy, UnresolvedReference } from '../../graph/graph-model';
import { documentStem } from '../source-document';

/** Entries of one of the graph's reports (discrepancies, unresolved references) that appear or go. */
export interface ReportChanges<T> {
  readonly added: readonly T[];
  readonly removed: readonly T[];
}

/**
 * Compares two editions of a report. An entry is the same when everything but its place is (line, page,
 * text file or PDF): a discrepancy that only moved with an edit above it is not news to a reviewer.
 */
export function reportChanges<T extends Discrepancy | UnresolvedReference>(
  before: readonly T[],
  after: readonly T[],
): ReportChanges<T> {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return {
    added: after.filter((entry) => !beforeKeys.has(key(entry))),
    removed: before.filter((entry) => !afterKeys.has(key(entry))),
  };
}

/** How many entries kept their content but not their line. */
export function movedEntries<T extends Discrepancy | UnresolvedReference>(
  before: readonly T[],
  after: readonly T[],
): number {
  const lineOf = new Map(before.map((entry) => [key(entry), entry.sourceLine]));
  return after.filter((entry) => {
    const line = lineOf.get(key(entry));
    return line !== undefined && line !== entry.sourceLine;
  }).length;
}

/** An entry without its place: what it says, and about which document. */
function key(entry: Discrepancy | UnresolvedReference): string {
  return JSON.stringify({
    ...entry,
    sourceDocument: documentStem(entry.sourceDocument),
    sourcePage: undefined,
    sourceLine: undefined,
  });
}
