import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphFile } from '../../../src/graph/graph-model';
import { ingest } from '../../../src/ingest/ingest';
import { loadIndicatorOwners } from '../../../src/ingest/reference';

/**
 * seed/reference/indicator-owners.yaml against the documents and the graph built from them (in memory, no
 * database): every cited line says what the file quotes, each department is credited by a line that names it
 * or left out by name, every one of the 27 indicators is judged or left to its policy item, and the graph's
 * ANSWERS_FOR links are exactly what the file decides.
 */
const REFERENCE = join('seed', 'reference');
const reference = loadIndicatorOwners(REFERENCE);
const graph: GraphFile = ingest();
const nameOf = new Map(
  graph.nodes.filter((n) => n.label === 'Department').map((n) => [n.id, String(n.properties.name)]),
);
const related = (type: string) => graph.relationships.filter((r) => r.type === type);
const indicators = graph.nodes.filter((n) => n.label === 'Indicator').map((n) => n.id);
const documentLine = (document: string, line: number): string =>
  readFileSync(join('seed', 'sources', document), 'utf8').split('\n')[line - 1] ?? '';

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
    const cited = reference.owners.flatMap((entry) => [
      ...entry.evidence,
      ...entry.rows,
      ...entry.departments.flatMap((owner) => owner.lines),
    ]);
    expect(cited.length).toBeGreaterThanOrEqual(2 * reference.owners.length);
    for (const { document, line, says } of cited) {
      expect(`${document}:${line} ${documentLine(document, line)}`).toContain(says);
    }
  });

  it('judges or leaves to the policy item each of the 27 indicators, exactly once', () => {
    expect(indicators).toHaveLength(27);
    const listed = [...reference.owners, ...reference.byPolicyItem].map((entry) => entry.indicator).sort();
    expect(listed).toEqual([...indicators].sort());
  });

  it('credits or leaves out by name every department of the measures, each credit on a line naming it', () => {
    const itemOf = new Map(related('MEASURED_BY').map((r) => [r.to, r.from]));
    for (const entry of reference.owners) {
      const judged = [...entry.departments, ...entry.leftOut].map((d) => d.name);
      const onRows = [...entry.departments.filter((d) => d.basis === 'MEASURE_ROW'), ...entry.leftOut];
      // Every department of the rows is judged, and only those are credited by their row or left out.
      for (const name of departmentsOfMeasures(entry.measures))
        expect(`${entry.indicator}: ${judged.join(', ')}`).toContain(name);
      for (const { name } of onRows)
        expect(`${entry.indicator}: ${departmentsOfMeasures(entry.measures).join(', ')}`).toContain(name);
      for (const owner of entry.departments) {
        const naming = owner.basis === 'MEASURE_ROW' ? entry.rows : owner.lines;
        const texts = naming.map((line) => documentLine(line.document, line.line)).join(' | ');
        expect(`${entry.indicator} ${owner.name} ${owner.basis}: ${texts}`).toContain(`${owner.name}`);
      }
      for (const left of entry.leftOut) expect(left.reason.length).toBeGreaterThan(15);
      for (const measure of entry.measures) {
        const item = related('HAS_MEASURE').find((r) => r.to === measure)?.from;
        expect(`${measure} under ${item}`).toBe(`${measure} under ${itemOf.get(entry.indicator)}`);
      }
    }
  });

  it('holds every indicator in the graph to the file: its credited departments, or every department of the item', () => {
    const itemOf = new Map(related('MEASURED_BY').map((r) => [r.to, r.from]));
    const deleted = new Set(graph.nodes.filter((n) => n.properties.status === 'DELETED').map((n) => n.id));
    for (const indicator of indicators) {
      const reviewed = reference.owners.find((entry) => entry.indicator === indicator);
      const expected = reviewed
        ? reviewed.departments.map((owner) => `${owner.name} ${owner.basis}`)
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

  it('reads owners from lines about the indicator, not from the whole row of its measure', () => {
    // 003 lines 771-775: the reform sheet 職員提案制度の活性化 is run by 企画課, under 職員の意識改革と人材育成.
    expect(ownersInGraph('indicator:6-2-1')).toEqual(['企画課 NAMED_BY_LINE', '行政管理課 MEASURE_ROW']);
    // 003 lines 113-117: the website's sheet names 広報課 alone, not the row's 秘書課 and 議会事務局.
    expect(ownersInGraph('indicator:6-1-1')).toEqual(['広報課 NAMED_BY_LINE']);
    expect(ownersInGraph('indicator:6-1-2')).toEqual(['広報課 NAMED_BY_LINE']);
    expect(ownersInGraph('indicator:6-1-3')).not.toContain('監査委員事務局 MEASURE_ROW');
    expect(ownersInGraph('indicator:6-3-1')).not.toContain('行政管理課 MEASURE_ROW');
    // No line names who issues マイナンバーカード: the owner is unconfirmed, nobody but an administrator records it.
    expect(ownersInGraph('indicator:6-4-2')).toEqual([]);
    const through = (indicator: string) => related('ANSWERS_FOR').find((r) => r.to === indicator)?.properties.measures;
    expect(through('indicator:6-2-2')).toEqual(['measure:6-2-7']);
    expect(through('indicator:6-5-4')).toEqual(['measure:6-5-6']);
    expect(through('indicator:5-2-2')).toEqual(['measure:5-2-3']);
    expect(through('indicator:5-2-3')).toEqual(['measure:5-2-5']);
  });

  it('gives each link the lines of its own department', () => {
    const link = related('ANSWERS_FOR').find((r) => r.to === 'indicator:6-2-1' && nameOf.get(r.from) === '企画課');
    expect(link?.properties.evidenceLines).toEqual([538, 771, 772, 775, 778]);
    // No row of 6-2-6 names 企画課: it answers through no measure.
    expect(link?.properties.measures ?? []).toEqual([]);
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

  it('accepts a department only on a line that names it, for any departments, rules and lines', () => {
    const names = ['企画課', '広報課', '秘書課', '財政課', '市民課'];
    const owner = fc.record({
      name: fc.constantFrom(...names),
      basis: fc.constantFrom('MEASURE_ROW', 'NAMED_BY_LINE'),
      named: fc.subarray(names, { minLength: 1 }),
    });
    fc.assert(
      fc.property(
        fc.subarray(names, { minLength: 1 }),
        fc.uniqueArray(owner, { selector: (o) => o.name, maxLength: 3 }),
        (row, owners) => {
          const rowLine = `{ document: 002_x.txt, line: 1, says: "評価回答部署\\t${row.join('、')}" }`;
          const yaml = [
            'owners:',
            '  - indicator: indicator:6-1-1',
            '    measures: [measure:6-1-1]',
            '    reason: why',
            '    evidence: [{ document: 001_x.txt, line: 1, says: subject }]',
            `    rows: [${rowLine}]`,
            `    departments:${owners.length === 0 ? ' []' : ''}`,
            ...owners.map((o) =>
              o.basis === 'MEASURE_ROW'
                ? `      - { name: ${o.name}, basis: MEASURE_ROW }`
                : `      - { name: ${o.name}, basis: NAMED_BY_LINE, lines: [{ document: 003_x.txt, line: 2, says: "実行課\\t${o.named.join('、')}" }] }`,
            ),
            'byPolicyItem: []',
          ].join('\n');
          const directory = mkdtempSync(join(tmpdir(), 'owners-'));
          try {
            writeFileSync(join(directory, 'indicator-owners.yaml'), yaml);
            const named = owners.every((o) => (o.basis === 'MEASURE_ROW' ? row : o.named).includes(o.name));
            if (named)
              expect(loadIndicatorOwners(directory).owners[0]?.departments.map((d) => d.name)).toEqual(
                owners.map((o) => o.name),
              );
            else
              expect(() => loadIndicatorOwners(directory)).toThrow(
                /is on none of the entry's 'rows'|none of its 'lines' names/,
              );
          } finally {
            rmSync(directory, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 60 },
    );
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
