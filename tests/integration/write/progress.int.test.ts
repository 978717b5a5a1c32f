import { readFileSync } from 'node:fs';
import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken, type TokenClaims } from '../../../src/platform/auth/mint-token';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../helpers/test-server';

/**
 * Progress of the outcome indicators against the real graph, from results recorded through the API. The
 * baselines (現状値) and targets (目標値) are those printed in 001 (lines 62–696); departments answer for an
 * indicator as Indicator.owners says (ANSWERS_FOR, from seed/reference/indicator-owners.yaml).
 */
const SECRET = 'progress-test-secret-0123456789abcdef';

const RECORD_RESULT = `mutation($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id revision }
}`;
const RETRACT = `mutation($id: ID!, $reason: String!) { retractRecord(id: $id, reason: $reason) { id } }`;
const PROGRESS = `query($item: String!, $year: Int) {
  indicators(filter: { policyItem: $item }) {
    nodes { id name currentText targetText direction progress(fiscalYear: $year) { fiscalYear value achievementRate grade rule } }
  }
}`;
const COUNTS = 'indicators grades { grade count } notGradable noResult';
const SUMMARY = `query($year: Int!) {
  progressSummary(fiscalYear: $year) {
    fiscalYear
    overall { ${COUNTS} }
    fields { field { number name } ${COUNTS} }
    departments { department { id name } ${COUNTS} }
  }
}`;

interface Progress {
  fiscalYear: number;
  value: number;
  achievementRate: number | null;
  grade: string | null;
  rule: string;
}
interface IndicatorRead {
  id: string;
  name: string;
  currentText: string | null;
  targetText: string | null;
  direction: string;
  progress: Progress | null;
}
interface Counts {
  indicators: number;
  grades: { grade: string; count: number }[];
  notGradable: number;
  noResult: number;
}

/** seed/graph.json, read directly: the facts the summary must agree with. */
interface SeedGraph {
  nodes: { id: string; label: string; properties: { code?: string; name?: string } }[];
  relationships: { type: string; from: string; to: string }[];
}
const seed = JSON.parse(readFileSync('seed/graph.json', 'utf8')) as SeedGraph;
const seedIndicators = seed.nodes.filter((n) => n.label === 'Indicator');
const fieldOf = (indicatorId: string): string => {
  const item = seed.relationships.find((r) => r.type === 'MEASURED_BY' && r.to === indicatorId)?.from;
  const field = seed.relationships.find((r) => r.type === 'HAS_ITEM' && r.to === item)?.from;
  if (!field) throw new Error(`${indicatorId} has no field in seed/graph.json`);
  return field;
};
const departmentsOf = (indicatorId: string): string[] =>
  seed.relationships.filter((r) => r.type === 'ANSWERS_FOR' && r.to === indicatorId).map((r) => r.from);

/** What a group's counts must be, given the progress of each of its indicators as Indicator.progress says. */
function tally(progresses: (Progress | null)[]): Counts {
  return {
    indicators: progresses.length,
    grades: ['S', 'A', 'B', 'C', 'D'].map((grade) => ({
      grade,
      count: progresses.filter((p) => p?.grade === grade).length,
    })),
    notGradable: progresses.filter((p) => p !== null && p.grade === null).length,
    noResult: progresses.filter((p) => p === null).length,
  };
}

