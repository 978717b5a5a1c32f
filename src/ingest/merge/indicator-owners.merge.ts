import { OwnerBasis } from '../../graph/owner-basis';
import type { SourceRef } from '../source-document';
import { departmentId } from './department-id';
import type { MergeContext } from './merge-context';
import { MergeError } from './merge-error';

/**
 * Who answers for each outcome indicator: `(Department)-[:ANSWERS_FOR]->(Indicator)`. The documents tie an
 * indicator to its policy item only, so the departments come from seed/reference/indicator-owners.yaml: a
 * reviewed entry names the measures the indicator reports on (their departments answer, basis REVIEWED, with
 * the entry's reason and cited lines); an indicator the file leaves to its policy item answers to every
 * department of the item's measures the next plan keeps (basis BY_POLICY_ITEM). Each link lists the measures
 * through which the department answers. Every indicator must be in the file exactly once, each named measure
 * must be under the indicator's own item, and the departments the file writes must be the ones the draft
 * sheets give those measures, so a stale entry stops the build instead of crediting the wrong office.
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
  const itemOfIndicator = (indicator: string, source: SourceRef): string => {
    const item = itemOf.get(indicator);
    if (item === undefined) throw new MergeError(source, `${indicator} is not an indicator of any policy item`);
    return item;
  };

  for (const entry of owners) {
    const item = itemOfIndicator(entry.indicator, entry.source);
    for (const measure of entry.measures) {
      if (!(measuresOf.get(item) ?? []).includes(measure)) {
        throw new MergeError(
          entry.source,
          `${measure} is not a measure of ${item}, the policy item of ${entry.indicator}`,
        );
      }
    }
    const written = new Set(
      entry.departments.map((name) => departmentId(sources.reference.glossary, name, entry.source)),
    );
    const documented = new Set(entry.measures.flatMap((m) => departmentsOf.get(m) ?? []));
    if (written.size !== documented.size || [...written].some((d) => !documented.has(d))) {
      throw new MergeError(
        entry.source,
        `${entry.indicator}: the file names ${[...written].sort().join(', ')} but the draft sheets give ${entry.measures.join(', ')} the departments ${[...documented].sort().join(', ')}`,
      );
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
    const item = itemOfIndicator(entry.indicator, entry.source);
    const measures = (measuresOf.get(item) ?? []).filter((m) => kept.has(m)).sort();
    link(entry.indicator, measures, entry.source, { basis: OwnerBasis.BY_POLICY_ITEM, reason: entry.reason });
  }
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
