import { openApi, type ApiFixture } from '../../helpers/api-fixture';

type Total = { totalCount: number; nodes: { code: string }[] };

/**
 * All-of and none-of beside any-of on list filters (`sdgs`, `sdgsAll`, `sdgsNone` …) and `and` beside `or`
 * and `not`, each answer checked against Cypher written here, straight on the seeded graph.
 */
describe('all-of and none-of list filters', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());

  async function cypherCodes(statement: string): Promise<string[]> {
    const session = api.db.driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.run(statement);
      return result.records.map((record) => String(record.get('code')));
    } finally {
      await session.close();
    }
  }

  async function measures(filter: string): Promise<Total> {
    const response = await api.server.query<{ measures: Total }>(
      `{ measures(filter: ${filter}, first: 100) { totalCount nodes { code } } }`,
    );
    expect(response.errors).toBeUndefined();
    return response.data?.measures ?? { totalCount: -1, nodes: [] };
  }

  const codes = (page: Total) => page.nodes.map((node) => node.code).sort();

  it('sdgsAll: measures touching both SDG 11 and SDG 17, as Cypher finds them', async () => {
    const expected = await cypherCodes(
      `MATCH (i:PolicyItem)-[:HAS_MEASURE]->(m:Measure) WHERE m.status <> 'DELETED'
         AND EXISTS { (i)-[:CONTRIBUTES_TO]->(:Sdg {number: 11}) } AND EXISTS { (i)-[:CONTRIBUTES_TO]->(:Sdg {number: 17}) }
       RETURN m.code AS code`,
    );
    const both = await measures('{ sdgsAll: [11, 17] }');
    expect(expected.length).toBeGreaterThan(0);
    expect(both.totalCount).toBe(expected.length);
    expect(codes(both)).toEqual([...expected].sort());
    // The same set through `and`; any-of (`sdgs`) keeps its meaning and finds more.
    const viaAnd = await measures('{ and: [{ sdgs: [11] }, { sdgs: [17] }] }');
    expect(codes(viaAnd)).toEqual(codes(both));
    const either = await measures('{ sdgs: [11, 17] }');
    expect(either.totalCount).toBeGreaterThan(both.totalCount);
  });

  it('sdgsNone: measures touching none of SDGs 11 and 17, the complement of any-of', async () => {
    const all = await measures('{}');
    const either = await measures('{ sdgs: [11, 17] }');
    const neither = await measures('{ sdgsNone: [11, 17] }');
    expect(neither.totalCount).toBe(all.totalCount - either.totalCount);
    const expected = await cypherCodes(
      `MATCH (i:PolicyItem)-[:HAS_MEASURE]->(m:Measure) WHERE m.status <> 'DELETED'
         AND NOT EXISTS { (i)-[:CONTRIBUTES_TO]->(s:Sdg) WHERE s.number IN [11, 17] }
       RETURN m.code AS code`,
    );
    expect(neither.totalCount).toBe(expected.length);
  });

  it('departmentsAll: measures answered by both 市民活動推進課 and 危機管理課 (5-1-1 among them)', async () => {
    const expected = await cypherCodes(
      `MATCH (m:Measure) WHERE m.status <> 'DELETED'
         AND EXISTS { (:Department {name: '市民活動推進課'})-[:RESPONSIBLE_FOR]->(m) }
         AND EXISTS { (:Department {name: '危機管理課'})-[:RESPONSIBLE_FOR]->(m) }
       RETURN m.code AS code`,
    );
    const both = await measures('{ departmentsAll: ["市民活動推進課", "crisis management division"] }');
    expect(codes(both)).toEqual([...expected].sort());
    expect(codes(both)).toContain('5-1-1');
  });

  it('evaluationsNone on reform sheets and fieldsAll on policy items, nested connections too', async () => {
    const response = await api.server.query<{
      all: { totalCount: number };
      graded: { totalCount: number };
      ungraded: { totalCount: number };
      sdg: { policyItemsConnection: Total; policyItems: { code: string; field: { number: number } }[] };
    }>(`{ all: reformSheets { totalCount } graded: reformSheets(filter: { evaluations: ["C"] }) { totalCount }
          ungraded: reformSheets(filter: { evaluationsNone: ["C"] }) { totalCount }
          sdg(number: 11) { policyItems { code field { number } }
            policyItemsConnection(filter: { fieldsNone: [5] }) { totalCount nodes { code } } } }`);
    expect(response.errors).toBeUndefined();
    const data = response.data;
    expect(data?.graded.totalCount).toBeGreaterThan(0);
    expect(data?.ungraded.totalCount).toBe((data?.all.totalCount ?? 0) - (data?.graded.totalCount ?? 0));
    const outsideField5 = (data?.sdg.policyItems ?? []).filter((item) => item.field.number !== 5).map((i) => i.code);
    expect(data?.sdg.policyItemsConnection.totalCount).toBe(outsideField5.length);
    expect(data?.sdg.policyItemsConnection.nodes.map((n) => n.code)).toEqual(outsideField5.slice(0, 50));
  });

  it('reformSheets, reformSheetsAll, reformSheetsNone: measures by the sheets supporting them (a declared filter)', async () => {
    // 003 line 218: sheet 1-6 (市作成刊行物の多言語配信の充実) supports 国際交流の推進, measure 5-2-5. A code is read
    // trimmed, as every code filter reads it.
    expect(codes(await measures('{ reformSheets: [" 1-6 "] }'))).toEqual(['5-2-5']);
    const supported = (quantifier: 'ANY' | 'ALL') =>
      cypherCodes(
        `MATCH (m:Measure) WHERE m.status <> 'DELETED'
           AND ${quantifier === 'ANY' ? 'any' : 'all'}(code IN ['1-1', '1-21'] WHERE EXISTS { (:ReformSheet {code: code})-[:SUPPORTS]->(m) })
         RETURN m.code AS code`,
      );
    const either = await measures('{ reformSheets: ["1-1", "1-21"] }');
    const anyExpected = await supported('ANY');
    expect(anyExpected.length).toBeGreaterThan(1);
    expect(codes(either)).toEqual([...anyExpected].sort());
    const both = await measures('{ reformSheetsAll: ["1-1", "1-21"] }');
    expect(codes(both)).toEqual([...(await supported('ALL'))].sort());
    expect(both.totalCount).toBeLessThan(either.totalCount);
    const neither = await measures('{ reformSheetsNone: ["1-1", "1-21"] }');
    expect(neither.totalCount).toBe((await measures('{}')).totalCount - either.totalCount);
  });

  it('refuses a reform-sheet code of the wrong shape, naming the field and the shape', async () => {
    const response = await api.server.query('{ measures(filter: { reformSheets: ["sheet 1"] }) { totalCount } }');
    expect(response.errors?.[0]?.message).toMatch(/reformSheets must hold codes such as 1-6/);
  });

  it('refuses an empty all-of list like an empty any-of list', async () => {
    const response = await api.server.query('{ measures(filter: { sdgsAll: [] }) { totalCount } }');
    expect(response.errors?.[0]?.message).toMatch(/sdgsAll/);
  });
});
