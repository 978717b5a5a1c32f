import { OwnerBasis } from '../../graph/owner-basis';
import type { SourceRef } from '../source-document';
import { departmentId } from './department-id';
import type { MergeContext } from './merge-context';
import { MergeError } from './merge-error';

/** One reviewed entry of seed/reference/indicator-owners.yaml, as read. */
type OwnersEntry = MergeContext['sources']['reference']['indicatorOwners']['owners'][number];

/**
 * Who answers for each outcome indicator: `(Department)-[:ANSWERS_FOR]->(Indicator)`. The documents tie an
 * indicator to its policy item only, so the departments come from seed/reference/indicator-owners.yaml: a
 * reviewed entry names the measures the indicator reports on and, department by department, the rule that
 * ties each one to it (MEASURE_ROW: the measure's row; NAMED_BY_LINE: a line about its programme), with the
 * entry's reason and cited lines; an entry crediting no department leaves the indicator without owner (owner
 * unconfirmed: only an administrator records it). An indicator the file leaves to its policy item answers to
 * every department of the item's measures the next plan keeps (BY_POLICY_ITEM). Each link lists the measures
 * through which the department answers (none for a department only a line names). Every indicator must be in
 * the file exactly once, each named measure must be under the indicator's own item, and every department of
 * those measures' rows must be credited or left out by name. A reviewed entry the documents no longer bear
 * out (an edition moved a measure or its departments) is reported as a discrepancy, beside whatever changed
 * in the documents, and the indicator answers to its policy item until the entry is reviewed again.
 */
export function mergeIndicatorOwners({ graph, sources }: MergeContext): void {
  const { owners, byPolicyItem } = sources.reference.indicatorOwners;
  const itemOf = new Map(graph.relationshipsOf('MEASURED_BY').map((r) => [r.to, r.from]));
  const measuresOf = groupedBy(
    graph.relationshipsOf('HAS_MEASURE'),
    (r) => r.from,
    (r) => r.to,
  );
  const departmentsOf = groupedBy(
    graph.relationshipsOf('RESPONSIBLE_FOR'),
    (r) => r.to,
    (r) => r.from,
  );
  const kept = new Set(
    graph
      .nodesOf('Measure')
      .filter((m) => m.properties['status'] !== 'DELETED')
      .map((m) => m.id),
  );
  const listed = new Set([...owners, ...byPolicyItem].map((entry) => entry.indicator));
  for (const indicator of graph.nodesOf('Indicator')) {
    if (!listed.has(indicator.id)) {
      throw new MergeError(
        { document: 'reference/indicator-owners.yaml', line: 1 },
        `${indicator.id} is in neither 'owners' nor 'byPolicyItem': every indicator needs a judgement or a reason to leave it to its policy item`,
      );
    }
  }

  const link = (
    indicator: string,
    measures: readonly string[],
    source: SourceRef,
    properties: Record<string, string | readonly string[] | readonly number[]>,
  ): void => {
    for (const department of [...new Set(measures.flatMap((m) => departmentsOf.get(m) ?? []))].sort()) {
      const through = measures.filter((m) => (departmentsOf.get(m) ?? []).includes(department));
      graph.relate('ANSWERS_FOR', department, indicator, source, { ...properties, measures: through });
    }
  };
  const byItem = (indicator: string, item: string, source: SourceRef, reason: string): void => {
    const measures = (measuresOf.get(item) ?? []).filter((m) => kept.has(m)).sort();
    link(indicator, measures, source, { basis: OwnerBasis.BY_POLICY_ITEM, reason });
  };
  const stale = (indicator: string, source: SourceRef, problem: string): void =>
    graph.discrepancy(`indicator ${indicator.replace(/^indicator:/, '')}`, `the owners file: ${problem}`, source);

  for (const entry of owners) {
    const item = itemOf.get(entry.indicator);
    if (item === undefined) {
      stale(entry.indicator, entry.source, 'names an indicator no policy item of the documents has');
      continue;
    }
    const problem = reviewedEntryProblem(
      entry,
      item,
      {
        measuresOf,
        departmentsOf,
        departmentIdOf: (name, source) => departmentId(sources.reference.glossary, name, source),
      },
      (id) => graph.has(id),
    );
    if (problem !== undefined) {
      stale(entry.indicator, entry.source, problem);
      byItem(entry.indicator, item, entry.source, `The reviewed entry no longer fits the documents: ${problem}`);
      continue;
    }
    linkJudged(graph, entry, departmentsOf, (name) => departmentId(sources.reference.glossary, name, entry.source));
  }
  for (const entry of byPolicyItem) {
    const item = itemOf.get(entry.indicator);
    if (item === undefined) {
      stale(entry.indicator, entry.source, 'names an indicator no policy item of the documents has');
      continue;
    }
    byItem(entry.indicator, item, entry.source, entry.reason);
  }
}

