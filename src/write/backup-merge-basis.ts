import { isDeepStrictEqual } from 'node:util';
import type { PlainValue } from '../db/plain-values';
import { BackupRefusal, type RecordLabel } from './backup-lines';

/** A line's properties, as the file and the database give them. */
export type Properties = Readonly<Record<string, PlainValue>>;

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

/** Refuses the whole file at its first violation, naming the line. */
export function refuse(line: number, problem: string): never {
  throw new BackupRefusal(`line ${line}: ${problem}`);
}

/** The first property (in name order) whose value differs, as `name: X in the file, Y in the database`. */
export function firstDifference(file: Properties, stored: Properties, ignored: readonly string[]): string | null {
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
