import { encodeCursor } from '../../../src/read/page/cursor';
import { MAX_ANY_OF, MAX_FILTER_NESTING } from '../../../src/read/filter/filter-fields';
import { readSeedFile } from '../../../src/ingest/load/seed-file';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';

/**
 * Sorting, any-of / not / or / numeric filters and facet counts on the root connections, against the
 * seeded graph. Expected answers are read from seed/graph.json (what the documents say), independently of
 * the Cypher the service compiles.
 */
const seed = readSeedFile()?.graph;
if (seed === undefined) throw new Error('seed/graph.json is missing; run `npm run ingest`');
const byId = new Map(seed.nodes.map((n) => [n.id, n]));
const prop = (id: string, key: string) => (byId.get(id)?.properties as Record<string, unknown>)[key];
const targets = (type: string, from: string) =>
  seed.relationships.filter((r) => r.type === type && r.from === from).map((r) => r.to);
const sources = (type: string, to: string) =>
  seed.relationships.filter((r) => r.type === type && r.to === to).map((r) => r.from);
const itemOf = (measure: string) => sources('HAS_MEASURE', measure)[0] ?? '';
const sdgsOfItem = (item: string) => targets('CONTRIBUTES_TO', item).map((s) => prop(s, 'number'));

/** Measures (not deleted) of items contributing to SDG 11 or 16, as the documents link them. */
const sdg11or16 = seed.nodes
  .filter((n) => n.label === 'Measure' && prop(n.id, 'status') !== 'DELETED')
  .filter((n) => sdgsOfItem(itemOf(n.id)).some((s) => s === 11 || s === 16))
  .map((n) => n.id);
