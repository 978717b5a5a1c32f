import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken, type TokenClaims } from '../../../src/platform/auth/mint-token';
import { seedDatabase } from '../../../src/ingest/load/seed-database';
import { readSeedFile } from '../../../src/ingest/load/seed-file';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { exportRecords, importRecords } from '../../../src/write/records-backup';
import { rawRequest } from '../../helpers/raw-http';
import { openTestDatabase, type TestDatabase, deleteRecords } from '../../helpers/test-database';
import { startTestServer, type GraphQLResponse, type TestServer } from '../../helpers/test-server';

/**
 * Recording results against the real graph. Departments come from the documents: measure 5-1-1 自治会の支援
 * is answered by 市民活動推進課 and 危機管理課 (000 line 55), so indicator 5-1-1 自治会の加入率 is theirs;
 * reform sheet 1-1 is executed by 企画課 (003 line 88).
 */
const SECRET = 'records-test-secret-0123456789abcdef';
const INDICATOR = 'indicator:5-1-1';
const SHEET = 'reform-sheet:1-1';

const RECORD_RESULT = `mutation($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id indicator fiscalYear value note revision recordedBy retracted }
}`;
const RECORD_EVALUATION = `mutation($input: RecordSheetEvaluationInput!) {
  recordSheetEvaluation(input: $input) { id sheet fiscalYear grade summary revision recordedBy }
}`;
const RETRACT = `mutation($id: ID!, $reason: String!) {
  retractRecord(id: $id, reason: $reason) { id retracted retractedReason ... on IndicatorResult { value } }
}`;
const CHANGES = `query($filter: ChangeFilter) {
  changes(filter: $filter, first: 100) {
    totalCount nodes { action actor actorRole target subject before after requestId }
  }
}`;

interface ChangeEntry {
  action: string;
  actor: string;
  actorRole: string;
  target: string;
  subject: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  requestId: string;
}