/** The ANSWERS_FOR links of a judged entry: one per credited department, with its rule and its own lines. */
function linkJudged(
  graph: MergeContext['graph'],
  entry: OwnersEntry,
  departmentsOf: ReadonlyMap<string, readonly string[]>,
  departmentIdOf: (name: string) => string,
): void {
  for (const owner of entry.departments) {
    const department = departmentIdOf(owner.name);
    const through = entry.measures.filter((m) => (departmentsOf.get(m) ?? []).includes(department));
    const lines = [
      ...entry.evidence,
      ...(owner.basis === 'MEASURE_ROW' ? entry.rows.filter((row) => row.says.includes(owner.name)) : owner.lines),
    ];
    graph.relate('ANSWERS_FOR', department, entry.indicator, entry.source, {
      basis: OwnerBasis[owner.basis],
      reason: entry.reason,
      measures: through,
      evidenceDocuments: lines.map((e) => e.document),
      evidenceLines: lines.map((e) => e.line),
      evidenceTexts: lines.map((e) => e.says),
    });
  }
}

/** The documents' side of a reviewed entry: the measures of each policy item and the departments of each measure. */
interface Documented {
  readonly measuresOf: ReadonlyMap<string, readonly string[]>;
  readonly departmentsOf: ReadonlyMap<string, readonly string[]>;
  readonly departmentIdOf: (name: string, source: SourceRef) => string;
}

/**
 * What makes a reviewed entry wrong for today's documents, or undefined when they bear it out: a measure not
 * under the indicator's item, a MEASURE_ROW or left-out department the measures' rows do not name, a row
 * department the entry neither credits nor leaves out, a NAMED_BY_LINE department the graph does not have.
 */
function reviewedEntryProblem(
  entry: OwnersEntry,
  item: string,
  documents: Documented,
  hasDepartment: (id: string) => boolean,
): string | undefined {
  const foreign = entry.measures.find((measure) => !(documents.measuresOf.get(item) ?? []).includes(measure));
  if (foreign !== undefined) return `${foreign} is not a measure of ${item}, the policy item of ${entry.indicator}`;
  const idOf = (name: string) => documents.departmentIdOf(name, entry.source);
  const documented = new Set(entry.measures.flatMap((m) => documents.departmentsOf.get(m) ?? []));
  const onRows = [...entry.departments.filter((owner) => owner.basis === 'MEASURE_ROW'), ...entry.leftOut].map(
    (d) => d.name,
  );
  const notOnRow = onRows.find((name) => !documented.has(idOf(name)));
  const rows = `the draft sheets give ${entry.measures.join(', ')} the departments ${[...documented].sort().join(', ')}`;
  if (notOnRow !== undefined) return `it places ${notOnRow} on the measures' rows but ${rows}`;
  const judged = new Set([...entry.departments, ...entry.leftOut].map((d) => idOf(d.name)));
  const unjudged = [...documented].filter((id) => !judged.has(id));
  if (unjudged.length > 0) return `it neither credits nor leaves out ${unjudged.sort().join(', ')}, and ${rows}`;
  const missing = entry.departments.find((owner) => !hasDepartment(idOf(owner.name)));
  if (missing !== undefined) return `it names ${missing.name}, a department the documents do not have`;
  return undefined;
}

function groupedBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  valueOf: (item: T) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), valueOf(item)]);
  }
  return groups;
}
