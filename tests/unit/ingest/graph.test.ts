import { readFileSync } from 'node:fs';
import type { GraphFile, GraphNode } from '../../../src/graph/graph-model';
import { ingest, serializeGraph } from '../../../src/ingest/ingest';
import { validateGraph } from '../../../src/ingest/load/graph-validation';
import { SEED_GRAPH_PATH } from '../../../src/ingest/load/seed-file';
import { SOURCE_FILES } from '../../../src/ingest/merge/read-documents';
import { SourceDocument } from '../../../src/ingest/source-document';

/**
 * The merged graph, checked against facts read by hand from the documents. These run on the real
 * documents through the whole pipeline (text fixes → parsers → merge), no database needed.
 */
const graph: GraphFile = ingest();
const byId = new Map(graph.nodes.map((n) => [n.id, n]));
const node = (id: string): GraphNode => {
  const found = byId.get(id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const nodes = (label: string) => graph.nodes.filter((n) => n.label === label);
const related = (type: string, from?: string, to?: string) =>
  graph.relationships.filter(
    (r) => r.type === type && (from === undefined || r.from === from) && (to === undefined || r.to === to),
  );

describe('the merged graph', () => {
  it('is what seed/graph.json holds (run `npm run ingest` after changing documents or rules)', () => {
    expect(readFileSync(SEED_GRAPH_PATH, 'utf8')).toBe(serializeGraph(graph));
  });

  it('comes out the same on every run (deterministic order)', () => {
    expect(serializeGraph(ingest())).toBe(serializeGraph(graph));
  });

  it('passes the loader validation, so every node has provenance', () => {
    expect(() => validateGraph(graph)).not.toThrow();
    for (const n of graph.nodes) {
      expect(typeof n.properties.sourceDocument).toBe('string');
      expect(n.properties.sourceLine).toBeGreaterThan(0);
    }
  });

  it('holds the counts the documents give', () => {
    expect(nodes('Field')).toHaveLength(6);
    expect(nodes('PolicyItem')).toHaveLength(38);
    expect(nodes('PolicyItem').filter((n) => n.properties.detailed === true)).toHaveLength(11);
    expect(nodes('Measure').filter((n) => n.properties.status !== 'DELETED')).toHaveLength(49);
    expect(nodes('Measure').filter((n) => n.properties.status === 'DELETED')).toHaveLength(1);
    expect(nodes('Indicator')).toHaveLength(27);
    expect(nodes('Project').filter((n) => n.properties.status !== 'DELETED')).toHaveLength(80);
    expect(nodes('ReformSheet')).toHaveLength(56);
    const perArea = [1, 2, 3].map((a) => nodes('ReformSheet').filter((n) => n.properties.areaNumber === a).length);
    expect(perArea).toEqual([26, 18, 12]);
    expect(nodes('LinkagePlan')).toHaveLength(5);
    expect(nodes('Initiative')).toHaveLength(12);
    expect(nodes('Sdg')).toHaveLength(17);
  });

  it("links 5-1's four measures to their departments (000 lines 55–63)", () => {
    const measures = related('HAS_MEASURE', 'policy-item:5-1').map((r) => r.to);
    expect(measures).toEqual(['measure:5-1-1', 'measure:5-1-2', 'measure:5-1-3', 'measure:5-1-4']);
    const departments = (id: string) =>
      related('RESPONSIBLE_FOR', undefined, id)
        .map((r) => node(r.from).properties.name)
        .sort();
    expect(departments('measure:5-1-1')).toEqual(['危機管理課', '市民活動推進課'].sort());
    expect(departments('measure:5-1-2')).toEqual(['市民活動推進課']);
    expect(departments('measure:5-1-3')).toEqual(['市民活動推進課', '支所総務課'].sort());
    expect(departments('measure:5-1-4')).toEqual(['市民活動推進課']);
  });

  it("keeps 5-6's final order and its deleted measure without a number", () => {
    const live = ['measure:5-6-1', 'measure:5-6-2', 'measure:5-6-3'].map((id) => node(id).properties.name);
    expect(live).toEqual(['窓口サービスの向上', '市民相談の充実', '市民ニーズに合った使いやすい市庁舎等の実現']);
    const deleted = node('measure:5-6-d3');
    expect(deleted.properties).toMatchObject({ name: '職員の資質の向上', status: 'DELETED', code: '5-6-d3' });
    expect(deleted.properties.number).toBeUndefined();
  });

  it('keeps previous names of renamed items and measures', () => {
    expect(node('policy-item:6-4').properties).toMatchObject({
      name: '行政のデジタル化の推進',
      previousName: '電子自治体の推進',
    });
    expect(node('measure:6-5-6').properties).toMatchObject({
      name: 'まちの魅力創造と移住定住促進',
      previousName: 'まちの魅力創造',
    });
  });

  it('treats the decided swap of 6-1 projects ② and ③ as a reorder, not a rename', () => {
    expect(node('project:6-1-2').properties.name).toBe('市長への手紙');
    expect(node('project:6-1-2').properties.previousName).toBeUndefined();
    expect(node('project:6-1-3').properties.previousName).toBeUndefined();
  });

  it('gives sheet 2-18 its two executing departments and 1-6 its supported measure', () => {
    expect(
      related('EXECUTES', undefined, 'reform-sheet:2-18')
        .map((r) => node(r.from).properties.name)
        .sort(),
    ).toEqual(['企画課', '情報システム課'].sort());
    expect(related('SUPPORTS', 'reform-sheet:1-6').map((r) => r.to)).toEqual(['measure:5-2-5']);
  });

  it('keeps sheets 1-24 and 1-26 apart although they share a name', () => {
    expect(node('reform-sheet:1-24').properties.name).toBe(node('reform-sheet:1-26').properties.name);
  });

  it("links plan ③'s initiatives to its policy items by code", () => {
    const initiatives = related('HAS_INITIATIVE', 'linkage-plan:3').map((r) => r.to);
    const items = [...new Set(initiatives.flatMap((i) => related('TARGETS', i).map((r) => r.to)))].sort();
    expect(items).toEqual(
      ['3-2', '3-4', '3-6', '4-1', '4-2', '4-3', '4-4', '4-7', '5-1'].map((c) => `policy-item:${c}`),
    );
  });

  it('holds indicator 6-1 市ホームページへのアクセス数 with its current value and target', () => {
    expect(node('indicator:6-1-1').properties).toMatchObject({
      name: '市ホームページへのアクセス数',
      current: 2927767,
      target: 3351000,
      unit: '件',
      direction: 'INCREASE',
    });
  });

  it('creates the items of fields 1–4 from the matrix, with names and no detail', () => {
    expect(node('policy-item:2-1').properties).toMatchObject({ name: '確かな学力と自立する力の育成', detailed: false });
  });

  it('keeps names no document describes on the sheet and reports them, inventing no measure', () => {
    const slogan = '市民の信頼に応える行財政経営を進めるまち';
    expect(node('reform-sheet:2-3').properties.unresolvedMeasureNames).toContain(slogan);
    expect(graph.unresolved.filter((u) => u.name === slogan).map((u) => u.from)).toEqual([
      'reform-sheet:2-3',
      'reform-sheet:3-3',
      'reform-sheet:3-11',
    ]);
    expect(nodes('Measure').some((n) => n.properties.name === slogan)).toBe(false);
  });

  it('finds the matrix and the initiatives in agreement (no discrepancy)', () => {
    expect(graph.discrepancies).toEqual([]);
  });

  it("answers the user's example: SDG 17 measures of 市民活動推進課", () => {
    const sdg17Items = new Set(related('CONTRIBUTES_TO', undefined, 'sdg:17').map((r) => r.from));
    const itemMeasures = graph.relationships
      .filter((r) => r.type === 'HAS_MEASURE' && sdg17Items.has(r.from))
      .map((r) => r.to);
    const owned = new Set(related('RESPONSIBLE_FOR', 'department:citizen-activity-promotion').map((r) => r.to));
    expect(itemMeasures.filter((m) => owned.has(m))).toHaveLength(9);
  });
});

describe('ingestion of a garbled document', () => {
  const mutated = (role: keyof typeof SOURCE_FILES, change: (lines: string[]) => string[]): SourceDocument => {
    const original = SourceDocument.read('seed/sources', SOURCE_FILES[role]);
    return new SourceDocument(original.name, change([...original.lines]).join('\n'));
  };

  it('stops, naming document and line, when a reform sheet loses its 実行課 line', () => {
    const doc = mutated('reformSheets', (lines) =>
      lines.filter((line) => !/^\s*実行課/.test(line) || !line.includes('市民活動推進課')),
    );
    expect(() => ingest({ reformSheets: doc })).toThrow(/003_333ee31cbdb593ac\.txt:\d+: expected/);
  });

  it('stops when a policy item has no measures', () => {
    // Every 施策中項目 row of item 5-4 (000 lines 237–311) renamed away: the item is left without measures.
    const doc = mutated('fieldFiveSheets', (lines) =>
      lines.map((line, i) => (i >= 236 && i < 311 ? line.replace(/^施策中項目/, '中項目なし') : line)),
    );
    expect(() => ingest({ fieldFiveSheets: doc })).toThrow(/000_c612850dd0d0a3ba\.txt:\d+: expected/);
  });

  it('stops when an indicator value is not a number', () => {
    const doc = mutated('finalPlan', (lines) => lines.map((line) => line.replace('2,927,767', '2,9x7,767')));
    expect(() => ingest({ finalPlan: doc })).toThrow(/001_ce2878ebb8c6f072\.txt:\d+: expected/);
  });
});
