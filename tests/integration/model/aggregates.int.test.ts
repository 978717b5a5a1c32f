import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken } from '../../../src/platform/auth/mint-token';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../helpers/test-server';

type Figures = { min: number | null; max: number | null; average: number | null; sum: number | null };
const SECRET = 'aggregates-test-secret-0123456789abcdef';

/** Statements the request ran, as the cost report says. */
function statementsOf(response: GraphQLResponse): number {
  return (response.extensions?.cypher as { queries: number }).queries;
}

/** The same figures computed by Cypher directly, over the indicators `match` binds as `n`. */
async function cypherFigures(db: TestDatabase, match: string, property: string): Promise<Figures & { count: number }> {
  const session = db.driver.session({ defaultAccessMode: 'READ' });
  try {
    const result = await session.run(
      `${match} WITH DISTINCT n RETURN count(n) AS count, min(n.${property}) AS min, max(n.${property}) AS max,
         avg(n.${property}) AS average, CASE count(n.${property}) WHEN 0 THEN null ELSE sum(n.${property}) END AS sum`,
    );
    const record = result.records[0];
    const number = (key: string) => {
      const value: unknown = record?.get(key);
      return value === null || value === undefined ? null : Number(value);
    };
    return {
      count: number('count') ?? 0,
      min: number('min'),
      max: number('max'),
      average: number('average'),
      sum: number('sum'),
    };
  } finally {
    await session.close();
  }
}

const close = (figures: Figures) => ({
  min: figures.min,
  max: figures.max,
  average: figures.average === null ? null : (expect.closeTo(figures.average, 9) as number),
  sum: figures.sum === null ? null : (expect.closeTo(figures.sum, 9) as number),
});

