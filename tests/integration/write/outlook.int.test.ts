import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken } from '../../../src/platform/auth/mint-token';
import { deleteRecords, openTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/**
 * Outlooks of real indicators from results recorded through the API. Baselines (現状値) and targets (目標値)
 * as 001 prints them; years from seed/reference/outlook.yaml: baseline FY2021 (R3), target FY2027 (R9), so
 * the needed pace spans 6 years. Ratios by hand below, to three decimals.
 */
const SECRET = 'outlook-test-secret-0123456789abcdef';

const RECORD_RESULT = `mutation($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id revision }
}`;
const RETRACT = `mutation($id: ID!, $reason: String!) { retractRecord(id: $id, reason: $reason) { id } }`;
const OUTLOOK = `query($id: ID!) {
  node(id: $id) {
    ... on Indicator {
      outlook {
        status reason ratio latestValue latestFiscalYear baselineFiscalYear targetFiscalYear projectedValue
        method projectionMethod
      }
    }
  }
}`;

interface Outlook {
  status: string;
  reason: string | null;
  ratio: number | null;
  latestValue: number | null;
  latestFiscalYear: number | null;
  baselineFiscalYear: number;
  targetFiscalYear: number;
  projectedValue: number | null;
  method: string | null;
  projectionMethod: string | null;
}

const YEARS = { baselineFiscalYear: 2021, targetFiscalYear: 2027 };

describe('Indicator.outlook', () => {
  let db: TestDatabase;
  let api: TestServer;
  let admin: Record<string, string>;

  const record = async (indicator: string, fiscalYear: number, value: number, expectedRevision?: number) => {
    const response = await api.query(
      RECORD_RESULT,
      { input: { indicator, fiscalYear, value, expectedRevision } },
      admin,
    );
    expect(response.errors).toBeUndefined();
  };
  const retract = async (id: string) => {
    const response = await api.query(RETRACT, { id, reason: '集計誤り' }, admin);
    expect(response.errors).toBeUndefined();
  };
  const outlook = async (id: string): Promise<Outlook> => {
    const response = await api.query<{ node: { outlook: Outlook } | null }>(OUTLOOK, { id });
    expect(response.errors).toBeUndefined();
    if (!response.data?.node) throw new Error(`${id} not found`);
    return response.data.node.outlook;
  };

  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    admin = { authorization: `Bearer ${await mintToken(SECRET, { sub: 'boss', role: 'admin' })}` };
    await deleteRecords(db.driver);
  });
  afterAll(async () => {
    await deleteRecords(db.driver);
    await api.stop();
    await db.close();
  });

  it('5-1-1 自治会の加入率 (82.31 % ▶▶ 85.00 %) is ON_TRACK from its latest year, at compound growth', async () => {
    await record('indicator:5-1-1', 2023, 83.2);
    await record('indicator:5-1-1', 2024, 83.7);
    // Needed (85/82.31)^(1/6) − 1 = 0.0053742 a year; observed over 3 years (83.7/82.31)^(1/3) − 1 = 0.0055977;
    // ratio 1.0416 ≥ 0.95. Projected at the same rate: 82.31 × (83.7/82.31)^(6/3) = 85.113 % in FY2027.
    expect(await outlook('indicator:5-1-1')).toEqual({
      status: 'ON_TRACK',
      reason: null,
      ratio: 1.042,
      latestValue: 83.7,
      latestFiscalYear: 2024,
      projectedValue: 85.11,
      method: 'COMPOUND_GROWTH',
      projectionMethod: 'PACE_CARRIED_FORWARD',
      ...YEARS,
    });
  });

  it('5-4-1 刑法犯認知件数 (475 ▶▶ 470 件) reads the latest revision not retracted of the latest recorded year', async () => {
    await record('indicator:5-4-1', 2024, 472);
    // Needed (470/475)^(1/6) − 1 = −0.0017621; observed (472/475)^(1/3) − 1 = −0.0021097: ratio 1.197.
    // The same rate carried to FY2027: 475 × (472/475)² = 469.02, a count: 469 件.
    expect(await outlook('indicator:5-4-1')).toMatchObject({
      status: 'ON_TRACK',
      ratio: 1.197,
      projectedValue: 469,
    });
    await record('indicator:5-4-1', 2024, 478, 1);
    // A rise, away from the target: (478/475)^(1/3) − 1 = 0.0021008, ratio −1.192; 475 × (478/475)² = 481.02.
    expect(await outlook('indicator:5-4-1')).toMatchObject({
      status: 'DETERIORATION',
      ratio: -1.192,
      latestValue: 478,
      projectedValue: 481,
    });
    await retract('indicator-result:5-4-1:2024:r2');
    // A later year whose only revision is retracted counts as not recorded: FY2024's first revision is read.
    await record('indicator:5-4-1', 2025, 469);
    await retract('indicator-result:5-4-1:2025:r1');
    expect(await outlook('indicator:5-4-1')).toMatchObject({
      status: 'ON_TRACK',
      ratio: 1.197,
      latestValue: 472,
      latestFiscalYear: 2024,
    });
    await record('indicator:5-4-1', 2025, 469);
    // 469 ≤ 470: the target is reached on its side (the ratio is still measured).
    expect(await outlook('indicator:5-4-1')).toMatchObject({ status: 'TARGET_ACHIEVED', latestFiscalYear: 2025 });
  });

  it('6-5-1 経常収支比率 (89.3 % ▶▶ 92.7 %以内) is a ceiling: kept or not, without a pace', async () => {
    await record('indicator:6-5-1', 2023, 93.1);
    expect(await outlook('indicator:6-5-1')).toEqual({
      status: 'DETERIORATION',
      reason: null,
      ratio: null,
      latestValue: 93.1,
      latestFiscalYear: 2023,
      projectedValue: null,
      method: 'BOUND',
      projectionMethod: null,
      ...YEARS,
    });
    await record('indicator:6-5-1', 2024, 91.5);
    expect(await outlook('indicator:6-5-1')).toMatchObject({ status: 'TARGET_ACHIEVED', latestValue: 91.5 });
  });

  it('6-5-4 20代・30代の転入超過人口 (a net outflow of 108 ▶▶ 0 人) uses the straight line, its target being 0', async () => {
    await record('indicator:6-5-4', 2023, -90);
    // The baseline reads −108 (seed/reference/outlook.yaml). Needed (0 + 108) / 6 = 18 a year; observed
    // (−90 + 108) / 2 = 9: ratio 0.5. Projected −108 + 9 × 6 = −54.
    expect(await outlook('indicator:6-5-4')).toMatchObject({
      status: 'LIMITED_PROGRESS',
      ratio: 0.5,
      projectedValue: -54,
    });
    // An outflow of 10 is 98 of the 108 people's way, not the target.
    await record('indicator:6-5-4', 2024, -10);
    expect(await outlook('indicator:6-5-4')).not.toMatchObject({ status: 'TARGET_ACHIEVED' });
  });

  it('5-6-2 オンラインによる交付手続利用件数 (1 ▶▶ 520 件) falls back to yearly steps for status and projection', async () => {
    await record('indicator:5-6-2', 2023, 45);
    // 520 is beyond 10 times the base of 1 (seed/reference/outlook.yaml compoundGrowthMaxFactor): compound growth
    // would read ON_TRACK (ratio 3.109) and carry 45 to 45³ = 91,125 件. Yearly steps: 22 a year against the
    // 86.5 needed, ratio 0.254, LIMITED_PROGRESS, and 1 + 22 × 6 = 133 件 by FY2027, short of 520 as it says.
    expect(await outlook('indicator:5-6-2')).toMatchObject({
      status: 'LIMITED_PROGRESS',
      ratio: 0.254,
      method: 'LINEAR_GROWTH',
      projectedValue: 133,
      projectionMethod: 'PACE_CARRIED_FORWARD',
    });
  });

  it('5-2-3 国際交流事業への参加者数 (545 ▶▶ 2,000 人) projects at the compound rate its status measures', async () => {
    await record('indicator:5-2-3', 2023, 1000);
    // (1000/545)^(1/2) − 1 = 0.3546 a year against (2000/545)^(1/6) − 1 = 0.2420: ratio 1.465, ON_TRACK; at that
    // rate 545 × (1000/545)³ = 3,366.7 人 by FY2027, beyond the target as the status says (a straight line
    // would have drawn 1,910 beside 達成の見込み).
    expect(await outlook('indicator:5-2-3')).toMatchObject({
      status: 'ON_TRACK',
      ratio: 1.465,
      method: 'COMPOUND_GROWTH',
      projectedValue: 3367,
    });
  });

  it('6-4-2 マイナンバーカードの交付率 (36.1 % ▶▶ 100 %) is never projected above 100 %', async () => {
    await record('indicator:6-4-2', 2023, 60);
    await record('indicator:6-4-2', 2024, 75);
    // The rate of (75/36.1)^(1/3) − 1 a year carried to FY2027: 36.1 × (75/36.1)² = 155.8 %: kept at 100.
    expect(await outlook('indicator:6-4-2')).toMatchObject({
      status: 'ON_TRACK',
      projectedValue: 100,
      projectionMethod: 'PACE_CARRIED_FORWARD_CLAMPED',
    });
  });

  it('reads the records of a whole list of indicators in one statement, not one per indicator', async () => {
    const statements = async (fields: string) => {
      const response = await api.query(`{ indicators(filter: { fields: [5, 6] }) { nodes { id ${fields} } } }`);
      expect(response.errors).toBeUndefined();
      return (response.extensions?.cypher as { queries: number }).queries;
    };
    const listed = await api.query<{ indicators: { nodes: unknown[] } }>(
      '{ indicators(filter: { fields: [5, 6] }) { nodes { id } } }',
    );
    // All 27 indicators of the documents (fields 5 and 6), each with an outlook.
    expect(listed.data?.indicators.nodes).toHaveLength(27);
    expect((await statements('outlook { status }')) - (await statements(''))).toBe(1);
  });

  it.each([
    ['indicator:5-1-2', 'NO_RESULT'], // NPO法人登録数 43 ▶▶ 50: nothing recorded
    ['indicator:5-1-3', 'NO_BASELINE'], // 市民提案型事業数 — ▶▶ 2 件
    ['indicator:6-5-3', 'NO_DISTANCE'], // 将来負担比率 0 % ▶▶ 0 %
  ])('%s is NOT_ASSESSED: %s', async (id, reason) => {
    if (reason !== 'NO_RESULT') await record(id, 2024, 1);
    expect(await outlook(id)).toMatchObject({ status: 'NOT_ASSESSED', reason, ratio: null, projectedValue: null });
  });
});
