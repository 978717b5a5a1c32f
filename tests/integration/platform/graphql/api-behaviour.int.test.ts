import type { RELATIONSHIP_TYPES } from '../../../../src/graph/graph-model';
import { MAX_BODY_BYTES } from '../../../../src/server';
import { openApi, type ApiFixture } from '../../../helpers/api-fixture';
import { startTestServer } from '../../../helpers/test-server';

interface Page {
  measures: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { code: string }[];
  };
}

describe('the GraphQL API', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await openApi();
  });
  afterAll(() => api.close());

  describe('department references', () => {
    const ask = (ref: string) =>
      api.server.query<{ department: { id: string; name: string } | null }>(
        'query ($ref: String!) { department(ref: $ref) { id name } }',
        { ref },
      );

    it.each([
      ['department:citizen-activity-promotion'],
      ['市民活動推進課'],
      ['Citizen Activity Promotion Division'],
      ['citizen activity promotion division'],
      ['citizen activity division'],
    ])('finds 市民活動推進課 from %p', async (ref) => {
      const response = await ask(ref);
      expect(response.errors).toBeUndefined();
      expect(response.data?.department?.name).toBe('市民活動推進課');
    });

    it('names the closest candidates when nothing matches', async () => {
      const response = await ask('citizen activities bureau of fun');
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/no department matches/);
      expect(response.errors?.[0]?.message).toContain('市民活動推進課');
    });

    it('lists the candidates when several match', async () => {
      const response = await ask('division');
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/ambiguous/);
    });

    it('gives the same measures for the English words and the Japanese name, with totalCount', async () => {
      const query = 'query ($d: String!) { measures(filter: {sdg: 17, department: $d}) { totalCount nodes { id } } }';
      const en = await api.server.query<{ measures: { totalCount: number; nodes: { id: string }[] } }>(query, {
        d: 'citizen activity division',
      });
      const ja = await api.server.query<{ measures: { totalCount: number; nodes: { id: string }[] } }>(query, {
        d: '市民活動推進課',
      });
      expect(en.data?.measures.totalCount).toBe(9);
      expect(en.data).toEqual(ja.data);
    });
  });

  describe('pagination', () => {
    const page = (after: string | null) =>
      api.server.query<Page>(
        'query ($after: String) { measures(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { code } } }',
        { after },
      );

    it('walks every measure once, in numeric code order, matching totalCount', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let total = -1;
      for (let pages = 0; pages < 20; pages++) {
        const response: Awaited<ReturnType<typeof page>> = await page(after);
        expect(response.errors).toBeUndefined();
        const measures = response.data!.measures;
        total = measures.totalCount;
        seen.push(...measures.nodes.map((n) => n.code));
        if (!measures.pageInfo.hasNextPage) break;
        after = measures.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(total).toBe(49);
      const numeric = (code: string) => code.split('-').map(Number);
      const sorted = [...seen].sort((a, b) => {
        const [x, y] = [numeric(a), numeric(b)];
        return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
      });
      expect(seen).toEqual(sorted);
    });

    it.each([[0], [101]])('refuses first: %p with BAD_USER_INPUT before running anything', async (first) => {
      const response = await api.server.query(`{ measures(first: ${first}) { totalCount } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((response.extensions?.cypher as { queries: number }).queries).toBe(0);
    });

    it('refuses a cursor it did not make', async () => {
      const response = await api.server.query('{ measures(after: "not-a-cursor") { totalCount } }');
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/not a cursor/);
    });
  });

  it('answers null, not an error, for a missing single object', async () => {
    const response = await api.server.query(
      '{ measure(code: "9-9-9") { id } policyItem(code: "9-9") { id } node(id: "sdg:99") { id } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ measure: null, policyItem: null, node: null });
  });

  it('finds Japanese substrings in names and descriptions, width-folded', async () => {
    const q = 'query ($t: String!) { measures(filter: {text: $t}) { nodes { code } } }';
    const half = await api.server.query<{ measures: { nodes: { code: string }[] } }>(q, { t: 'ICT' });
    const full = await api.server.query<{ measures: { nodes: { code: string }[] } }>(q, { t: 'ＩＣＴ' });
    expect(half.data?.measures.nodes.length).toBeGreaterThan(0);
    expect(full.data).toEqual(half.data);
    const bousai = await api.server.query<{ measures: { nodes: { code: string }[] } }>(q, { t: '防災' });
    expect(bousai.data?.measures.nodes.map((n) => n.code)).toContain('5-3-2');
  });

  it('resolves a wide nested read in at most 8 statements (no N+1)', async () => {
    const response = await api.server.query(
      '{ fields { policyItems { measures { departments { reformSheets { code } } } sdgs { number } } } }',
    );
    expect(response.errors).toBeUndefined();
    const cost = response.extensions?.cypher as { queries: number; dbMs: number };
    expect(cost.queries).toBeLessThanOrEqual(8);
    expect(cost.dbMs).toBeGreaterThan(0);
  });

  it('refuses a query nested deeper than the limit, naming the depth', async () => {
    const response = await api.server.query(
      '{ fields { policyItems { measures { policyItem { measures { policyItem { measures { policyItem { code } } } } } } } } }',
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toMatch(/nested 9 levels deep; the limit is 8 \(QUERY_MAX_DEPTH\)/);
  });

  it('refuses a query whose estimated cost is over the budget', async () => {
    const response = await api.server.query(
      '{ a: measures(first: 100) { nodes { sdgs { measures { departments { measures { code } } } } } } }',
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.extensions?.limit).toBe('QUERY_MAX_COST');
  });

  it('reports an argument of the wrong type as GRAPHQL_VALIDATION_FAILED, naming the problem', async () => {
    const response = await api.server.query('{ measures(filter: {sdg: "seventeen"}) { totalCount } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/Int cannot represent/);
  });

  it('rejects an out-of-range filter value through validation, naming the argument', async () => {
    const response = await api.server.query('{ measures(filter: {sdg: 18}) { totalCount } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(response.errors?.[0])).toMatch(/sdg/);
  });

  it('refuses a request body over the size limit with 413 before parsing it', async () => {
    const response = await fetch(`${api.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }${' '.repeat(MAX_BODY_BYTES)}` }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('turns introspection off when configured, still answering queries', async () => {
    const closed = await startTestServer(api.db.gateway, { introspection: false });
    try {
      const introspection = await closed.query('{ __schema { queryType { name } } }');
      expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      const plain = await closed.query<{ sdg: { number: number } }>('{ sdg(number: 17) { number } }');
      expect(plain.data?.sdg.number).toBe(17);
    } finally {
      await closed.stop();
    }
  });

  it('walks every relationship of the graph model from both of its ends', async () => {
    // One field per direction per relationship type; each must return something on the real graph.
    const walks: Record<keyof typeof RELATIONSHIP_TYPES, [string, string]> = {
      HAS_ITEM: ['{ fields { policyItems { code } } }', '{ policyItem(code: "5-1") { field { number } } }'],
      HAS_MEASURE: [
        '{ policyItem(code: "5-1") { measures { code } } }',
        '{ measure(code: "5-1-1") { policyItem { code } } }',
      ],
      CONTRIBUTES_TO: [
        '{ policyItem(code: "5-1") { sdgs { number } } }',
        '{ sdg(number: 17) { policyItems { code } } }',
      ],
      MEASURED_BY: [
        '{ policyItem(code: "6-1") { indicators { name } } }',
        '{ indicators(first: 1) { nodes { policyItem { code } } } }',
      ],
      HAS_PROJECT: [
        '{ policyItem(code: "6-1") { projects { name } } }',
        '{ policyItem(code: "6-1") { projects { policyItem { code } } } }',
      ],
      HAS_RELATED_PLAN: [
        '{ policyItem(code: "5-1") { relatedPlans { name } } }',
        '{ policyItem(code: "5-1") { relatedPlans { policyItem { code } } } }',
      ],
      ANSWERS_FOR: [
        '{ department(ref: "行政管理課") { indicators { id } } }',
        '{ node(id: "indicator:6-2-2") { ... on Indicator { owners { department { name } } } } }',
      ],
      RESPONSIBLE_FOR: [
        '{ department(ref: "危機管理課") { measures { code } } }',
        '{ measure(code: "5-1-1") { departments { name } } }',
      ],
      EXECUTES: [
        '{ department(ref: "企画課") { reformSheets(role: EXECUTING) { code } } }',
        '{ reformSheet(code: "2-18") { departments { name } } }',
      ],
      PARTNERS_ON: [
        '{ department(ref: "情報システム課") { reformSheets(role: PARTNER) { code } } }',
        '{ reformSheet(code: "1-15") { partners { name } } }',
      ],
      IN_AREA: ['{ reformSheet(code: "1-6") { area { number } } }', '{ reformAreas { sheets { code } } }'],
      SUPPORTS: [
        '{ reformSheet(code: "1-6") { measures { code } } }',
        '{ measure(code: "5-2-5") { reformSheets { code } } }',
      ],
      HAS_INITIATIVE: [
        '{ linkagePlan(number: 3) { initiatives { name } } }',
        '{ linkagePlan(number: 3) { initiatives { plan { number } } } }',
      ],
      TARGETS: [
        '{ linkagePlan(number: 3) { initiatives { policyItems { code } } } }',
        '{ policyItem(code: "5-1") { initiatives { name } } }',
      ],
    };
    const empty: string[] = [];
    for (const [type, queries] of Object.entries(walks)) {
      for (const query of queries) {
        const response = await api.server.query(query);
        expect(response.errors).toBeUndefined();
        const text = JSON.stringify(response.data);
        if (text.includes('[]') || text.includes('null')) empty.push(`${type}: ${query} → ${text}`);
      }
    }
    expect(empty).toEqual([]);
  });
});
