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
 * reviewed entry names the measures the indicator reports on (their departments answer, basis REVIEWED, with
 * the entry's reason and cited lines); an indicator the file leaves to its policy item answers to every
 * department of the item's measures the next plan keeps (basis BY_POLICY_ITEM). Each link lists the measures
 * through which the department answers. Every indicator must be in the file exactly once, each named measure
 * must be under the indicator's own item, and the departments the file writes must be the ones the draft
 * sheets give those measures. A reviewed entry the documents no longer bear out (an edition moved a measure or
 * its departments) is reported as a discrepancy, beside whatever changed in the documents, and the indicator
 * answers to its policy item until the entry is reviewed again: a stale judgement never credits an office.
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
    const problem = reviewedEntryProblem(entry, item, {
      measuresOf,
      departmentsOf,
      departmentIdOf: (name, source) => departmentId(sources.reference.glossary, name, source),
    });
    if (problem !== undefined) {
      stale(entry.indicator, entry.source, problem);
      byItem(entry.indicator, item, entry.source, `The reviewed entry no longer fits the documents: ${problem}`);
      continue;
    }
    link(entry.indicator, entry.measures, entry.source, {
      basis: OwnerBasis.REVIEWED,
      reason: entry.reason,
      evidenceDocuments: entry.evidence.map((e) => e.document),
      evidenceLines: entry.evidence.map((e) => e.line),
      evidenceTexts: entry.evidence.map((e) => e.says),
    });
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

/** The documents' side of a reviewed entry: the measures of each policy item and the departments of each measure. */
interface Documented {
  readonly measuresOf: ReadonlyMap<string, readonly string[]>;
  readonly departmentsOf: ReadonlyMap<string, readonly string[]>;
  readonly departmentIdOf: (name: string, source: SourceRef) => string;
}

/** What makes a reviewed entry wrong for today's documents, or undefined when they bear it out. */
function reviewedEntryProblem(entry: OwnersEntry, item: string, documents: Documented): string | undefined {
  const foreign = entry.measures.find((measure) => !(documents.measuresOf.get(item) ?? []).includes(measure));
  if (foreign !== undefined) return `${foreign} is not a measure of ${item}, the policy item of ${entry.indicator}`;
  const written = new Set(entry.departments.map((name) => documents.departmentIdOf(name, entry.source)));
  const documented = new Set(entry.measures.flatMap((m) => documents.departmentsOf.get(m) ?? []));
  if (written.size === documented.size && [...written].every((d) => documented.has(d))) return undefined;
  return `it names ${[...written].sort().join(', ')} but the draft sheets give ${entry.measures.join(', ')} the departments ${[...documented].sort().join(', ')}`;
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