describe('progress of the outcome indicators', () => {
  let db: TestDatabase;
  let api: TestServer;
  const bearer = async (claims: TokenClaims) => ({ authorization: `Bearer ${await mintToken(SECRET, claims)}` });
  const admin = () => bearer({ sub: 'boss', role: 'admin' });
  const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

  const cleanRecords = async () => {
    const session = db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  };
  const record = async (
    headers: Record<string, string>,
    indicator: string,
    fiscalYear: number,
    value: number,
    expectedRevision?: number,
  ) => {
    const response = await api.query(
      RECORD_RESULT,
      { input: { indicator, fiscalYear, value, expectedRevision } },
      headers,
    );
    expect(response.errors).toBeUndefined();
  };
  const indicator = async (id: string, year: number | null): Promise<IndicatorRead> => {
    const item = id.replace(/^indicator:(\d+-\d+)-\d+$/, '$1');
    const response = await api.query<{ indicators: { nodes: IndicatorRead[] } }>(PROGRESS, { item, year });
    expect(response.errors).toBeUndefined();
    const found = response.data?.indicators.nodes.find((n) => n.id === id);
    if (!found) throw new Error(`${id} not listed under policy item ${item}`);
    return found;
  };

  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
  });
  beforeEach(cleanRecords);
  afterAll(async () => {
    await cleanRecords();
    await api.stop();
    await db.close();
  });

  it('grades an indicator to bring up, end to end: 5-1-1 自治会の加入率, recorded by 市民活動推進課', async () => {
    await record(
      await bearer({ sub: 'sato', role: 'editor', departments: ['市民活動推進課'] }),
      'indicator:5-1-1',
      2024,
      84.5,
    );
    const read = await indicator('indicator:5-1-1', 2024);
    // 001 line 62: 82.31 % ▶▶ 85.00 %. (84.5 − 82.31) / (85.00 − 82.31) = 2.19 / 2.69 = 0.8141… → 81.4 %,
    // which is at least 80 and below 100: grade A.
    expect(read).toMatchObject({
      name: '自治会の加入率',
      currentText: '82.31 %',
      targetText: '85.00 %',
      direction: 'INCREASE',
    });
    expect(read.progress).toEqual({
      fiscalYear: 2024,
      value: 84.5,
      achievementRate: 81.4,
      grade: 'A',
      rule: 'BASELINE_TO_TARGET',
    });
  });

  it('grades an indicator to bring down, end to end: 5-4-1 刑法犯認知件数, from its latest revision not retracted', async () => {
    const crisis = await bearer({ sub: 'kiki', role: 'editor', departments: ['危機管理課'] });
    await record(crisis, 'indicator:5-4-1', 2024, 472);
    const first = await indicator('indicator:5-4-1', 2024);
    // 001 line 249: 475 件 ▶▶ 470 件. (472 − 475) / (470 − 475) = −3 / −5 = 0.6 → 60 %: grade B.
    expect(first).toMatchObject({ currentText: '475 件', targetText: '470 件', direction: 'DECREASE' });
    expect(first.progress).toMatchObject({ value: 472, achievementRate: 60, grade: 'B' });

    // A second revision: (469 − 475) / (470 − 475) = 1.2 → 120 %, beyond the target: S.
    await record(crisis, 'indicator:5-4-1', 2024, 469, 1);
    expect((await indicator('indicator:5-4-1', 2024)).progress).toMatchObject({
      value: 469,
      achievementRate: 120,
      grade: 'S',
    });

    // Retracted, the first revision counts again; a rise is away from the target: (480 − 475) / −5 = −100 %: D.
    await api.query(RETRACT, { id: 'indicator-result:5-4-1:2024:r2', reason: '集計誤り' }, crisis);
    expect((await indicator('indicator:5-4-1', 2024)).progress).toMatchObject({ value: 472, grade: 'B' });
    await record(crisis, 'indicator:5-4-1', 2023, 480);
    expect((await indicator('indicator:5-4-1', 2023)).progress).toMatchObject({ achievementRate: -100, grade: 'D' });
  });

  it('reads the latest year with a result when no fiscal year is given, and null for a year without one', async () => {
    const editor = await bearer({ sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
    await record(editor, 'indicator:5-1-1', 2023, 83);
    await record(editor, 'indicator:5-1-1', 2025, 85);
    // 2025: (85 − 82.31) / 2.69 = 1 → 100 %: S.
    expect((await indicator('indicator:5-1-1', null)).progress).toMatchObject({
      fiscalYear: 2025,
      achievementRate: 100,
      grade: 'S',
    });
    await api.query(RETRACT, { id: 'indicator-result:5-1-1:2025:r1', reason: '未確定' }, editor);
    // 2023: (83 − 82.31) / 2.69 = 0.2565… → 25.7 %: C.
    expect((await indicator('indicator:5-1-1', null)).progress).toMatchObject({
      fiscalYear: 2023,
      achievementRate: 25.7,
      grade: 'C',
    });
    expect((await indicator('indicator:5-1-1', 2025)).progress).toBeNull();
    expect((await indicator('indicator:5-1-2', null)).progress).toBeNull();
  });

  it('grades every recorded year in Indicator.results as Indicator.progress grades that year', async () => {
    const editor = await bearer({ sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
    await record(editor, 'indicator:5-1-1', 2023, 83);
    await record(editor, 'indicator:5-1-1', 2024, 84);
    await record(editor, 'indicator:5-1-1', 2025, 85);
    await api.query(RETRACT, { id: 'indicator-result:5-1-1:2025:r1', reason: '未確定' }, editor);
    const response = await api.query<{
      node: { results: { fiscalYear: number; progress: Progress | null }[] };
    }>(
      `{ node(id: "indicator:5-1-1") { ... on Indicator {
        results { fiscalYear progress { fiscalYear value achievementRate grade rule } }
      } } }`,
    );
    expect(response.errors).toBeUndefined();
    const years = response.data?.node.results ?? [];
    // (value − 82.31) / (85 − 82.31): 83 → 25.7 % C, 84 → 62.8 % B; 2025's only revision was retracted.
    expect(years.map((year) => [year.fiscalYear, year.progress?.achievementRate, year.progress?.grade])).toEqual([
      [2023, 25.7, 'C'],
      [2024, 62.8, 'B'],
      [2025, undefined, undefined],
    ]);
    for (const year of years) {
      expect(year.progress).toEqual((await indicator('indicator:5-1-1', year.fiscalYear)).progress);
    }
  });

  it('gives a result it cannot grade no rate and no grade, and says why: 5-1-3 市民提案型事業数 (— ▶▶ 2 件)', async () => {
    await record(await admin(), 'indicator:5-1-3', 2024, 1);
    expect((await indicator('indicator:5-1-3', 2024)).progress).toEqual({
      fiscalYear: 2024,
      value: 1,
      achievementRate: null,
      grade: null,
      rule: 'NO_BASELINE',
    });
  });

  it('lets the departments of Indicator.owners record, not those of the measure of the same code', async () => {
    // 6-5-1 経常収支比率 answers to 財政課 (計画的な財政運営, 001 line 725; 002 line 406); the measure of the same
    // code, 自主財源の確保, is 課税課's among others, which may no longer record it.
    const finance = await bearer({ sub: 'zaisei', role: 'editor', departments: ['財政課'] });
    await record(finance, 'indicator:6-5-1', 2024, 91.5);
    const tax = await bearer({ sub: 'kazei', role: 'editor', departments: ['課税課'] });
    const refused = await api.query(
      RECORD_RESULT,
      { input: { indicator: 'indicator:6-5-1', fiscalYear: 2023, value: 90 } },
      tax,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
    // 6-2-2 高ストレス: 行政管理課 (職員の健康管理), not 財政課 (民間委託等の推進, the same code).
    const refusedFinance = await api.query(
      RECORD_RESULT,
      { input: { indicator: 'indicator:6-2-2', fiscalYear: 2024, value: 10.5 } },
      finance,
    );
    expect(codeOf(refusedFinance)).toBe('FORBIDDEN');
    await record(
      await bearer({ sub: 'gyokan', role: 'editor', departments: ['行政管理課'] }),
      'indicator:6-2-2',
      2024,
      10.5,
    );
  });

  it('lets record the departments lines name, and nobody an indicator no line gives an owner', async () => {
    // 6-2-1 職員提案制度件数: the reform sheet 職員提案制度の活性化 is run by 企画課 (003 lines 771-775), whom no
    // row of the measure names; 行政管理課 (the measure's row, 002 line 159) keeps the right.
    const planning = await bearer({ sub: 'kikaku', role: 'editor', departments: ['企画課'] });
    await record(planning, 'indicator:6-2-1', 2024, 6);
    await record(
      await bearer({ sub: 'gyokan', role: 'editor', departments: ['行政管理課'] }),
      'indicator:6-2-1',
      2025,
      7,
    );
    // 6-4-2 マイナンバーカードの交付率: no line names who issues the card, so no row department may record it.
    for (const department of ['市民活動推進課', 'スポーツ推進課', '課税課', '市民課']) {
      const editor = await bearer({ sub: `e-${department}`, role: 'editor', departments: [department] });
      const refused = await api.query(
        RECORD_RESULT,
        { input: { indicator: 'indicator:6-4-2', fiscalYear: 2024, value: 70 } },
        editor,
      );
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toContain('owner is unconfirmed');
    }
    // 6-1-1 市ホームページへのアクセス数: the website's sheet names 広報課 alone (003 line 114).
    const secretariat = await bearer({ sub: 'hisho', role: 'editor', departments: ['秘書課'] });
    const refusedWebsite = await api.query(
      RECORD_RESULT,
      { input: { indicator: 'indicator:6-1-1', fiscalYear: 2024, value: 3000000 } },
      secretariat,
    );
    expect(codeOf(refusedWebsite)).toBe('FORBIDDEN');

    const response = await api.query<{
      unconfirmed: { nodes: { id: string; ownerConfirmed: boolean; owners: unknown[] }[] };
      confirmed: { totalCount: number };
      all: { totalCount: number };
      proposals: {
        nodes: { owners: { basis: string; department: { name: string }; evidence: { line: number }[] }[] }[];
      };
    }>(`{
      unconfirmed: indicators(filter: { ownerConfirmed: false }) { nodes { id ownerConfirmed owners { basis } } }
      confirmed: indicators(filter: { ownerConfirmed: true }) { totalCount }
      all: indicators { totalCount }
      proposals: indicators(filter: { ids: ["indicator:6-2-1"] }) { nodes { owners { basis department { name } evidence { line } } } }
    }`);
    expect(response.errors).toBeUndefined();
    const unconfirmedInSeed = seedIndicators.filter((i) => departmentsOf(i.id).length === 0).map((i) => i.id);
    expect(response.data?.unconfirmed.nodes).toEqual(
      unconfirmedInSeed.map((id) => ({ id, ownerConfirmed: false, owners: [] })),
    );
    expect(unconfirmedInSeed).toContain('indicator:6-4-2');
    expect(response.data?.confirmed.totalCount).toBe((response.data?.all.totalCount ?? 0) - unconfirmedInSeed.length);
    expect(response.data?.proposals.nodes[0]?.owners).toEqual([
      { basis: 'MEASURE_ROW', department: { name: '行政管理課' }, evidence: [{ line: 538 }, { line: 159 }] },
      {
        basis: 'NAMED_BY_LINE',
        department: { name: '企画課' },
        evidence: [538, 771, 772, 775, 778].map((line) => ({ line })),
      },
    ]);
  });

  it('records a year before the plan period where the documents print its actual, and says so', async () => {
    // 003 line 778: 職員提案 提案件数 令和4年度は4件. 企画課 records R4 (2022) for 6-2-1; it reads as before the plan.
    const planning = await bearer({ sub: 'kikaku', role: 'editor', departments: ['企画課'] });
    await record(planning, 'indicator:6-2-1', 2022, 4);
    const read = await api.query<{
      indicators: {
        nodes: { results: { fiscalYear: number; beforePlanPeriod: boolean; current: { value: number } }[] }[];
      };
    }>(
      `{ indicators(filter: { ids: ["indicator:6-2-1"] }) { nodes { results { fiscalYear beforePlanPeriod current { value } } } } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.indicators.nodes[0]?.results.find((year) => year.fiscalYear === 2022)).toEqual({
      fiscalYear: 2022,
      beforePlanPeriod: true,
      current: { value: 4 },
    });
    // No document prints 6-2-2's R4, and no indicator's R3 or earlier may be recorded: a client's mistake, named.
    const admin = await bearer({ sub: 'boss', role: 'admin' });
    for (const [indicator, fiscalYear] of [
      ['indicator:6-2-2', 2022],
      ['indicator:6-2-1', 2021],
    ] as const) {
      const refused = await api.query(RECORD_RESULT, { input: { indicator, fiscalYear, value: 4 } }, admin);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(/fiscalYear/);
    }
  });

  it('lists and counts the indicators of one department (IndicatorFilter.department, progressSummary(department:))', async () => {
    await record(await admin(), 'indicator:6-5-1', 2024, 91.5); // a ceiling kept: 100 % → S
    const response = await api.query<{
      indicators: { nodes: { id: string; owners: { basis: string; department: { name: string } }[] }[] };
      byName: { totalCount: number };
      progressSummary: { overall: Counts; departments: { department: { name: string } }[] };
    }>(`{
      indicators(filter: { department: "財政課" }) { nodes { id owners { basis department { name } } } }
      byName: indicators(filter: { departments: ["finance division", "行政管理課"] }) { totalCount }
      progressSummary(fiscalYear: 2024, department: "財政課") {
        overall { ${COUNTS} }
        departments { department { name } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const data = response.data;
    expect(data?.indicators.nodes.map((n) => n.id)).toEqual(['indicator:6-5-1', 'indicator:6-5-2', 'indicator:6-5-3']);
    expect(data?.indicators.nodes[0]?.owners).toEqual([{ basis: 'MEASURE_ROW', department: { name: '財政課' } }]);
    // 財政課's three and 行政管理課's 6-2-1, 6-2-2 and 6-3-2 (the last by its policy item); not 6-3-1, whose
    // row gives 行政管理課 the staff's training, not the pupils (seed/reference/indicator-owners.yaml).
    expect(data?.byName.totalCount).toBe(6);
    expect(data?.progressSummary.overall).toMatchObject({ indicators: 3, noResult: 2, notGradable: 0 });
    expect(data?.progressSummary.overall.grades.find((g) => g.grade === 'S')?.count).toBe(1);
    expect(data?.progressSummary.departments.map((d) => d.department.name)).toEqual(['財政課']);

    const tooLong = await api.query(`{ indicators(filter: { department: "${'課'.repeat(101)}" }) { totalCount } }`);
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    const unknown = await api.query('{ progressSummary(fiscalYear: 2024, department: "存在しない課") { fiscalYear } }');
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toContain('department');
  });

  it('counts every indicator once per field and department in the summary, as Indicator.progress grades it', async () => {
    const boss = await admin();
    await record(boss, 'indicator:5-1-1', 2024, 84.5); // 81.4 % → A
    await record(boss, 'indicator:5-4-1', 2024, 472); // 60 % → B
    await record(boss, 'indicator:5-5-2', 2024, 33); // 36 件 ▶▶ 30 件 (line 299): (33 − 36) / −6 = 50 % → B, the boundary
    await record(boss, 'indicator:6-5-1', 2024, 91); // 92.7 %以内 (line 693) kept → 100 → S
    await record(boss, 'indicator:6-5-4', 2024, -120); // −108 人 ▶▶ 0 人 (line 696): (−120 + 108) / 108 = −11.1 % → D
    await record(boss, 'indicator:5-1-3', 2024, 1); // no baseline: not gradable
    await record(boss, 'indicator:5-1-2', 2023, 50); // another year: no result in 2024

    const summary = await api.query<{
      progressSummary: {
        fiscalYear: number;
        overall: Counts;
        fields: ({ field: { number: number; name: string } } & Counts)[];
        departments: ({ department: { id: string; name: string } } & Counts)[];
      };
    }>(SUMMARY, { year: 2024 });
    expect(summary.errors).toBeUndefined();
    const { overall, fields, departments } = summary.data?.progressSummary ?? { fields: [], departments: [] };

    expect(overall).toEqual({
      indicators: seedIndicators.length,
      grades: [
        { grade: 'S', count: 1 },
        { grade: 'A', count: 1 },
        { grade: 'B', count: 2 },
        { grade: 'C', count: 0 },
        { grade: 'D', count: 1 },
      ],
      notGradable: 1,
      noResult: seedIndicators.length - 6,
    });

    // Each indicator's own progress, read through Indicator.progress, is what the groups must add up from.
    const all = await api.query<{ indicators: { nodes: { id: string; progress: Progress | null }[] } }>(
      `{ indicators(first: 100) { nodes { id progress(fiscalYear: 2024) { fiscalYear value achievementRate grade rule } } } }`,
    );
    const progressById = new Map(all.data?.indicators.nodes.map((n) => [n.id, n.progress]));
    expect(progressById.size).toBe(seedIndicators.length);

    const fieldIds = [...new Set(seedIndicators.map((i) => fieldOf(i.id)))].sort();
    expect(fields.map((f) => `field:${f.field.number}`)).toEqual(fieldIds);
    for (const { field, ...counts } of fields) {
      const members = seedIndicators.filter((i) => fieldOf(i.id) === `field:${field.number}`);
      expect(counts).toEqual(tally(members.map((i) => progressById.get(i.id) ?? null)));
      expect(counts.grades.reduce((sum, g) => sum + g.count, 0) + counts.notGradable + counts.noResult).toBe(
        counts.indicators,
      );
    }
    expect(fields.reduce((sum, f) => sum + f.indicators, 0)).toBe(seedIndicators.length);

    const departmentIds = new Set(seedIndicators.flatMap((i) => departmentsOf(i.id)));
    expect(new Set(departments.map((d) => d.department.id))).toEqual(departmentIds);
    for (const { department, ...counts } of departments) {
      const members = seedIndicators.filter((i) => departmentsOf(i.id).includes(department.id));
      expect(counts).toEqual(tally(members.map((i) => progressById.get(i.id) ?? null)));
    }
    // 危機管理課 answers for 5-1-1, 5-3-1, 5-3-2, 5-4-1, 5-4-2, 5-5-1 and 5-5-2 (000 lines 55–351).
    expect(departments.find((d) => d.department.name === '危機管理課')).toMatchObject({
      indicators: 7,
      grades: [
        { grade: 'S', count: 0 },
        { grade: 'A', count: 1 },
        { grade: 'B', count: 2 },
        { grade: 'C', count: 0 },
        { grade: 'D', count: 0 },
      ],
      notGradable: 0,
      noResult: 4,
    });
  });

  it('lists with every count the indicators it counts, in code order, as Indicator.progress grades them', async () => {
    const boss = await admin();
    await record(boss, 'indicator:5-1-1', 2024, 84.5); // 81.4 % → A
    await record(boss, 'indicator:5-4-1', 2024, 472); // 60 % → B
    await record(boss, 'indicator:5-5-2', 2024, 33); // 50 % → B
    await record(boss, 'indicator:6-5-4', 2024, -120); // −11.1 % → D
    await record(boss, 'indicator:5-1-3', 2024, 1); // no baseline: not gradable

    const LISTS = 'grades { grade count indicators { id } } notGradableIndicators { id } noResultIndicators { id }';
    interface Lists {
      grades: { grade: string; count: number; indicators: { id: string }[] }[];
      notGradableIndicators: { id: string }[];
      noResultIndicators: { id: string }[];
    }
    const summary = await api.query<{
      progressSummary: {
        overall: Lists;
        fields: ({ field: { number: number } } & Lists)[];
        departments: ({ department: { id: string } } & Lists)[];
      };
    }>(
      `query($year: Int!) { progressSummary(fiscalYear: $year) {
        overall { ${LISTS} } fields { field { number } ${LISTS} } departments { department { id } ${LISTS} }
      } }`,
      { year: 2024 },
    );
    expect(summary.errors).toBeUndefined();
    const all = await api.query<{ indicators: { nodes: { id: string; progress: Progress | null }[] } }>(
      `{ indicators(first: 100) { nodes { id progress(fiscalYear: 2024) { fiscalYear value achievementRate grade rule } } } }`,
    );
    const progressById = new Map(all.data?.indicators.nodes.map((n) => [n.id, n.progress]));
    /** The lists a group must hold: its members (seed order is code order) split as Indicator.progress says. */
    const expectedLists = (members: string[]) => {
      const ids = (keep: (p: Progress | null) => boolean) =>
        members.filter((id) => keep(progressById.get(id) ?? null)).map((id) => ({ id }));
      return {
        grades: ['S', 'A', 'B', 'C', 'D'].map((grade) => {
          const indicators = ids((p) => p?.grade === grade);
          return { grade, count: indicators.length, indicators };
        }),
        notGradableIndicators: ids((p) => p !== null && p.grade === null),
        noResultIndicators: ids((p) => p === null),
      };
    };
    const { overall, fields, departments } = summary.data?.progressSummary ?? { fields: [], departments: [] };
    const allIds = seedIndicators.map((i) => i.id);
    expect(overall).toEqual(expectedLists(allIds));
    expect(overall?.grades.find((g) => g.grade === 'B')?.indicators).toEqual([
      { id: 'indicator:5-4-1' },
      { id: 'indicator:5-5-2' },
    ]);
    expect(overall?.notGradableIndicators).toEqual([{ id: 'indicator:5-1-3' }]);
    expect(overall?.noResultIndicators).toHaveLength(seedIndicators.length - 5);
    for (const { field, ...lists } of fields) {
      expect(lists).toEqual(expectedLists(allIds.filter((id) => fieldOf(id) === `field:${field.number}`)));
    }
    expect(departments.length).toBeGreaterThan(0);
    for (const { department, ...lists } of departments) {
      expect(lists).toEqual(expectedLists(allIds.filter((id) => departmentsOf(id).includes(department.id))));
    }
  });

  it('lists the plan period as the fiscal years a summary may count, R5 (2023) to R9 (2027)', async () => {
    const response = await api.query<{ planFiscalYears: { year: number; label: string }[] }>(
      '{ planFiscalYears { year label } }',
    );
    expect(response.errors).toBeUndefined();
    // 003 line 7: the reform plan runs from 令和5年度 to 令和9年度 (seed/reference/plan-period.yaml).
    expect(response.data?.planFiscalYears).toEqual([
      { year: 2023, label: 'R5' },
      { year: 2024, label: 'R6' },
      { year: 2025, label: 'R7' },
      { year: 2026, label: 'R8' },
      { year: 2027, label: 'R9' },
    ]);
  });

  it('refuses a summary year outside the plan period, naming the argument and rule', async () => {
    const response = await api.query(SUMMARY, { year: 2030 });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/fiscalYear: .*2023 \(R5\) to 2027 \(R9\) \(rule isPlanFiscalYear\)/);
  });

  it('lists the grade scale with its thresholds', async () => {
    const response = await api.query<{ progressGrades: { grade: string; minRate: number | null }[] }>(
      '{ progressGrades { grade minRate } }',
    );
    expect(response.data?.progressGrades).toEqual([
      { grade: 'S', minRate: 100 },
      { grade: 'A', minRate: 80 },
      { grade: 'B', minRate: 50 },
      { grade: 'C', minRate: 0 },
      { grade: 'D', minRate: null },
    ]);
  });
});
