import { RowReader } from '../../../src/db/row-reader';
import { allByLabel } from '../../../src/graph/all-by-label';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';

type Hit = { score: number; field: string; snippet: string; node: { id: string } };

describe('exploring the graph', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());

  const search = async (text: string, types?: string[]): Promise<Hit[]> => {
    const response = await api.server.query<{ search: Hit[] }>(
      'query ($text: String!, $types: [SearchType!]) { search(text: $text, types: $types, first: 50) { score field snippet node { id } } }',
      { text, types: types ?? null },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.search ?? [];
  };

  describe('search', () => {
    it('finds 5-3 危機管理体制の強化 and its measures for 防災', async () => {
      const ids = (await search('防災')).map((h) => h.node.id);
      expect(ids).toContain('policy-item:5-3');
      expect(ids).toEqual(expect.arrayContaining(['measure:5-3-1', 'measure:5-3-2', 'measure:5-3-3']));
    });

    it('finds measures and reform sheets for ICT, whether written ICT, I C T or ＩＣＴ', async () => {
      const hits = await search('ICT', ['MEASURE', 'REFORM_SHEET']);
      const ids = hits.map((h) => h.node.id);
      expect(ids.some((id) => id.startsWith('measure:'))).toBe(true);
      expect(ids.some((id) => id.startsWith('reform-sheet:'))).toBe(true);
      expect(ids).toContain('reform-sheet:1-7'); // its viewpoint is written with spaced letters: I C Tの積極的な活用 (003 line 242)
      expect((await search('ＩＣＴ', ['MEASURE', 'REFORM_SHEET'])).map((h) => h.node.id).sort()).toEqual(
        [...ids].sort(),
      );
    });

    it('searches English department names', async () => {
      const [hit] = await search('crisis management', ['DEPARTMENT']);
      expect(hit).toMatchObject({ field: 'nameEn', node: { id: 'department:crisis-management' } });
    });

    it('answers one-character queries through substring matching', async () => {
      const hits = await search('窓');
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.snippet).toContain('窓');
    });

    it('says which property matched, with a snippet around the match', async () => {
      const hit = (await search('防災')).find((h) => h.node.id === 'policy-item:5-3');
      expect(hit?.field).toBe('visionText');
      expect(hit?.snippet).toContain('防災');
    });

    it("reports an indicator's definition when only the definition matches", async () => {
      // 001 line 62: 自治会の加入率 [全世帯のうち自治会に加入している世帯の割合]; the name lacks the query's words.
      const hit = (await search('加入している世帯', ['INDICATOR'])).find((h) => h.node.id === 'indicator:5-1-1');
      expect(hit).toMatchObject({ field: 'definition', snippet: '全世帯のうち自治会に加入している世帯の割合' });
    });

    it('refuses blank text', async () => {
      const response = await api.server.query('{ search(text: "   ") { score } }');
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('SDG coverage', () => {
    type Coverage = {
      sdgCoverage: {
        departments: { id: string }[];
        sdgs: { id: string }[];
        cells: {
          department: { id: string };
          sdg: { number: number };
          measureCount: number;
          measures: { code: string }[];
        }[];
      };
    };
    const coverage = async (field?: number) => {
      const response = await api.server.query<Coverage>(
        'query ($field: Int) { sdgCoverage(field: $field) { departments { id } sdgs { id } cells { department { id } sdg { number } measureCount measures { code } } } }',
        { field: field ?? null },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.sdgCoverage;
    };

    it('lists every department and all 17 SDGs, and only non-empty cells', async () => {
      const matrix = await coverage();
      const departmentCount = (await api.db.gateway.readStatement(allByLabel(api.db.cypher, 'Department'))).length;
      expect(matrix.departments).toHaveLength(departmentCount);
      expect(matrix.sdgs).toHaveLength(17);
      expect(matrix.cells.length).toBeGreaterThan(0);
    });

    it('counts 市民活動推進課 × SDG 17 exactly as the canonical query does', async () => {
      const matrix = await coverage();
      const cell = matrix.cells.find(
        (c) => c.department.id === 'department:citizen-activity-promotion' && c.sdg.number === 17,
      );
      const canonical = await api.db.gateway.read('analytics/measures-for-sdg-and-department', {
        sdg: 17,
        department: 'department:citizen-activity-promotion',
      });
      expect(cell?.measureCount).toBe(canonical.length);
      expect(cell?.measures.map((m) => m.code)).toEqual(canonical.map((r) => new RowReader(r).string('code')));
    });

    it('narrows to one field: the measures of field 6 only, cell by cell as in the whole matrix', async () => {
      const field6 = await coverage(6);
      const measureCells = (matrix: Coverage['sdgCoverage'], keep: (code: string) => boolean) =>
        matrix.cells
          .map((c) => ({
            cell: `${c.department.id} × SDG ${c.sdg.number}`,
            codes: c.measures.map((m) => m.code).filter(keep),
          }))
          .filter((c) => c.codes.length > 0);
      const narrowed = measureCells(field6, () => true);
      expect(narrowed.length).toBeGreaterThan(0);
      expect(narrowed.flatMap((c) => c.codes).every((code) => code.startsWith('6-'))).toBe(true);
      // The same cells and measures as the unfiltered matrix restricted to field 6 (nothing lost, nothing added).
      expect(narrowed).toEqual(measureCells(await coverage(), (code) => code.startsWith('6-')));
      // 000: 6-2-5…6-2-7 belong to 行政管理課 and to an item of SDG 11.
      expect(narrowed).toContainEqual({
        cell: 'department:administrative-management × SDG 11',
        codes: ['6-2-5', '6-2-6', '6-2-7'],
      });
    });

    it('gives the same cells and counts when the measures are not selected (the counts-only statement)', async () => {
      type Counts = {
        sdgCoverage: {
          cells: {
            department: { id: string };
            sdg: { name: string };
            measureCount: number;
            reformSheetCount: number;
          }[];
        };
      };
      const cellsOf = '{ department { id } sdg { name } measureCount reformSheetCount }';
      // The whole matrix and every field's, the field numbers read from the graph: the counts-only statement
      // orders and reads its cells its own way (cypher/analytics/sdg-coverage-counts.cypher).
      const fields = (await api.db.gateway.readStatement(allByLabel(api.db.cypher, 'Field'))).map((row) =>
        new RowReader(row).map('node').number('number'),
      );
      expect(fields.length).toBeGreaterThan(1);
      for (const field of [null, ...fields]) {
        const counted = await api.server.query<Counts>(
          `query ($field: Int) { sdgCoverage(field: $field) { cells ${cellsOf} } }`,
          { field },
        );
        const listed = await api.server.query<Counts>(
          `query ($field: Int) { sdgCoverage(field: $field) { cells { ...C measures { code } } } }
           fragment C on CoverageCell ${cellsOf}`,
          { field },
        );
        expect(counted.errors).toBeUndefined();
        // A field none of whose items contributes to an SDG has no cell in either.
        if (field === null) expect(counted.data?.sdgCoverage.cells.length).toBeGreaterThan(0);
        const withoutMeasures = (listed.data?.sdgCoverage.cells ?? []).map(
          ({ department, sdg, measureCount, reformSheetCount }) => ({
            department,
            sdg,
            measureCount,
            reformSheetCount,
          }),
        );
        expect(counted.data?.sdgCoverage.cells).toEqual(withoutMeasures);
      }
      // 000: 市民活動推進課 answers for 9 measures of items tied to SDG 17 (the benchmark's Q1), counted alone.
      const whole = await api.server.query<Counts>(`{ sdgCoverage { cells ${cellsOf} } }`);
      const cell = whole.data?.sdgCoverage.cells.find(
        (c) => c.department.id === 'department:citizen-activity-promotion' && c.sdg.name.includes('パートナーシップ'),
      );
      expect(cell?.measureCount).toBe(9);
    });
  });

  describe('paths', () => {
    type Path = {
      length: number;
      steps: {
        relationship: string;
        from: { id: string };
        to: { id: string };
        source: { document: string; line: number } | null;
      }[];
    };
    const paths = (from: string, to: string, maxHops = 6) =>
      api.server.query<{ paths: Path[] }>(
        'query ($from: ID!, $to: ID!, $maxHops: Int) { paths(from: $from, to: $to, maxHops: $maxHops) { length steps { relationship from { id } to { id } source { document line } } } }',
        { from, to, maxHops },
      );

    it('explains a department to SDG 17 in three typed steps, with the lines asserting them', async () => {
      const response = await paths('department:citizen-activity-promotion', 'sdg:17');
      expect(response.errors).toBeUndefined();
      const [shortest] = response.data!.paths;
      expect(shortest?.length).toBe(3);
      // The department answers for indicator 5-1-1 (the reviewed owners file, which the step cites), the
      // indicator measures item 5-1 (001), and the item contributes to SDG 17 (000), as docs/analysts.md shows.
      expect(shortest?.steps.map((s) => s.relationship)).toEqual(['ANSWERS_FOR', 'MEASURED_BY', 'CONTRIBUTES_TO']);
      expect(shortest?.steps.map((s) => s.source?.document)).toEqual([
        'reference/indicator-owners.yaml',
        '001_ce2878ebb8c6f072.txt',
        '000_c612850dd0d0a3ba.txt',
      ]);
    });

    it('returns shortest paths first', async () => {
      const response = await paths('reform-sheet:1-6', 'linkage-plan:3');
      const lengths = response.data!.paths.map((p) => p.length);
      expect(lengths.length).toBeGreaterThan(0);
      expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    });

    it.each([[0], [9]])('refuses maxHops %p with BAD_USER_INPUT', async (maxHops) => {
      const response = await paths('sdg:1', 'sdg:17', maxHops);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('names an unknown end', async () => {
      const response = await paths('department:nowhere', 'sdg:17');
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/department:nowhere/);
    });
  });

  describe('neighbours', () => {
    it('lists adjacent nodes with relationship type and direction', async () => {
      const response = await api.server.query<{
        neighbours: { relationship: string; direction: string; node: { id: string } }[];
      }>('{ neighbours(id: "measure:5-1-1") { relationship direction node { id } } }');
      expect(response.errors).toBeUndefined();
      expect(response.data?.neighbours).toEqual(
        expect.arrayContaining([
          { relationship: 'HAS_MEASURE', direction: 'INCOMING', node: { id: 'policy-item:5-1' } },
          { relationship: 'RESPONSIBLE_FOR', direction: 'INCOMING', node: { id: 'department:crisis-management' } },
        ]),
      );
    });

    it('filters by relationship and refuses an unknown one', async () => {
      const only = await api.server.query<{ neighbours: { relationship: string }[] }>(
        '{ neighbours(id: "policy-item:5-1", relationship: "CONTRIBUTES_TO") { relationship } }',
      );
      // 000 line 25: the only SDG the draft sheet of 5-1 names is 17.
      expect(only.data?.neighbours).toEqual([{ relationship: 'CONTRIBUTES_TO' }]);
      const withEnds = await api.server.query<{ neighbours: { direction: string; node: { id: string } }[] }>(
        '{ neighbours(id: "policy-item:5-1", relationship: "CONTRIBUTES_TO") { direction node { id } } }',
      );
      expect(withEnds.data?.neighbours).toEqual([{ direction: 'OUTGOING', node: { id: 'sdg:17' } }]);
      const unknown = await api.server.query(
        '{ neighbours(id: "policy-item:5-1", relationship: "LIKES") { relationship } }',
      );
      expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
