import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken } from '../../../src/platform/auth/mint-token';
import { codeBlocks, documentationFiles } from '../../helpers/markdown-docs';
import { deleteRecords, openTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/**
 * Where people look for outlooks: the `outlook` filter and facet (computed in Cypher:
 * cypher/fragments/indicator/outlook-status) and the progress summary's outlook counts (computed by
 * src/write/outlook-of.ts), each held to `Indicator.outlook` for every indicator, after results recorded
 * through the API that give every status. Baselines and targets as 001 prints them; years FY2021 → FY2027
 * (seed/reference/outlook.yaml).
 */
const SECRET = 'outlook-filter-test-secret-0123456789abcdef';

const RECORD_RESULT = `mutation($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id }
}`;
const RETRACT = `mutation($id: ID!, $reason: String!) { retractRecord(id: $id, reason: $reason) { id } }`;

const STATUSES = [
  'TARGET_ACHIEVED',
  'ON_TRACK',
  'NEEDS_ACCELERATION',
  'LIMITED_PROGRESS',
  'DETERIORATION',
  'NOT_ASSESSED',
] as const;

/** Results recorded before every test, and the outlook each gives (worked out by hand in outlook.int.test.ts). */
const RECORDED: readonly { indicator: string; fiscalYear: number; value: number }[] = [
  // 自治会の加入率 82.31 ▶▶ 85.00: ratio 1.042, ON_TRACK.
  { indicator: 'indicator:5-1-1', fiscalYear: 2023, value: 83.2 },
  { indicator: 'indicator:5-1-1', fiscalYear: 2024, value: 83.7 },
  // NPO法人登録数 43 ▶▶ 50: needed (50/43)^(1/6) − 1 = 0.025456; observed (45.7/43)^(1/3) − 1 = 0.020507;
  // ratio 0.806, NEEDS_ACCELERATION.
  { indicator: 'indicator:5-1-2', fiscalYear: 2024, value: 45.7 },
  // 刑法犯認知件数 475 ▶▶ 470: 469 reaches the target on its side, TARGET_ACHIEVED.
  { indicator: 'indicator:5-4-1', fiscalYear: 2025, value: 469 },
  // 経常収支比率 ▶▶ 92.7 %以内: 93.1 breaks the ceiling, DETERIORATION.
  { indicator: 'indicator:6-5-1', fiscalYear: 2023, value: 93.1 },
  // 20代・30代の転入超過人口, a net outflow of 108 (printed 108, its sign judged in seed/reference/outlook.yaml)
  // ▶▶ 0: linear, ratio 0.5, LIMITED_PROGRESS (FY2024's value is retracted below).
  { indicator: 'indicator:6-5-4', fiscalYear: 2023, value: -90 },
  { indicator: 'indicator:6-5-4', fiscalYear: 2024, value: -200 },
  // 市民提案型事業数 — ▶▶ 2: no baseline, NOT_ASSESSED.
  { indicator: 'indicator:5-1-3', fiscalYear: 2024, value: 1 },
];

interface Listed {
  indicators: {
    totalCount: number;
    nodes: { id: string; outlook: { status: string } }[];
    facets?: { outlooks: { status: string; count: number }[] };
  };
}

describe('outlook filter, facet and summary counts', () => {
  let db: TestDatabase;
  let api: TestServer;
  /** Every indicator's status as `Indicator.outlook` gives it, by id. */
  let statusOf: Map<string, string>;

  const read = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const response = await api.query<T>(query, variables);
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error('no data');
    return response.data;
  };
  const idsWhere = (keep: (status: string) => boolean) =>
    [...statusOf].filter(([, status]) => keep(status)).map(([id]) => id);
  const listed = async (filter: Record<string, unknown>) =>
    (
      await read<Listed>(
        'query($filter: IndicatorFilter) { indicators(filter: $filter, first: 100) { nodes { id } } }',
        { filter },
      )
    ).indicators.nodes.map((node) => node.id);

  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    const admin = { authorization: `Bearer ${await mintToken(SECRET, { sub: 'boss', role: 'admin' })}` };
    await deleteRecords(db.driver);
    for (const input of RECORDED) {
      expect((await api.query(RECORD_RESULT, { input }, admin)).errors).toBeUndefined();
    }
    const retracted = await api.query(RETRACT, { id: 'indicator-result:6-5-4:2024:r1', reason: '集計誤り' }, admin);
    expect(retracted.errors).toBeUndefined();
    const all = await read<Listed>('{ indicators(first: 100) { nodes { id outlook { status } } } }');
    statusOf = new Map(all.indicators.nodes.map((node) => [node.id, node.outlook.status]));
  });
  afterAll(async () => {
    await deleteRecords(db.driver);
    await api.stop();
    await db.close();
  });

  it('gives every status once the results are recorded, as worked out by hand', () => {
    expect(Object.fromEntries([...statusOf].filter(([, status]) => status !== 'NOT_ASSESSED'))).toEqual({
      'indicator:5-1-1': 'ON_TRACK',
      'indicator:5-1-2': 'NEEDS_ACCELERATION',
      'indicator:5-4-1': 'TARGET_ACHIEVED',
      'indicator:6-5-1': 'DETERIORATION',
      'indicator:6-5-4': 'LIMITED_PROGRESS',
    });
    // The other 22 of the documents' 27 indicators have no result (or, 5-1-3, no baseline).
    expect(statusOf.size).toBe(27);
  });

  it.each(STATUSES)('filter { outlook: [%s] } lists exactly the indicators whose outlook says so', async (status) => {
    expect(await listed({ outlook: [status] })).toEqual(idsWhere((s) => s === status));
    expect(await listed({ outlookAll: [status] })).toEqual(idsWhere((s) => s === status));
    expect(await listed({ outlookNone: [status] })).toEqual(idsWhere((s) => s !== status));
  });

  it('combines with other conditions, `or` and `not`, and pages like any filter', async () => {
    const missing = ['NEEDS_ACCELERATION', 'LIMITED_PROGRESS', 'DETERIORATION'];
    expect(await listed({ outlook: missing })).toEqual(['indicator:5-1-2', 'indicator:6-5-1', 'indicator:6-5-4']);
    expect(await listed({ outlook: missing, fields: [6] })).toEqual(['indicator:6-5-1', 'indicator:6-5-4']);
    expect(await listed({ or: [{ outlook: ['ON_TRACK'] }, { ids: ['indicator:6-1-1'] }] })).toEqual([
      'indicator:5-1-1',
      'indicator:6-1-1',
    ]);
    expect(await listed({ not: { outlook: ['NOT_ASSESSED'] } })).toEqual(idsWhere((s) => s !== 'NOT_ASSESSED'));
    const page = await read<{ indicators: { totalCount: number; nodes: { id: string }[] } }>(
      '{ indicators(filter: { outlook: [NOT_ASSESSED] }, first: 5) { totalCount nodes { id } } }',
    );
    expect(page.indicators.totalCount).toBe(22);
    expect(page.indicators.nodes.map((n) => n.id)).toEqual(idsWhere((s) => s === 'NOT_ASSESSED').slice(0, 5));
  });

  it('filters a nested connection the same way (one statement for every policy item)', async () => {
    const data = await read<{ policyItems: { nodes: { code: string; indicatorsConnection: Listed['indicators'] }[] } }>(
      `{ policyItems(filter: { fields: [5, 6] }, first: 100) { nodes { code
          indicatorsConnection(filter: { outlook: [ON_TRACK, LIMITED_PROGRESS] }) { totalCount nodes { id } } } } }`,
    );
    const found = data.policyItems.nodes.flatMap((item) => item.indicatorsConnection.nodes.map((n) => n.id));
    expect(found).toEqual(['indicator:5-1-1', 'indicator:6-5-4']);
  });

  it('counts outlooks in the facet as Indicator.outlook gives them, adding up to totalCount', async () => {
    const data = await read<Listed>(
      '{ indicators(filter: { fields: [5] }, first: 100) { totalCount nodes { id outlook { status } } facets { outlooks { status count } } } }',
    );
    const tally = new Map<string, number>();
    for (const node of data.indicators.nodes) tally.set(node.outlook.status, (tally.get(node.outlook.status) ?? 0) + 1);
    const facet = data.indicators.facets?.outlooks ?? [];
    expect(new Map(facet.map((bucket) => [bucket.status, bucket.count]))).toEqual(tally);
    expect(facet.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(data.indicators.totalCount);
    expect(facet.map((bucket) => bucket.status)).toEqual([...facet.map((bucket) => bucket.status)].sort());
  });

  it('counts outlooks in progressSummary overall and per field, department, SDG and policy item', async () => {
    const counts = 'outlooks { status count indicators { id } } indicators';
    const data = await read<{ progressSummary: Record<string, unknown> }>(
      `{ progressSummary(fiscalYear: 2024) {
          overall { ${counts} }
          fields { field { number } ${counts} }
          departments { department { id } ${counts} }
          sdgs { sdg { number } ${counts} }
          policyItems { policyItem { code } ${counts} }
        } }`,
    );
    type Counts = { indicators: number; outlooks: { status: string; count: number; indicators: { id: string }[] }[] };
    const summary = data.progressSummary as { overall: Counts } & Record<
      'fields' | 'departments' | 'sdgs' | 'policyItems',
      Counts[]
    >;
    const check = (group: Counts) => {
      expect(group.outlooks.map((o) => o.status)).toEqual([...STATUSES]);
      expect(group.outlooks.reduce((sum, o) => sum + o.count, 0)).toBe(group.indicators);
      for (const o of group.outlooks) {
        expect(o.indicators).toHaveLength(o.count);
        for (const { id } of o.indicators) expect(statusOf.get(id)).toBe(o.status);
      }
    };
    check(summary.overall);
    expect(summary.overall.indicators).toBe(27);
    for (const group of [...summary.fields, ...summary.departments, ...summary.sdgs, ...summary.policyItems])
      check(group);
    // Every indicator is in exactly one policy item and one field.
    expect(summary.policyItems.reduce((sum, item) => sum + item.indicators, 0)).toBe(27);
    expect(summary.fields.reduce((sum, field) => sum + field.indicators, 0)).toBe(27);
    // The SDGs listed are those of the indicators' policy items: none of the documents' uncovered ones.
    const sdgs = (summary.sdgs as (Counts & { sdg: { number: number } })[]).map((group) => group.sdg.number);
    expect(sdgs).toEqual([...sdgs].sort((a, b) => a - b));
    for (const uncovered of [1, 2, 6, 7, 13, 14, 15]) expect(sdgs).not.toContain(uncovered);
    const item51 = (summary.policyItems as (Counts & { policyItem: { code: string } })[]).find(
      (group) => group.policyItem.code === '5-1',
    );
    expect(item51?.outlooks.filter((o) => o.count > 0).map((o) => [o.status, o.count])).toEqual([
      ['ON_TRACK', 1],
      ['NEEDS_ACCELERATION', 1],
      ['NOT_ASSESSED', (item51?.indicators ?? 0) - 2],
    ]);
  });

  it("answers the analysts' guide's question as the guide shows, with these results recorded", async () => {
    const blocks = codeBlocks(documentationFiles().find((file) => file.path === 'docs/analysts.md')!);
    const at = blocks.findIndex((block) => block.code.includes('query TargetsMissedAtTodaysPace'));
    const answer = blocks.slice(at + 1).find((block) => block.language === 'json');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(await read(blocks[at]!.code)).toEqual(JSON.parse(answer?.code ?? 'null'));
  });

  it('refuses a status that does not exist, naming it', async () => {
    const response = await api.query('{ indicators(filter: { outlook: [SOON] }) { totalCount } }');
    expect(response.errors?.[0]?.message).toMatch(/SOON/);
  });
});
