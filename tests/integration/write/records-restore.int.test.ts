import neo4j from 'neo4j-driver';
import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken } from '../../../src/platform/auth/mint-token';
import { exportRecords, importRecords } from '../../../src/write/records-backup';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../helpers/test-server';

/**
 * `records:import` with defined semantics (issue 19, items 1 and 2) and values kept exactly (item 6), against
 * the real graph: indicator 5-1-1 自治会の加入率 (answered by 市民活動推進課) and reform sheet 1-1.
 */
const SECRET = 'restore-test-secret-0123456789abcdef';
const INDICATOR = 'indicator:5-1-1';
const SERIES = 'indicator-result:5-1-1:2024';
const RECORD_RESULT = `mutation($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id value revision }
}`;
const RETRACT = `mutation($id: ID!, $reason: String!) { retractRecord(id: $id, reason: $reason) { id } }`;

interface Line {
  label: string;
  properties: Record<string, unknown>;
}

describe('restoring records', () => {
  let db: TestDatabase;
  let api: TestServer;
  let admin: Record<string, string>;
  const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    const session = db.driver.session();
    try {
      return (await session.run(cypher, params)).records;
    } finally {
      await session.close();
    }
  };
  const cleanRecords = () => run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
  const countRecords = async () =>
    Number((await run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change RETURN count(n) AS n'))[0]?.get('n'));
  const seriesRevision = async () =>
    Number((await run('MATCH (s:RecordSeries {id: $id}) RETURN s.revision AS r', { id: SERIES }))[0]?.get('r'));
  const record = (value: number, expectedRevision?: number) =>
    api.query<{ recordIndicatorResult: { id: string; value: number; revision: number } }>(
      RECORD_RESULT,
      { input: { indicator: INDICATOR, fiscalYear: 2024, value, expectedRevision } },
      admin,
    );
  const lines = (text: string): Line[] =>
    text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
  const jsonl = (list: readonly Line[]) => list.map((l) => `${JSON.stringify(l)}\n`).join('');

  beforeAll(async () => {
    db = openTestDatabase();
    api = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    admin = { authorization: `Bearer ${await mintToken(SECRET, { sub: 'boss', role: 'admin' })}` };
  });
  beforeEach(cleanRecords);
  afterAll(async () => {
    await cleanRecords();
    await api.stop();
    await db.close();
  });

  it('merges an older backup over newer records: nothing overwritten, counters and retractions kept, writes go on', async () => {
    expect((await record(80, 0)).errors).toBeUndefined();
    const old = await exportRecords(db.gateway);
    expect((await record(81, 1)).errors).toBeUndefined();
    expect((await api.query(RETRACT, { id: `${SERIES}:r1`, reason: '誤入力' }, admin)).errors).toBeUndefined();
    const before = await exportRecords(db.gateway);

    const result = await importRecords(db.gateway, old, { source: 'old.jsonl' });
    expect(await seriesRevision()).toBe(2);
    // Everything as it was (r1 still retracted, r2 kept), the import's own audit entry aside.
    expect(await exportRecords(db.gateway)).toBe(before);
    expect(result).toMatchObject({ lines: 3, seriesAdded: 0, seriesAdvanced: 0, recordsAdded: 0, unchanged: 3 });

    const third = await record(82);
    const fourth = await record(83, 3);
    expect([codeOf(third), codeOf(fourth)]).toEqual([undefined, undefined]);
    expect([third.data?.recordIndicatorResult.revision, fourth.data?.recordIndicatorResult.revision]).toEqual([3, 4]);
    expect(await seriesRevision()).toBe(4);

    const audit = await api.query<{ changes: { nodes: { action: string; actorRole: string; after: object }[] } }>(
      '{ changes(filter: { actor: "records:import" }) { nodes { action actorRole after } } }',
      {},
      admin,
    );
    expect(audit.data?.changes.nodes).toEqual([
      {
        action: 'IMPORT_RECORDS',
        actorRole: 'operator',
        after: expect.objectContaining({ source: 'old.jsonl', lines: 3, unchanged: 3, recordsAdded: 0 }) as object,
      },
    ]);
  });

  it('moves a counter forward and adds the missing revisions when the backup is newer', async () => {
    await record(80, 0);
    const first = await exportRecords(db.gateway);
    await record(81, 1);
    await record(82, 2);
    const newer = await exportRecords(db.gateway);
    await cleanRecords();
    await importRecords(db.gateway, first);
    const result = await importRecords(db.gateway, newer);
    expect(result).toMatchObject({ seriesAdvanced: 1, recordsAdded: 2, changesAdded: 2, unchanged: 2 });
    expect(await seriesRevision()).toBe(3);
    expect(await exportRecords(db.gateway)).toBe(newer);
    expect((await record(83, 3)).data?.recordIndicatorResult.revision).toBe(4);
  });

  it('restores into an empty database exactly: export, import, export give the same bytes', async () => {
    await record(472, 0);
    await record(81.9, 1);
    await api.query(RETRACT, { id: `${SERIES}:r2`, reason: '集計誤り' }, admin);
    await api.query(
      'mutation($input: RecordSheetEvaluationInput!) { recordSheetEvaluation(input: $input) { id } }',
      { input: { sheet: 'reform-sheet:1-1', fiscalYear: 2023, grade: 'B', summary: '一部実施' } },
      admin,
    );
    const exported = await exportRecords(db.gateway);
    expect(await exportRecords(db.gateway)).toBe(exported);
    expect(lines(exported).map((l) => l.label)).toEqual([
      'RecordSeries',
      'RecordSeries',
      'IndicatorResult',
      'IndicatorResult',
      'SheetEvaluation',
      'Change',
      'Change',
      'Change',
      'Change',
    ]);
    await cleanRecords();
    await importRecords(db.gateway, exported);
    expect(await exportRecords(db.gateway)).toBe(exported);
    const read = await api.query<{ node: { results: { current: { value: number } }[] } }>(
      `{ node(id: "${INDICATOR}") { ... on Indicator { results { current { value } } } } }`,
    );
    expect(read.data?.node.results).toEqual([{ current: { value: 472 } }]);
  });

  describe('refuses a whole file for one bad line, naming it, and writes nothing', () => {
    let good: Line[];
    beforeEach(async () => {
      await record(80, 0);
      good = lines(await exportRecords(db.gateway)); // series, record, audit entry
      await cleanRecords();
    });
    afterEach(async () => {
      expect(await countRecords()).toBe(0);
    });
    const withRecord = (change: (p: Record<string, unknown>) => Record<string, unknown>) =>
      jsonl(good.map((l) => (l.label === 'IndicatorResult' ? { ...l, properties: change(l.properties) } : l)));

    it('a value that is not a number', async () => {
      await expect(
        importRecords(
          db.gateway,
          withRecord((p) => ({ ...p, value: 'abc' })),
        ),
      ).rejects.toThrow(
        /^line 2: IndicatorResult indicator-result:5-1-1:2024:r1: value: value must be a finite number$/,
      );
    });

    it('a value beyond the bound', async () => {
      await expect(
        importRecords(
          db.gateway,
          withRecord((p) => ({ ...p, value: 2e19 })),
        ),
      ).rejects.toThrow(/^line 2: .*value must be between -9007199254740991 and 9007199254740991/);
    });

    it('a record id without its revision', async () => {
      await expect(
        importRecords(
          db.gateway,
          withRecord((p) => ({ ...p, id: 'indicator-result:5-1-1:2024' })),
        ),
      ).rejects.toThrow(/^line 2: .*id must be a record id ending in its revision/);
    });

    it('a record whose series is nowhere', async () => {
      await expect(importRecords(db.gateway, jsonl(good.slice(1)))).rejects.toThrow(
        `line 1: record ${SERIES}:r1: its series ${SERIES} is neither in the file nor in the database`,
      );
    });

    it('a record about a subject not in the graph', async () => {
      const text = jsonl(good).replaceAll('5-1-1', '9-9-9');
      await expect(importRecords(db.gateway, text)).rejects.toThrow(
        /^line 2: record indicator-result:9-9-9:2024:r1 is about indicator:9-9-9, which is not in the graph/,
      );
    });

    it('a record without the audit entry that created it, and an unknown label', async () => {
      await expect(importRecords(db.gateway, jsonl(good.slice(0, 2)))).rejects.toThrow(
        `line 2: record ${SERIES}:r1 has no audit entry RECORD_INDICATOR_RESULT for it in the file or the database`,
      );
      await expect(
        importRecords(db.gateway, `${jsonl(good)}{"label":"Secret","properties":{"id":"x"}}\n`),
      ).rejects.toThrow(/^line 4: label must be one of/);
    });

    it('a record that differs from the stored one of the same id (naming it), leaving the stored one', async () => {
      await importRecords(db.gateway, jsonl(good));
      const changed = withRecord((p) => ({ ...p, value: 90 }));
      await expect(importRecords(db.gateway, changed)).rejects.toThrow(
        `line 2: record ${SERIES}:r1 differs from the database's (value: 90 in the file, 80 in the database)`,
      );
      const value = (await run('MATCH (r:Record) RETURN r.value AS v'))[0]?.get('v') as unknown;
      expect(value).toBe(80);
      await cleanRecords();
    });
  });

  it('stores values as floats, and refuses one beyond 2^53 − 1 naming the bound', async () => {
    const refused = await record(2e19, 0);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain(
      'value: value must be between -9007199254740991 and 9007199254740991 (2^53 − 1',
    );
    expect(await countRecords()).toBe(0);
    const kept = await record(472, 0);
    expect(kept.data?.recordIndicatorResult.value).toBe(472);
    const top = await record(Number.MAX_SAFE_INTEGER, 1);
    expect(top.data?.recordIndicatorResult.value).toBe(9007199254740991);
    const stored = (await run('MATCH (r:Record) RETURN r.value AS v ORDER BY r.revision')).map(
      (r) => r.get('v') as unknown,
    );
    // A float comes back as a JS number; an integer property would come back as a neo4j Integer.
    expect(stored).toEqual([472, 9007199254740991]);
    expect(stored.some((v) => neo4j.isInt(v))).toBe(false);
  });
});