const STATUS_RANK: Record<string, number> = { NEW: 0, CHANGED: 1, UNCHANGED: 2, DELETED: 3 };
const code = (id: string) => String(prop(id, 'code'));
const sortKey = (id: string) => String(prop(id, 'sortKey'));
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface MeasurePage {
  measures: {
    totalCount: number;
    nodes: { code: string; name: string; status: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets?: {
      fields: { number: number; count: number }[];
      statuses: { status: string; count: number }[];
      sdgs: { number: number; count: number }[];
      departments: { name: string; count: number }[];
    };
  };
}

const MEASURES = `query ($filter: MeasureFilter, $orderBy: [MeasureOrder!], $first: Int, $after: String) {
  measures(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    nodes { code name status }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('analysts’ queries', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());

  describe('sorting', () => {
    const order = [{ field: 'STATUS' }, { field: 'NAME', direction: 'DESC' }];
    const expected = [...sdg11or16]
      .sort(
        (a, b) =>
          STATUS_RANK[String(prop(a, 'status'))]! - STATUS_RANK[String(prop(b, 'status'))]! ||
          compareText(String(prop(b, 'name')), String(prop(a, 'name'))) ||
          compareText(sortKey(a), sortKey(b)),
      )
      .map(code);

    it('lists the measures for SDGs [11, 16] newest changes first, then by name descending, with their total', async () => {
      expect(expected).toHaveLength(32);
      const response = await api.server.query<MeasurePage>(MEASURES, {
        filter: { sdgs: [11, 16] },
        orderBy: order,
        first: 8,
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.measures.totalCount).toBe(32);
      // 6-2-8 データの集積と活用の推進 is the one NEW measure (002 marks it 新規), then the CHANGED ones.
      expect(response.data?.measures.nodes[0]).toEqual({
        code: '6-2-8',
        name: 'データの集積と活用の推進',
        status: 'NEW',
      });
      expect(response.data?.measures.nodes.map((m) => m.code)).toEqual(expected.slice(0, 8));
    });

    it('walks every page of that order, each measure once, in order', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const response: Awaited<ReturnType<typeof api.server.query<MeasurePage>>> = await api.server.query<MeasurePage>(
          MEASURES,
          { filter: { sdgs: [11, 16] }, orderBy: order, first: 5, after },
        );
        expect(response.errors).toBeUndefined();
        const measures = response.data!.measures;
        seen.push(...measures.nodes.map((m) => m.code));
        if (!measures.pageInfo.hasNextPage) break;
        after = measures.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    });

    it('sorts codes numerically, 5-2 before 5-10, in either direction', async () => {
      const response = await api.server.query<{ policyItems: { nodes: { code: string }[] } }>(
        '{ policyItems(filter: {field: 6}, orderBy: [{field: CODE, direction: DESC}]) { nodes { code } } }',
      );
      const codes = response.data!.policyItems.nodes.map((i) => i.code);
      expect(codes.indexOf('6-10')).toBeLessThan(codes.indexOf('6-2'));
    });

    it('refuses a cursor made for another order, naming the argument', async () => {
      const first = await api.server.query<MeasurePage>(MEASURES, { filter: { sdgs: [11] }, orderBy: order, first: 2 });
      const cursor = first.data!.measures.pageInfo.endCursor;
      const response = await api.server.query<MeasurePage>(MEASURES, {
        filter: { sdgs: [11] },
        orderBy: [{ field: 'NAME' }],
        after: cursor,
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(response.errors?.[0]?.message).toMatch(
        /cursor of the order measures:STATUS.ASC,NAME.DESC.*orders by NAME ASC, then code/,
      );
      const plain = await api.server.query<MeasurePage>(MEASURES, {
        orderBy: [{ field: 'NAME' }],
        after: encodeCursor('05-01-01'),
      });
      expect(plain.errors?.[0]?.message).toMatch(/cursor of the default order \(code\)/);
    });

    it('keeps cursors of the default order (a plain sortKey) working, also for orderBy CODE ASC', async () => {
      for (const orderBy of [null, [{ field: 'CODE', direction: 'ASC' }]]) {
        const response = await api.server.query<MeasurePage>(MEASURES, {
          orderBy,
          first: 2,
          after: encodeCursor(sortKey('measure:5-1-2')),
        });
        expect(response.data?.measures.nodes.map((m) => m.code)).toEqual(['5-1-3', '5-1-4']);
      }
    });
  });

  describe('facets', () => {
    it('count the measures for SDGs [11, 16] by field, status, SDG and department, adding up to totalCount', async () => {
      const response = await api.server.query<MeasurePage>(
        `{ measures(filter: {sdgs: [11, 16]}, orderBy: [{field: NAME}], first: 3) {
             totalCount nodes { code }
             facets { fields { number count } statuses { status count } sdgs { number count } departments { name count } } } }`,
      );
      expect(response.errors).toBeUndefined();
      const { totalCount, facets } = response.data!.measures;
      const fieldOf = (m: string) => prop(itemOf(m), 'fieldNumber');
      expect(facets!.fields).toEqual([
        { number: 5, count: sdg11or16.filter((m) => fieldOf(m) === 5).length },
        { number: 6, count: sdg11or16.filter((m) => fieldOf(m) === 6).length },
      ]);
      expect(facets!.fields.reduce((sum, f) => sum + f.count, 0)).toBe(totalCount);
      expect(facets!.statuses.reduce((sum, s) => sum + s.count, 0)).toBe(totalCount);
      expect(facets!.sdgs.find((s) => s.number === 11)?.count).toBe(27);
      const crisis = sdg11or16.filter((m) => sources('RESPONSIBLE_FOR', m).includes('department:crisis-management'));
      expect(facets!.departments.find((d) => d.name === '危機管理課')?.count).toBe(crisis.length);
      // One statement answers the sorted, filtered, faceted page.
      expect((response.extensions?.cypher as { queries: number }).queries).toBe(1);
    });

    it('count reform sheets by grade over the whole set, graded and not', async () => {
      const response = await api.server.query<{
        reformSheets: { totalCount: number; facets: { evaluations: { evaluation: string | null; count: number }[] } };
      }>('{ reformSheets(first: 1) { totalCount facets { evaluations { evaluation count } } } }');
      const sheets = seed.nodes.filter((n) => n.label === 'ReformSheet');
      const graded = (g: string | null) => sheets.filter((s) => (prop(s.id, 'evaluation') ?? null) === g).length;
      expect(response.data?.reformSheets.facets.evaluations).toEqual([
        { evaluation: 'A', count: graded('A') },
        { evaluation: 'B', count: graded('B') },
        { evaluation: 'C', count: graded('C') },
        { evaluation: null, count: graded(null) },
      ]);
      expect(response.data?.reformSheets.totalCount).toBe(sheets.length);
    });
  });

  describe('filters', () => {
    it('finds C-graded sheets of areas 2 or 3 that support a measure of field 6', async () => {
      const response = await api.server.query<{ reformSheets: { totalCount: number; nodes: { code: string }[] } }>(
        '{ reformSheets(filter: {evaluations: ["C"], areas: [2, 3], measureFields: [6]}) { totalCount nodes { code } } }',
      );
      // From the sheets' 年度末評価 and 関連する施策: 2-1, 2-2, 2-8 (area 2), 3-4, 3-5 (area 3); 3-3 supports no measure.
      expect(response.data?.reformSheets).toEqual({
        totalCount: 5,
        nodes: ['2-1', '2-2', '2-8', '3-4', '3-5'].map((c) => ({ code: c })),
      });
    });

    it('finds indicators whose target is more than 50 % above the current value, biggest change first', async () => {
      const response = await api.server.query<{
        indicators: { totalCount: number; nodes: { id: string; name: string }[] };
      }>(
        `{ indicators(filter: {relativeChange: {gt: 0.5}}, orderBy: [{field: RELATIVE_CHANGE, direction: DESC}]) {
             totalCount nodes { id name } } }`,
      );
      const change = (id: string) => {
        const current = prop(id, 'current') as number | undefined;
        const target = prop(id, 'target') as number | undefined;
        return current === undefined || target === undefined || current === 0
          ? null
          : (target - current) / Math.abs(current);
      };
      const expected = seed.nodes
        .filter((n) => n.label === 'Indicator' && (change(n.id) ?? 0) > 0.5)
        .sort((a, b) => change(b.id)! - change(a.id)!)
        .map((n) => ({ id: n.id, name: String(prop(n.id, 'name')) }));
      // 5-6-2 オンラインによる交付手続利用件数 goes from 1 to 520.
      expect(expected[0]?.name).toBe('オンラインによる交付手続利用件数');
      expect(response.errors).toBeUndefined();
      expect(response.data?.indicators).toEqual({
        totalCount: expected.length,
        nodes: expected,
      });
    });

    it('excludes with not and unites with or', async () => {
      const response = await api.server.query<{ a: { totalCount: number }; b: { totalCount: number } }>(
        `{ a: measures(filter: {sdgs: [11], not: {fields: [5]}}) { totalCount }
           b: measures(filter: {or: [{departments: ["危機管理課"]}, {departments: ["市民活動推進課"]}]}) { totalCount } }`,
      );
      const listed = seed.nodes
        .filter((n) => n.label === 'Measure' && prop(n.id, 'status') !== 'DELETED')
        .map((n) => n.id);
      const of = (dept: string) => listed.filter((m) => sources('RESPONSIBLE_FOR', m).includes(dept));
      expect(response.data?.a.totalCount).toBe(sdg11or16.filter((m) => prop(itemOf(m), 'fieldNumber') !== 5).length);
      expect(response.data?.b.totalCount).toBe(
        new Set([...of('department:crisis-management'), ...of('department:citizen-activity-promotion')]).size,
      );
    });

    it('keeps today’s single-value keys working beside the lists', async () => {
      const response = await api.server.query<MeasurePage>(MEASURES, {
        filter: { sdg: 17, department: 'citizen activity division', sdgs: [17, 11] },
      });
      expect(response.data?.measures.totalCount).toBe(9);
    });
  });

  describe('bad input', () => {
    const refusal = async (filter: unknown) => {
      const response = await api.server.query(MEASURES, { filter });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return response.errors?.[0]?.message ?? '';
    };

    it('names the argument and the rule', async () => {
      expect(await refusal({ sdgs: [] })).toMatch(/sdgs: .*(rule arrayNotEmpty)/);
      expect(await refusal({ sdgs: [18] })).toMatch(/sdgs: .*(rule max)/);
      expect(await refusal({ policyItems: ['5-1', 'x'] })).toMatch(/policyItems: policyItems must hold codes/);
      const unknown = await api.server.query(MEASURES, { filter: { or: [{ departments: ['nowhere at all'] }] } });
      expect(unknown.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'filter.or.0.departments.0',
      });
      const indicators = await api.server.query('{ indicators(filter: {target: {}}) { totalCount } }');
      expect(indicators.errors?.[0]).toMatchObject({
        message: 'filter.target needs at least one of gt, gte, lt, lte',
        extensions: { code: 'BAD_USER_INPUT', argument: 'filter.target' },
      });
    });

    it(`refuses or/not nested deeper than ${MAX_FILTER_NESTING} and any-of lists longer than ${MAX_ANY_OF}`, async () => {
      let deep: Record<string, unknown> = { sdgs: [11] };
      for (let level = 0; level < MAX_FILTER_NESTING + 1; level += 1) deep = level % 2 ? { not: deep } : { or: [deep] };
      expect(await refusal(deep)).toMatch(
        /nests or\/not 4 deep; at most 3 levels are allowed \(rule maxFilterNesting\)/,
      );
      const many = Array.from({ length: 5000 }, (_, i) => (i % 17) + 1);
      expect(await refusal({ sdgs: many })).toMatch(/sdgs: sdgs must contain no more than 50 elements/);
    });

    it('keeps the front door’s limits: deep literal nesting and huge literal lists are refused before running', async () => {
      const nested = `{ measures(filter: ${'{or: ['.repeat(40)}{sdg: 1}${']}'.repeat(40)}) { totalCount } }`;
      const tooDeep = await api.server.query(nested);
      expect(tooDeep.errors?.[0]?.message).toMatch(/QUERY_MAX_NESTING/);
      const huge = `{ measures(filter: {sdgs: [${Array.from({ length: 3000 }, () => 11).join(', ')}]}) { totalCount } }`;
      const tooLong = await api.server.query(huge);
      expect(tooLong.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(tooLong.errors?.[0]?.message).toMatch(/token/i);
    });
  });

  describe('nested connections', () => {
    const CITIZEN_MEASURES = `query ($after: String) {
      department(ref: "市民活動推進課") {
        measuresConnection(first: 3, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } }
      }
    }`;
    interface CitizenPage {
      department: {
        measuresConnection: {
          totalCount: number;
          nodes: { code: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    }

    it('page all of 市民活動推進課’s measures, each once, in code order', async () => {
      const expected = targets('RESPONSIBLE_FOR', 'department:citizen-activity-promotion')
        .filter((m) => prop(m, 'status') !== 'DELETED')
        .sort((a, b) => compareText(sortKey(a), sortKey(b)))
        .map(code);
      expect(expected).toHaveLength(11);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const response: Awaited<ReturnType<typeof api.server.query<CitizenPage>>> = await api.server.query<CitizenPage>(
          CITIZEN_MEASURES,
          { after },
        );
        expect(response.errors).toBeUndefined();
        const connection = response.data!.department.measuresConnection;
        expect(connection.totalCount).toBe(11);
        seen.push(...connection.nodes.map((m) => m.code));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    });

    it('count each reform area’s C-graded sheets in one request', async () => {
      const response = await api.server.query<{
        reformAreas: { number: number; sheetsConnection: { totalCount: number; nodes: { code: string }[] } }[];
      }>('{ reformAreas { number sheetsConnection(filter: {evaluations: ["C"]}) { totalCount nodes { code } } } }');
      expect(response.errors).toBeUndefined();
      const graded = seed.nodes.filter((n) => n.label === 'ReformSheet' && prop(n.id, 'evaluation') === 'C');
      for (const area of response.data!.reformAreas) {
        const expected = graded.filter((s) => prop(s.id, 'areaNumber') === area.number).map((s) => code(s.id));
        expect(area.sheetsConnection.nodes.map((s) => s.code).sort()).toEqual(expected.sort());
        expect(area.sheetsConnection.totalCount).toBe(expected.length);
      }
    });

    it('count every SDG’s and linkage plan’s policy items, batched', async () => {
      const response = await api.server.query<{
        sdgs: { id: string; policyItemsConnection: { totalCount: number } }[];
        linkagePlans: { id: string; policyItemsConnection: { totalCount: number } }[];
      }>(
        `{ sdgs { id policyItemsConnection(first: 1) { totalCount } }
           linkagePlans { id policyItemsConnection(first: 1, orderBy: [{field: MEASURE_COUNT, direction: DESC}]) { totalCount } } }`,
      );
      expect(response.errors).toBeUndefined();
      for (const sdg of response.data!.sdgs) {
        expect(sdg.policyItemsConnection.totalCount).toBe(sources('CONTRIBUTES_TO', sdg.id).length);
      }
      for (const plan of response.data!.linkagePlans) {
        const items = new Set(targets('HAS_INITIATIVE', plan.id).flatMap((i) => targets('TARGETS', i)));
        expect(plan.policyItemsConnection.totalCount).toBe(items.size);
      }
    });

    it('answer every department’s page and count from one statement (no N+1)', async () => {
      const response = await api.server.query<{
        departments: { id: string; measuresConnection: { totalCount: number; nodes: { code: string }[] } }[];
      }>('{ departments { id measuresConnection(first: 2, orderBy: [{field: NAME}]) { totalCount nodes { code } } } }');
      expect(response.errors).toBeUndefined();
      const departments = response.data!.departments;
      for (const d of departments) {
        const listed = targets('RESPONSIBLE_FOR', d.id).filter((m) => prop(m, 'status') !== 'DELETED');
        expect(d.measuresConnection.totalCount).toBe(listed.length);
        expect(d.measuresConnection.nodes.length).toBe(Math.min(2, listed.length));
      }
      // The department list, then one statement for all 46 pages.
      expect((response.extensions?.cypher as { queries: number }).queries).toBeLessThanOrEqual(2);
    });

    it('give a parent with nothing matching empty facet counts, as over any empty set (not null)', async () => {
      const response = await api.server.query<{
        departments: { id: string; measuresConnection: { totalCount: number; facets: { sdgs: unknown[] } | null } }[];
      }>('{ departments { id measuresConnection(first: 1) { totalCount facets { sdgs { number count } } } } }');
      expect(response.errors).toBeUndefined();
      const empty = response.data!.departments.filter((d) => d.measuresConnection.totalCount === 0);
      // Departments answering for no measure exist in the documents (secretariats, committees).
      const withoutMeasures = response.data!.departments.filter(
        (d) => targets('RESPONSIBLE_FOR', d.id).filter((m) => prop(m, 'status') !== 'DELETED').length === 0,
      );
      expect(empty.map((d) => d.id)).toEqual(withoutMeasures.map((d) => d.id));
      expect(empty.length).toBeGreaterThan(0);
      for (const d of empty) expect(d.measuresConnection.facets).toEqual({ sdgs: [] });
    });
  });
});
