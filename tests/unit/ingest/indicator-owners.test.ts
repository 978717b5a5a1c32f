import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphFile } from '../../../src/graph/graph-model';
import { ingest } from '../../../src/ingest/ingest';
import { loadIndicatorOwners } from '../../../src/ingest/reference';

/**
 * seed/reference/indicator-owners.yaml against the documents and the graph built from them (in memory, no
 * database): every cited line says what the file quotes, every one of the 27 indicators is judged or left to
 * its policy item with a reason, and the graph's ANSWERS_FOR links are exactly what the file decides.
 */
const REFERENCE = join('seed', 'reference');
const reference = loadIndicatorOwners(REFERENCE);
const graph: GraphFile = ingest();
const nameOf = new Map(
  graph.nodes.filter((n) => n.label === 'Department').map((n) => [n.id, String(n.properties.name)]),
);
const related = (type: string) => graph.relationships.filter((r) => r.type === type);
const indicators = graph.nodes.filter((n) => n.label === 'Indicator').map((n) => n.id);

/** The owners the graph gives an indicator: department names with their basis, sorted. */
function ownersInGraph(indicator: string): string[] {
  return related('ANSWERS_FOR')
    .filter((r) => r.to === indicator)
    .map((r) => `${nameOf.get(r.from)} ${String(r.properties.basis)}`)
    .sort();
}

/** The departments the draft sheets give some measures (RESPONSIBLE_FOR), by name, sorted and distinct. */
function departmentsOfMeasures(measures: readonly string[]): string[] {
  const ids = related('RESPONSIBLE_FOR')
    .filter((r) => measures.includes(r.to))
    .map((r) => r.from);
  return [...new Set(ids.map((id) => nameOf.get(id) ?? id))].sort();
}

describe('who answers for each indicator (seed/reference/indicator-owners.yaml)', () => {
  it('cites lines of the documents that say what the file quotes', () => {
    const cited = reference.owners.flatMap((entry) => entry.evidence);
    expect(cited.length).toBeGreaterThanOrEqual(2 * reference.owners.length);
    for (const { document, line, says } of cited) {
      const text = readFileSync(join('seed', 'sources', document), 'utf8').split('\n')[line - 1];
      expect(`${document}:${line} ${text}`).toContain(says);
    }
  });

  it('judges or leaves to the policy item each of the 27 indicators, exactly once', () => {
    expect(indicators).toHaveLength(27);
    const listed = [...reference.owners, ...reference.byPolicyItem].map((entry) => entry.indicator).sort();
    expect(listed).toEqual([...indicators].sort());
  });

  it('names for each judged indicator the departments the draft sheets give its measures, under its own item', () => {
    const itemOf = new Map(related('MEASURED_BY').map((r) => [r.to, r.from]));
    for (const entry of reference.owners) {
      expect(`${entry.indicator}: ${[...entry.departments].sort().join(', ')}`).toBe(
        `${entry.indicator}: ${departmentsOfMeasures(entry.measures).join(', ')}`,
      );
      for (const measure of entry.measures) {
        const item = related('HAS_MEASURE').find((r) => r.to === measure)?.from;
        expect(`${measure} under ${item}`).toBe(`${measure} under ${itemOf.get(entry.indicator)}`);
      }
    }
  });

  it('holds every indicator in the graph to the file: reviewed departments, or every department of the item', () => {
    const itemOf = new Map(related('MEASURED_BY').map((r) => [r.to, r.from]));
    const deleted = new Set(graph.nodes.filter((n) => n.properties.status === 'DELETED').map((n) => n.id));
    for (const indicator of indicators) {
      const reviewed = reference.owners.find((entry) => entry.indicator === indicator);
      const expected = reviewed
        ? reviewed.departments.map((name) => `${name} REVIEWED`)
        : departmentsOfMeasures(
            related('HAS_MEASURE')
              .filter((r) => r.from === itemOf.get(indicator) && !deleted.has(r.to))
              .map((r) => r.to),
          ).map((name) => `${name} BY_POLICY_ITEM`);
      expect(`${indicator}: ${ownersInGraph(indicator).join(', ')}`).toBe(
        `${indicator}: ${expected.sort().join(', ')}`,
      );
    }
  });

  it('credits the indicators the same-code rule got wrong to the measure that names their subject', () => {
    expect(ownersInGraph('indicator:6-2-2')).toEqual(['行政管理課 REVIEWED']);
    expect(ownersInGraph('indicator:6-5-1')).toEqual(['財政課 REVIEWED']);
    expect(ownersInGraph('indicator:6-5-4')).toEqual(['広報課 REVIEWED']);
    expect(ownersInGraph('indicator:5-6-2')).toEqual(['市民課 REVIEWED']);
    const through = (indicator: string) => related('ANSWERS_FOR').find((r) => r.to === indicator)?.properties.measures;
    expect(through('indicator:6-2-2')).toEqual(['measure:6-2-7']);
    expect(through('indicator:6-5-4')).toEqual(['measure:6-5-6']);
    expect(through('indicator:5-2-2')).toEqual(['measure:5-2-3']);
    expect(through('indicator:5-2-3')).toEqual(['measure:5-2-5']);
  });

  it('leaves 5-4-1, 5-5-1 and 6-3-2 to their policy items, each with a reason', () => {
    expect(reference.byPolicyItem.map((entry) => entry.indicator)).toEqual([
      'indicator:5-4-1',
      'indicator:5-5-1',
      'indicator:6-3-2',
    ]);
    expect(ownersInGraph('indicator:5-5-1')).toEqual(['危機管理課 BY_POLICY_ITEM', '道路整備課 BY_POLICY_ITEM']);
    for (const entry of reference.byPolicyItem) expect(entry.reason.length).toBeGreaterThan(20);
  });

  it('refuses a file that lists an indicator twice, naming the file and the indicator', () => {
    const directory = mkdtempSync(join(tmpdir(), 'owners-'));
    try {
      writeFileSync(
        join(directory, 'indicator-owners.yaml'),
        [
          'owners: []',
          'byPolicyItem:',
          '  - { indicator: indicator:5-4-1, reason: first }',
          '  - { indicator: indicator:5-4-1, reason: again }',
        ].join('\n'),
      );
      expect(() => loadIndicatorOwners(directory)).toThrow(
        /indicator-owners\.yaml: line 4: indicator "indicator:5-4-1" is already used/,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
