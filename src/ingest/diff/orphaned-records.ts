import type { GraphFile } from '../../graph/graph-model';

/** An indicator or reform sheet that has recorded results or evaluations, and how many revisions. */
export interface RecordedSubject {
  readonly subject: string;
  readonly records: number;
}

/** A subject with records, named as the graph names it (the old edition's name for one that goes). */
export interface RecordedSubjectEntry extends RecordedSubject {
  readonly name: string | undefined;
}

/**
 * What a load of the new edition does to recorded results and evaluations. Records are never deleted: the
 * loader keeps them and relinks them by subject id (cypher/load/relink-records.cypher), so a subject's
 * records are orphaned while its node is absent and attached again when it returns.
 */
export interface RecordsImpact {
  /** Where the records were read: the database's URI or the backup file. */
  readonly source: string;
  /** Subjects in the committed graph but not in the new one: their records would be left without subject. */
  readonly orphaned: readonly RecordedSubjectEntry[];
  /** Subjects in neither graph: orphaned already, and still. */
  readonly stillOrphaned: readonly RecordedSubjectEntry[];
  /** Subjects absent from the committed graph that the new edition brings back: their records attach again. */
  readonly reattached: readonly RecordedSubjectEntry[];
  /** Subjects with records in both editions: nothing changes for them. */
  readonly unaffected: number;
}

/** Sorts each subject with records by whether its node is in the committed graph and in the new one. */
export function recordsImpact(
  source: string,
  subjects: readonly RecordedSubject[],
  before: GraphFile,
  after: GraphFile,
): RecordsImpact {
  const names = new Map<string, string | undefined>();
  for (const node of [...before.nodes, ...after.nodes]) {
    names.set(node.id, typeof node.properties.name === 'string' ? node.properties.name : undefined);
  }
  const inBefore = new Set(before.nodes.map((n) => n.id));
  const inAfter = new Set(after.nodes.map((n) => n.id));
  const entry = (s: RecordedSubject): RecordedSubjectEntry => ({ ...s, name: names.get(s.subject) });
  return {
    source,
    orphaned: subjects.filter((s) => inBefore.has(s.subject) && !inAfter.has(s.subject)).map(entry),
    stillOrphaned: subjects.filter((s) => !inBefore.has(s.subject) && !inAfter.has(s.subject)).map(entry),
    reattached: subjects.filter((s) => !inBefore.has(s.subject) && inAfter.has(s.subject)).map(entry),
    unaffected: subjects.filter((s) => inBefore.has(s.subject) && inAfter.has(s.subject)).length,
  };
}