describe('aggregate on connections', () => {
  let db: TestDatabase;
  let api: TestServer;
  const cleanRecords = async () => {
    const session = db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  };
  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
  });
  afterAll(async () => {
    await cleanRecords();
    await api.stop();
    await db.close();
  });

  it("SDG 11's indicators: count, current and target over the whole filtered set, in one statement", async () => {
    const response = await api.query<{
      indicators: {
        totalCount: number;
        nodes: unknown[];
        aggregate: { count: number; current: Figures; target: Figures };
      };
    }>(`{ indicators(filter: { sdgs: [11] }, first: 1) { totalCount nodes { id }
          aggregate { count current { min max average sum } target { min max average sum } } } }`);
    expect(response.errors).toBeUndefined();
    expect(statementsOf(response)).toBe(1);
    const answer = response.data?.indicators;
    const match = 'MATCH (:Sdg {number: 11})<-[:CONTRIBUTES_TO]-(:PolicyItem)-[:MEASURED_BY]->(n:Indicator)';
    const current = await cypherFigures(db, match, 'current');
    const target = await cypherFigures(db, match, 'target');
    expect(answer?.nodes).toHaveLength(1);
    expect(answer?.aggregate.count).toBe(answer?.totalCount);
    expect(answer?.totalCount).toBe(current.count);
    expect(answer?.aggregate.current).toEqual(close(current));
    expect(answer?.aggregate.target).toEqual(close(target));
    // Pinned as the Cypher above reads the seeded graph: 12 indicators of SDG 11, current values −108 (6-5-4, a
    // net outflow: seed/reference/outlook.yaml) to 48,340 (sum 52,609), targets 0–60,000 (sum 66,811.4).
    expect(answer?.totalCount).toBe(12);
    expect(answer?.aggregate.current).toMatchObject({ min: -108, max: 48340, sum: 52609 });
    expect(answer?.aggregate.target).toMatchObject({ min: 0, max: 60000, sum: expect.closeTo(66811.4, 6) as number });
  });

  it('nested: every policy item’s indicatorsConnection aggregates its own indicators, one statement per question', async () => {
    const response = await api.query<{
      policyItems: {
        nodes: {
          code: string;
          indicatorsConnection: { totalCount: number; aggregate: { count: number; current: Figures } };
        }[];
      };
    }>(`{ policyItems(first: 100) { nodes { code indicatorsConnection(first: 1) { totalCount
          aggregate { count current { min max average sum } } } } } }`);
    expect(response.errors).toBeUndefined();
    const items = response.data?.policyItems.nodes ?? [];
    expect(items.length).toBeGreaterThan(10);
    let withValues = 0;
    for (const item of items) {
      const expected = await cypherFigures(
        db,
        `MATCH (:PolicyItem {code: '${item.code}'})-[:MEASURED_BY]->(n:Indicator)`,
        'current',
      );
      const connection = item.indicatorsConnection;
      expect({ code: item.code, count: connection.aggregate.count, total: connection.totalCount }).toEqual({
        code: item.code,
        count: expected.count,
        total: expected.count,
      });
      expect(connection.aggregate.current).toEqual(close(expected));
      if (expected.min !== null) withValues += 1;
    }
    expect(withValues).toBeGreaterThan(0);
  });

  it('a page read only for its counts (its statement lists no items) keeps its total, figures and pageInfo', async () => {
    const response = await api.query<{
      counts: { totalCount: number; aggregate: { count: number } };
      more: { pageInfo: { hasNextPage: boolean } };
      skipped: { totalCount: number; nodes?: unknown };
      items: { policyItemsConnection: { totalCount: number } | null }[];
    }>(`{ counts: indicators(filter: { sdgs: [11] }, first: 1) { totalCount aggregate { count } }
          more: indicators(filter: { sdgs: [11] }, first: 1) { pageInfo { hasNextPage } }
          skipped: indicators(filter: { sdgs: [11] }, first: 1) { totalCount nodes @include(if: false) { id } }
          items: sdgs { policyItemsConnection(first: 1) { totalCount } } }`);
    expect(response.errors).toBeUndefined();
    // 12 indicators of SDG 11 (pinned in the first test); SDG 11 has policy items of its own.
    expect(response.data?.counts).toEqual({ totalCount: 12, aggregate: { count: 12 } });
    expect(response.data?.more).toEqual({ pageInfo: { hasNextPage: true } });
    expect(response.data?.skipped).toEqual({ totalCount: 12 });
    const session = db.driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.run(
        'MATCH (s:Sdg) RETURN s.number AS number, count { (s)<-[:CONTRIBUTES_TO]-(:PolicyItem) } AS items ORDER BY number',
      );
      const expected = result.records.map((record) => ({
        policyItemsConnection: { totalCount: Number(record.get('items')) },
      }));
      expect(response.data?.items).toEqual(expected);
    } finally {
      await session.close();
    }
  });

  it('answers the same totals and figures whether the page lists its items or only counts them', async () => {
    // Two statement shapes: a page that lists items sorts and slices its set; one read only for its counts
    // aggregates the set as it matches it (src/read/page/compile-counts-page.ts), one subquery per parent.
    const question = (items: string) => `{
      departments { name measuresConnection(filter: { sdgs: [17] }) { ${items} totalCount
        aggregate { count number { min max average sum } departmentCount { min max average sum } } } }
      sdgs { number policyItemsConnection(filter: { detailed: true }) { ${items} totalCount
        aggregate { count measureCount { min max average sum } } } } }`;
    type Answer = {
      departments: { name: string; measuresConnection: { totalCount: number; nodes?: unknown } }[];
      sdgs: { number: number; policyItemsConnection: { totalCount: number; nodes?: unknown } }[];
    };
    const counted = await api.query<Answer>(question(''));
    const listed = await api.query<Answer>(question('nodes { id }'));
    expect(counted.errors).toBeUndefined();
    expect(listed.errors).toBeUndefined();
    // Averages may differ in the last bits: the two shapes add the same values in different orders.
    const comparable = (answer: Answer | null | undefined) =>
      JSON.parse(
        JSON.stringify(answer, (key, value: unknown) =>
          key === 'nodes' ? undefined : typeof value === 'number' ? Number(value.toPrecision(12)) : value,
        ),
      ) as Answer;
    expect(comparable(counted.data)).toEqual(comparable(listed.data));
    // Both kinds of parent are asked: some with nothing in the filtered set, some with something.
    const totals = (counted.data?.departments ?? []).map((d) => d.measuresConnection.totalCount);
    expect(totals.filter((total) => total === 0).length).toBeGreaterThan(0);
    expect(totals.filter((total) => total > 0).length).toBeGreaterThan(0);
    expect(statementsOf(counted)).toBe(2);
  });

  it('answers null figures for a set without values, and count 0 for an empty set', async () => {
    const response = await api.query<{ none: { totalCount: number; aggregate: { count: number; current: Figures } } }>(
      '{ none: indicators(filter: { sdgs: [11], not: { sdgs: [11] } }) { totalCount aggregate { count current { min max average sum } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.none).toEqual({
      totalCount: 0,
      aggregate: { count: 0, current: { min: null, max: null, average: null, sum: null } },
    });
  });

  it('aggregates recorded values and achievement rates of a fiscal year as Indicator.progress computes them', async () => {
    await cleanRecords();
    const page = await api.query<{
      indicators: {
        nodes: { id: string; current: number | null; target: number | null; targetBound: string | null }[];
      };
    }>('{ indicators(first: 100) { nodes { id current target targetBound } } }');
    const nodes = page.data?.indicators.nodes ?? [];
    // One indicator of each rule: from baseline to target, an upper bound (以内/以下), a lower bound (以上).
    const chosen = [
      ...nodes
        .filter((n) => n.targetBound === null && n.current !== null && n.target !== null && n.current !== n.target)
        .slice(0, 3),
      ...nodes.filter((n) => n.targetBound === '以内' || n.targetBound === '以下').slice(0, 1),
      ...nodes.filter((n) => n.targetBound === '以上').slice(0, 1),
    ];
    expect(chosen.length).toBeGreaterThanOrEqual(3);
    const admin = { authorization: `Bearer ${await mintToken(SECRET, { sub: 'boss', role: 'admin' })}` };
    for (const [at, node] of chosen.entries()) {
      const base = node.current ?? node.target ?? 0;
      const value = base + ((node.target ?? 0) - base) * [0.37, 1.2, -0.25, 0, 0][at]! + (at >= 3 ? 1 : 0);
      const recorded = await api.query(
        'mutation($input: RecordIndicatorResultInput!) { recordIndicatorResult(input: $input) { id } }',
        { input: { indicator: node.id, fiscalYear: 2024, value } },
        admin,
      );
      expect(recorded.errors).toBeUndefined();
    }
    const response = await api.query<{
      indicators: {
        nodes: { progress: { value: number; achievementRate: number | null } | null }[];
        aggregate: { count: number; value: Figures; achievementRate: Figures; other: Figures };
      };
    }>(
      `query ($ids: [ID!]) { indicators(filter: { ids: $ids }) { nodes { progress(fiscalYear: 2024) { value achievementRate } }
         aggregate { count value(fiscalYear: 2024) { min max average sum }
           achievementRate(fiscalYear: 2024) { min max average sum } other: achievementRate(fiscalYear: 2023) { min max } } } }`,
      { ids: chosen.map((n) => n.id) },
    );
    expect(response.errors).toBeUndefined();
    const progress = (response.data?.indicators.nodes ?? []).map((n) => n.progress);
    const values = progress.map((p) => p?.value).filter((v): v is number => typeof v === 'number');
    const rates = progress.map((p) => p?.achievementRate).filter((v): v is number => typeof v === 'number');
    expect(values).toHaveLength(chosen.length);
    expect(rates.length).toBeGreaterThan(0);
    const figures = (list: number[]) => {
      const sum = list.reduce((a, b) => a + b, 0);
      return {
        min: Math.min(...list),
        max: Math.max(...list),
        average: expect.closeTo(sum / list.length, 9) as number,
        sum: expect.closeTo(sum, 9) as number,
      };
    };
    expect(response.data?.indicators.aggregate.count).toBe(chosen.length);
    expect(response.data?.indicators.aggregate.value).toEqual(figures(values));
    expect(response.data?.indicators.aggregate.achievementRate).toEqual(figures(rates));
    expect(response.data?.indicators.aggregate.other).toEqual({ min: null, max: null });
  });
});