describe('recording results', () => {
  let db: TestDatabase;
  let api: TestServer;
  const bearer = async (claims: TokenClaims, expiresIn?: string) => ({
    authorization: `Bearer ${await mintToken(SECRET, claims, expiresIn)}`,
  });
  const editor = () => bearer({ sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
  const admin = () => bearer({ sub: 'boss', role: 'admin' });
  const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

  const cleanRecords = () => deleteRecords(db.driver);
  const countRecords = async () => {
    const session = db.driver.session();
    try {
      const result = await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change RETURN count(n) AS n');
      return Number(result.records[0]?.get('n'));
    } finally {
      await session.close();
    }
  };
  const changesFor = async (target: string) => {
    const response = await api.query<{ changes: { nodes: ChangeEntry[] } }>(
      CHANGES,
      { filter: { target } },
      await admin(),
    );
    expect(response.errors).toBeUndefined();
    return response.data?.changes.nodes ?? [];
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

  it('lets an editor record for an indicator of their department, and audits it with the request id', async () => {
    const response = await api.query<{ recordIndicatorResult: Record<string, unknown> }>(
      RECORD_RESULT,
      { input: { indicator: INDICATOR, fiscalYear: 2024, value: 81.9, note: '　Ｒ６ 年度末集計  ' } },
      { ...(await editor()), 'x-request-id': 'req-record-1' },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.recordIndicatorResult).toEqual({
      id: 'indicator-result:5-1-1:2024:r1',
      indicator: INDICATOR,
      fiscalYear: 2024,
      value: 81.9,
      note: 'R6 年度末集計',
      revision: 1,
      recordedBy: 'sato',
      retracted: false,
    });
    const [entry, ...rest] = await changesFor(INDICATOR);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'RECORD_INDICATOR_RESULT',
      actor: 'sato',
      actorRole: 'editor',
      target: 'indicator-result:5-1-1:2024:r1',
      subject: INDICATOR,
      before: null,
      requestId: 'req-record-1',
    });
    expect(entry?.after).toMatchObject({ value: 81.9, revision: 1, note: 'R6 年度末集計' });
  });

  it('makes a new revision when the same year is recorded again, the audit entry holding before and after', async () => {
    const input = { indicator: INDICATOR, fiscalYear: 2024, value: 80 };
    await api.query(RECORD_RESULT, { input }, await editor());
    const second = await api.query<{ recordIndicatorResult: { revision: number; id: string } }>(
      RECORD_RESULT,
      { input: { ...input, value: 83.5, expectedRevision: 1 } },
      await editor(),
    );
    expect(second.errors).toBeUndefined();
    expect(second.data?.recordIndicatorResult).toMatchObject({ revision: 2, id: 'indicator-result:5-1-1:2024:r2' });
    const entries = await changesFor('indicator-result:5-1-1:2024:r2');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.before).toMatchObject({ value: 80, revision: 1 });
    expect(entries[0]?.after).toMatchObject({ value: 83.5, revision: 2 });
  });

  it('gives CONFLICT to one of two editors sending the same expectedRevision at once, and keeps the other', async () => {
    const input = { indicator: INDICATOR, fiscalYear: 2025, expectedRevision: 0 };
    const responses = await Promise.all(
      [70, 71, 72, 73].map(async (value) => api.query(RECORD_RESULT, { input: { ...input, value } }, await editor())),
    );
    const codes = responses.map(codeOf);
    expect(codes.filter((c) => c === undefined)).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(3);
    const entries = await changesFor(INDICATOR);
    expect(entries).toHaveLength(1);
    expect(await countRecords()).toBe(3); // one record, its series, one audit entry
  });

  it('lets an editor evaluate a sheet their department executes, and an admin anything', async () => {
    const planning = await bearer({ sub: 'kikaku', role: 'editor', departments: ['department:planning'] });
    const input = { sheet: SHEET, fiscalYear: 2023, grade: 'B', summary: '窓口の一部をオンライン化した' };
    const evaluated = await api.query<{ recordSheetEvaluation: Record<string, unknown> }>(
      RECORD_EVALUATION,
      { input },
      planning,
    );
    expect(evaluated.errors).toBeUndefined();
    expect(evaluated.data?.recordSheetEvaluation).toMatchObject({ grade: 'B', revision: 1, recordedBy: 'kikaku' });
    const byAdmin = await api.query(RECORD_EVALUATION, { input: { ...input, grade: 'A' } }, await admin());
    expect(byAdmin.errors).toBeUndefined();
    const entries = await changesFor(SHEET);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['RECORD_SHEET_EVALUATION', 'kikaku'],
      ['RECORD_SHEET_EVALUATION', 'boss'],
    ]);
  });

  it('retracts a record, keeping it in history, and audits the retraction', async () => {
    await api.query(RECORD_RESULT, { input: { indicator: INDICATOR, fiscalYear: 2023, value: 82 } }, await editor());
    const id = 'indicator-result:5-1-1:2023:r1';
    const retracted = await api.query<{ retractRecord: Record<string, unknown> }>(
      RETRACT,
      { id, reason: '集計誤り' },
      await editor(),
    );
    expect(retracted.errors).toBeUndefined();
    expect(retracted.data?.retractRecord).toEqual({ id, retracted: true, retractedReason: '集計誤り', value: 82 });
    const again = await api.query(RETRACT, { id, reason: '二重' }, await editor());
    expect(codeOf(again)).toBe('CONFLICT');
    const entries = await changesFor(id);
    expect(entries.map((e) => e.action)).toEqual(['RECORD_INDICATOR_RESULT', 'RETRACT_RECORD']);
    expect(entries[1]?.before).toMatchObject({ retracted: false });
    expect(entries[1]?.after).toMatchObject({ retracted: true, retractedReason: '集計誤り', retractedBy: 'sato' });
  });

  it('shows results and evaluations per year on the read side: current revision and history', async () => {
    await api.query(RECORD_RESULT, { input: { indicator: INDICATOR, fiscalYear: 2024, value: 80 } }, await editor());
    await api.query(RECORD_RESULT, { input: { indicator: INDICATOR, fiscalYear: 2024, value: 81 } }, await editor());
    await api.query(RETRACT, { id: 'indicator-result:5-1-1:2024:r2', reason: '誤入力' }, await editor());
    await api.query(RECORD_RESULT, { input: { indicator: INDICATOR, fiscalYear: 2023, value: 82.5 } }, await admin());
    await api.query(
      RECORD_EVALUATION,
      { input: { sheet: SHEET, fiscalYear: 2023, grade: 'A', summary: '計画どおり' } },
      await admin(),
    );
    const read = await api.query<{
      indicators: {
        nodes: {
          id: string;
          results: {
            fiscalYear: number;
            current: { value: number } | null;
            history: { revision: number; retracted: boolean }[];
          }[];
        }[];
      };
      reformSheet: { evaluations: { fiscalYear: number; current: { grade: string; summary: string } }[] };
    }>(`{
      indicators(filter: { policyItem: "5-1" }) { nodes { id results { fiscalYear current { value } history { revision retracted } } } }
      reformSheet(code: "1-1") { evaluations { fiscalYear current { grade summary } } }
    }`);
    expect(read.errors).toBeUndefined();
    const results = read.data?.indicators.nodes.find((n) => n.id === INDICATOR)?.results;
    expect(results).toEqual([
      { fiscalYear: 2023, current: { value: 82.5 }, history: [{ revision: 1, retracted: false }] },
      {
        fiscalYear: 2024,
        current: { value: 80 },
        history: [
          { revision: 2, retracted: true },
          { revision: 1, retracted: false },
        ],
      },
    ]);
    expect(read.data?.reformSheet.evaluations).toEqual([
      { fiscalYear: 2023, current: { grade: 'A', summary: '計画どおり' } },
    ]);
  });

  // node:http rather than fetch: fetch adds `Cache-Control: no-cache` to a request with If-None-Match.
  it('gives every write a new data version, so an ETag from before the write never gets a 304 after it', async () => {
    const query = `{ indicators(filter: { policyItem: "5-1" }) { nodes { id results { fiscalYear current { value } } } } }`;
    const url = `${api.url}/graphql?query=${encodeURIComponent(query)}`;
    const before = await rawRequest(url);
    expect(before.status).toBe(200);
    const etag = String(before.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    expect((await rawRequest(url, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const recorded = await api.query(
      RECORD_RESULT,
      { input: { indicator: INDICATOR, fiscalYear: 2024, value: 77 } },
      await editor(),
    );
    expect(recorded.errors).toBeUndefined();

    const after = await rawRequest(url, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const answer = JSON.parse(after.body.toString('utf8')) as {
      data: { indicators: { nodes: { id: string; results: { fiscalYear: number; current: { value: number } }[] }[] } };
    };
    const results = answer.data.indicators.nodes.find((node) => node.id === INDICATOR)?.results;
    expect(results).toEqual([{ fiscalYear: 2024, current: { value: 77 } }]);
  });

  it('makes reads need a token when ANONYMOUS_READ=false', async () => {
    const closed = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: false }),
    });
    try {
      const anonymous = await closed.query('{ serviceInfo { name } }');
      expect(anonymous.status).toBe(401);
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
      const signedIn = await closed.query('{ serviceInfo { name } }', {}, await bearer({ sub: 'v', role: 'viewer' }));
      expect(signedIn.errors).toBeUndefined();
      expect(signedIn.data).toEqual({ serviceInfo: { name: 'honjo-policy-graph' } });
    } finally {
      await closed.stop();
    }
  });

  it('exports every record and audit entry as JSON Lines and imports them back, idempotently', async () => {
    await api.query(RECORD_RESULT, { input: { indicator: INDICATOR, fiscalYear: 2024, value: 80 } }, await editor());
    await api.query(RETRACT, { id: 'indicator-result:5-1-1:2024:r1', reason: '誤入力' }, await editor());
    await api.query(
      RECORD_EVALUATION,
      { input: { sheet: SHEET, fiscalYear: 2023, grade: 'C', summary: '未着手' } },
      await admin(),
    );
    const exported = await exportRecords(db.gateway);
    const parse = (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { label: string });
    const lines = parse(exported);
    expect(lines.map((l) => l.label)).toEqual([
      'RecordSeries',
      'RecordSeries',
      'IndicatorResult',
      'SheetEvaluation',
      'Change',
      'Change',
      'Change',
    ]);
    await cleanRecords();
    expect(await importRecords(db.gateway, exported)).toMatchObject({
      lines: 7,
      seriesAdded: 2,
      recordsAdded: 2,
      changesAdded: 3,
      unchanged: 0,
    });
    expect(await importRecords(db.gateway, exported)).toMatchObject({
      seriesAdded: 0,
      recordsAdded: 0,
      changesAdded: 0,
      unchanged: 7,
    });
    // The 7 nodes of the file, and one audit entry per import.
    expect(await countRecords()).toBe(9);
    expect(await exportRecords(db.gateway)).toBe(exported);
    const read = await api.query<{ reformSheet: { evaluations: { current: { grade: string } }[] } }>(
      '{ reformSheet(code: "1-1") { evaluations { current { grade } } } }',
    );
    expect(read.data?.reformSheet.evaluations).toEqual([{ current: { grade: 'C' } }]);
    // The next revision continues from the imported one.
    const next = await api.query<{ recordIndicatorResult: { revision: number } }>(
      RECORD_RESULT,
      { input: { indicator: INDICATOR, fiscalYear: 2024, value: 81, expectedRevision: 1 } },
      await editor(),
    );
    expect(next.data?.recordIndicatorResult.revision).toBe(2);
    await expect(importRecords(db.gateway, '{"label":"Secret","properties":{"id":"x"}}\n')).rejects.toThrow(
      /line 1: label must be one of/,
    );
  });

  describe('refuses, leaving no trace', () => {
    const input = { indicator: INDICATOR, fiscalYear: 2024, value: 1 };
    afterEach(async () => {
      expect(await countRecords()).toBe(0);
    });

    it('UNAUTHENTICATED without a token', async () => {
      expect(codeOf(await api.query(RECORD_RESULT, { input }))).toBe('UNAUTHENTICATED');
    });

    it('UNAUTHENTICATED for malformed, expired and wrongly signed tokens, naming no secret', async () => {
      const expired = await bearer({ sub: 'sato', role: 'admin' }, '-1m');
      const wrong = {
        authorization: `Bearer ${await mintToken('another-secret-0123456789abcdefghij', { sub: 'x', role: 'admin' })}`,
      };
      for (const headers of [{ authorization: 'Bearer not.a.jwt' }, { authorization: 'Basic abc' }, expired, wrong]) {
        const response = await api.query(RECORD_RESULT, { input }, headers);
        expect(response.status).toBe(401);
        expect(codeOf(response)).toBe('UNAUTHENTICATED');
        expect(JSON.stringify(response)).not.toContain(SECRET);
      }
    });

    it('FORBIDDEN for a viewer, and for an editor of another department', async () => {
      const viewer = await bearer({ sub: 'v', role: 'viewer' });
      expect(codeOf(await api.query(RECORD_RESULT, { input }, viewer))).toBe('FORBIDDEN');
      const other = await bearer({ sub: 'w', role: 'editor', departments: ['department:planning'] });
      const response = await api.query(RECORD_RESULT, { input }, other);
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.errors?.[0]?.message).toMatch(/department:citizen-activity-promotion/);
      expect(codeOf(await api.query(CHANGES, {}, viewer))).toBe('FORBIDDEN');
    });

    it('FORBIDDEN for an editor of a partner department (連携課) of a sheet: only executing departments record', async () => {
      // Reform sheet 2-11 is executed by 産業開発室, with 農政課 among its partners (003 line 1001).
      const evaluation = { sheet: 'reform-sheet:2-11', fiscalYear: 2024, grade: 'A', summary: '協力会議を設置した' };
      const partner = await bearer({ sub: 'nosei', role: 'editor', departments: ['農政課'] });
      const response = await api.query(RECORD_EVALUATION, { input: evaluation }, partner);
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.errors?.[0]?.message).toMatch(/department:industrial-development/);
      const noDepartments = await bearer({ sub: 'nobody', role: 'editor' });
      expect(codeOf(await api.query(RECORD_EVALUATION, { input: evaluation }, noDepartments))).toBe('FORBIDDEN');
    });

    it('BAD_USER_INPUT naming the field and rule', async () => {
      const outOfPlan = await api.query(RECORD_RESULT, { input: { ...input, fiscalYear: 2028 } }, await admin());
      expect(codeOf(outOfPlan)).toBe('BAD_USER_INPUT');
      expect(outOfPlan.errors?.[0]?.message).toMatch(
        /fiscalYear: .*2023 \(R5\) to 2027 \(R9\).*\(rule isRecordableFiscalYear\)/,
      );
      const blankNote = await api.query(RECORD_RESULT, { input: { ...input, note: '　 ' } }, await admin());
      expect(blankNote.errors?.[0]?.extensions?.violations).toEqual([
        expect.objectContaining({ field: 'note', rule: 'isCleanText' }),
      ]);
      const blankSummary = await api.query(
        RECORD_EVALUATION,
        { input: { sheet: SHEET, fiscalYear: 2024, grade: 'A', summary: 'x'.repeat(2001) } },
        await admin(),
      );
      // Refused before the operation runs, by the argument's declared maximum.
      expect(blankSummary.errors?.[0]?.message).toMatch(
        /^input\.summary \(variable \$input\) takes at most 2000 characters; got 2001/,
      );
    });

    it('NOT_FOUND for an unknown indicator, sheet or record', async () => {
      const unknown = await api.query(
        RECORD_RESULT,
        { input: { ...input, indicator: 'indicator:9-9-9' } },
        await admin(),
      );
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      const sheet = await api.query(
        RECORD_EVALUATION,
        { input: { sheet: 'reform-sheet:9-99', fiscalYear: 2024, grade: 'A', summary: 'x' } },
        await admin(),
      );
      expect(codeOf(sheet)).toBe('NOT_FOUND');
      const record = await api.query(RETRACT, { id: 'indicator-result:9-9-9:2024:r1', reason: 'x' }, await admin());
      expect(codeOf(record)).toBe('NOT_FOUND');
    });

    it('CONFLICT for a stale expectedRevision', async () => {
      const response = await api.query(RECORD_RESULT, { input: { ...input, expectedRevision: 3 } }, await admin());
      expect(codeOf(response)).toBe('CONFLICT');
    });
  });

  it('answers CONFLICT and writes nothing when the series is deleted while the write waits for its lock', async () => {
    const input = { indicator: INDICATOR, fiscalYear: 2026, value: 50 };
    expect((await api.query(RECORD_RESULT, { input }, await editor())).errors).toBeUndefined();
    const series = 'indicator-result:5-1-1:2026';
    const session = db.driver.session();
    const holder = session.beginTransaction();
    try {
      // Another transaction holds the series' lock, so the write below waits for it in records/lock-series.
      await holder.run('MATCH (s:RecordSeries {id: $series}) SET s.lockedAt = $at', { series, at: 'test' });
      const waiting = api.query(RECORD_RESULT, { input: { ...input, value: 51 } }, await editor());
      await waitForBlockedTransaction(db);
      // As deleting every record does (a restore into a cleared database, a test's clean-up).
      await holder.run(
        "MATCH (s:RecordSeries {id: $series}) OPTIONAL MATCH (r:Record) WHERE r.id STARTS WITH $series + ':' DETACH DELETE s, r",
        { series },
      );
      await holder.commit();
      const response = await waiting;
      expect(codeOf(response)).toBe('CONFLICT');
      expect(response.errors?.[0]?.message).toBe(
        `The records of ${INDICATOR} for 2026 were deleted while this write waited for them; nothing was written. Retry to start them anew.`,
      );
    } finally {
      await session.close();
    }
    // The first record's audit entry is all that is left; nothing of the refused write.
    expect((await changesFor(INDICATOR)).map((entry) => entry.target)).toEqual([`${series}:r1`]);
    expect(await countRecords()).toBe(1);
    // Asked again, the write starts the series anew.
    const again = await api.query<{ recordIndicatorResult: { revision: number } }>(
      RECORD_RESULT,
      { input: { ...input, value: 51 } },
      await editor(),
    );
    expect(again.errors).toBeUndefined();
    expect(again.data?.recordIndicatorResult.revision).toBe(1);
  });

  it("refuses an editor retracting another department's record (FORBIDDEN), leaving it and the audit trail as they were", async () => {
    await api.query(RECORD_RESULT, { input: { indicator: INDICATOR, fiscalYear: 2024, value: 80 } }, await editor());
    const planning = await bearer({ sub: 'kikaku', role: 'editor', departments: ['企画課'] });
    const refused = await api.query(RETRACT, { id: 'indicator-result:5-1-1:2024:r1', reason: '誤り' }, planning);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect((await changesFor(INDICATOR)).map((e) => e.action)).toEqual(['RECORD_INDICATOR_RESULT']);
    const read = await api.query<{ node: { results: { history: { retracted: boolean }[] }[] } }>(
      `{ node(id: "${INDICATOR}") { ... on Indicator { results { history { retracted } } } } }`,
    );
    expect(read.data?.node.results).toEqual([{ history: [{ retracted: false }] }]);
  });

  it('keeps records and the audit trail when the seed is loaded again, even for an indicator the documents dropped', async () => {
    await api.query(RECORD_RESULT, { input: { indicator: INDICATOR, fiscalYear: 2024, value: 80 } }, await editor());
    const seed = readSeedFile();
    if (!seed) throw new Error('seed/graph.json is missing');
    const cypher = CypherRegistry.load();
    const without = {
      ...seed,
      hash: `${seed.hash}-without-5-1-1`,
      graph: {
        ...seed.graph,
        nodes: seed.graph.nodes.filter((n) => n.id !== INDICATOR),
        relationships: seed.graph.relationships.filter((r) => r.to !== INDICATOR && r.from !== INDICATOR),
      },
    };
    const orphans = async () =>
      (await api.query<{ orphanedRecords: unknown[] }>('{ orphanedRecords { subject records } }', {}, await admin()))
        .data?.orphanedRecords;
    const log: string[] = [];
    try {
      await seedDatabase(db.gateway, cypher, without, (line) => log.push(line));
      expect(await countRecords()).toBe(3);
      expect(await changesFor(INDICATOR)).toHaveLength(1);
      expect(log).toContain(`kept 1 recorded revision(s) of ${INDICATOR}, which the documents no longer have`);
      expect(await orphans()).toEqual([{ subject: INDICATOR, records: 1 }]);
    } finally {
      await seedDatabase(db.gateway, cypher, seed, () => undefined);
    }
    expect(await countRecords()).toBe(3);
    // The indicator is back: its record is linked to it again and no longer reported.
    expect(await orphans()).toEqual([]);
    const read = await api.query<{ node: { results: { current: { value: number } }[] } }>(
      `{ node(id: "${INDICATOR}") { ... on Indicator { results { current { value } } } } }`,
    );
    expect(read.data?.node.results).toEqual([{ current: { value: 80 } }]);
  });
});

/** Waits (at most 20 s) until some transaction of the database waits for a lock another one holds. */
async function waitForBlockedTransaction(db: TestDatabase): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const { records } = await db.driver.executeQuery(
      "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS blocked",
    );
    if (Number(records[0]?.get('blocked')) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no transaction came to wait for the held lock within 20 s');
}
