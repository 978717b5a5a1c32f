import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken } from '../../../src/platform/auth/mint-token';
import type { StatementObserver } from '../../../src/db/statement-observer';
import {
  answersAgain,
  freezeFor,
  serviceDatabase,
  testNeo4jPid,
  type ServiceDatabase,
} from '../../helpers/frozen-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { requestOverheadMs } from '../../helpers/request-overhead';

/**
 * Every answer to a write tells the truth about what is stored, also when the database freezes (SIGSTOP of
 * the test run's embedded Neo4j) before the request, in the middle of its transaction, or with its COMMIT in
 * flight, for less, about as long as and longer than the request's budget (REQUEST_TIMEOUT_MS = 3000). Once
 * the database is thawed and settled: an answer with data is stored once; REQUEST_TIMEOUT and
 * SERVICE_UNAVAILABLE are stored nowhere; WRITE_OUTCOME_UNKNOWN names the record and the request id, and the
 * test looks it up (either outcome is allowed, the answer said so). And every answer comes within the budget
 * and half a second, with Retry-After when it is an outage. Indicator 5-1-1 自治会の加入率 is answered for by
 * 市民活動推進課 (000 line 55), so that department's editor may record it.
 */
const BUDGET_MS = 3_000;
/**
 * What the issue allows beyond the budget, on an idle machine. On a loaded one every answer is slower, so each
 * bound adds what a trivial request took just before, measured in the same run (requestOverheadMs).
 */
const SLACK_MS = 500;
/** Answers that tell a client to send the same keyed request again. */
const TRY_AGAIN_CODES = ['IDEMPOTENCY_KEY_IN_USE', 'WRITE_OUTCOME_UNKNOWN', 'REQUEST_TIMEOUT', 'SERVICE_UNAVAILABLE'];
/** How many times the keyed cases send again at most before the last answer is judged. */
const MAX_TRIES = 5;
const SECRET = 'writes-under-freeze-test-secret-0123456789';
const INDICATOR = 'indicator:5-1-1';
const RECORD = `mutation Record($input: RecordIndicatorResultInput!) {
  recordIndicatorResult(input: $input) { id value revision }
}`;

/** One answer as the client saw it over HTTP. */
interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly replayed?: boolean;
  readonly tookMs: number;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

const codeOf = (answer: Answer): string => {
  const code = answer.body.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'OK';
};

/** Where a freeze starts: before the request is sent, or when a statement of its transaction has ended. */
type FreezePoint = 'before the request' | 'records/lock-series' | 'audit/write-change' | 'idempotency/complete';

describe('writes while the database freezes', () => {
  jest.setTimeout(600_000);

  let db: ServiceDatabase;
  let api: TestServer;
  let pid: number;
  let token: string;
  /** Set by a case: freeze for `ms` when the named statement ends (the next COMMIT then goes to a frozen JVM). */
  let armed: { statement: string; ms: number } | undefined;
  let freeze: ReturnType<typeof freezeFor> | undefined;

  const freezing: StatementObserver = {
    started: (statement) => () => {
      if (armed !== undefined && statement.name === armed.statement) {
        freeze = freezeFor(pid, armed.ms);
        armed = undefined;
      }
    },
  };

  const send = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const started = Date.now();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Answer['body'];
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      replayed: response.headers.get('idempotent-replayed') === 'true',
      tookMs: Date.now() - started,
      body,
    };
  };

  /** The audit entries (one per committed write) of a request id, and the value of a record. */
  const stored = async (requestId: string) => {
    const session = db.checks.session();
    try {
      const result = await session.run(
        'MATCH (c:Change {requestId: $requestId}) RETURN count(c) AS changes, collect(c.targetId) AS targets',
        { requestId },
      );
      const row = result.records[0];
      return { changes: Number(row?.get('changes')), targets: (row?.get('targets') as string[]) ?? [] };
    } finally {
      await session.close();
    }
  };

  const cleanRecords = async () => {
    const session = db.checks.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change OR n:IdempotencyKey DETACH DELETE n');
    } finally {
      await session.close();
    }
  };

  beforeAll(async () => {
    pid = testNeo4jPid();
    db = serviceDatabase();
    await cleanRecords();
    api = await startTestServer(db.gateway.observing(freezing), {
      requestBudget: { timeoutMs: BUDGET_MS },
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    token = await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
  });
  afterEach(() => freeze?.thaw());
  afterAll(async () => {
    freeze?.thaw();
    await cleanRecords();
    await api?.stop();
    await db?.close();
  });

  const cases: { readonly at: FreezePoint; readonly ms: number }[] = [
    { at: 'before the request', ms: 1_000 },
    { at: 'before the request', ms: 2_900 },
    { at: 'before the request', ms: 3_200 },
    { at: 'before the request', ms: 5_000 },
    { at: 'records/lock-series', ms: 1_000 },
    { at: 'records/lock-series', ms: 3_000 },
    { at: 'records/lock-series', ms: 4_500 },
    { at: 'audit/write-change', ms: 1_000 },
    { at: 'audit/write-change', ms: 2_700 },
    { at: 'audit/write-change', ms: 3_500 },
    { at: 'audit/write-change', ms: 6_000 },
  ];

  it('answers each write as what was stored, within the budget and half a second', async () => {
    const report: string[] = [];
    const outcomes: { requestId: string; code: string; storedChanges: number }[] = [];
    for (const [index, { at, ms }] of cases.entries()) {
      const requestId = `freeze-case-${index}`;
      const value = 1000 + index;
      const overheadMs = await requestOverheadMs(api.url);
      if (at === 'before the request') freeze = freezeFor(pid, ms);
      else armed = { statement: at, ms };
      const answer = await send(
        RECORD,
        { input: { indicator: INDICATOR, fiscalYear: 2025, value } },
        { 'x-request-id': requestId },
      );
      armed = undefined;
      await freeze?.thawed;
      await answersAgain(db.checks);
      // Settled: whatever the thawed database does with the transaction (commit it, or time it out) is done.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const { changes, targets } = await stored(requestId);
      const code = codeOf(answer);
      outcomes.push({ requestId, code, storedChanges: changes });
      const line = `${at} ${ms} ms: ${code} in ${answer.tookMs} ms (Retry-After ${answer.retryAfter ?? '-'}, overhead ${overheadMs} ms), stored ${changes}`;
      report.push(line);
      process.stderr.write(`${line}\n`);

      expect(answer.tookMs).toBeLessThanOrEqual(BUDGET_MS + SLACK_MS + overheadMs);
      switch (code) {
        case 'OK': {
          const written = answer.body.data?.recordIndicatorResult as { id: string; value: number };
          expect(written.value).toBe(value);
          expect(changes).toBe(1);
          expect(targets).toEqual([written.id]);
          break;
        }
        case 'REQUEST_TIMEOUT':
          expect(changes).toBe(0);
          break;
        case 'SERVICE_UNAVAILABLE':
          expect(changes).toBe(0);
          expect(answer.retryAfter).not.toBeNull();
          break;
        case 'WRITE_OUTCOME_UNKNOWN': {
          const lookup = answer.body.errors?.[0]?.extensions?.lookup as Record<string, unknown>;
          expect(lookup).toMatchObject({ subjectId: INDICATOR, fiscalYear: 2025, requestId });
          expect(answer.body.errors?.[0]?.message).toContain(String(lookup.recordId));
          expect(answer.retryAfter).not.toBeNull();
          // Either outcome is allowed; the test looks it up as a client would: the record named, once or never.
          expect(changes).toBeLessThanOrEqual(1);
          if (changes === 1) expect(targets).toEqual([lookup.recordId]);
          break;
        }
        default:
          throw new Error(`unexpected answer ${code}: ${JSON.stringify(answer.body)}`);
      }
    }
    process.stderr.write(`writes under freeze (budget ${BUDGET_MS} ms):\n  ${report.join('\n  ')}\n`);
    // Still true a while later: nothing an answer denied arrived late.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const outcome of outcomes) {
      expect((await stored(outcome.requestId)).changes).toBe(outcome.storedChanges);
    }
    // The commits sent into a frozen database whose answer could not come in time are the unknown ones.
    const atCommit = outcomes.filter((_, index) => cases[index]?.at === 'audit/write-change');
    // (At 2.7 s the answer may just make it, or not.)
    const codesAtCommit = atCommit.map((outcome) => outcome.code);
    expect([codesAtCommit[0], codesAtCommit[2], codesAtCommit[3]]).toEqual([
      'OK',
      'WRITE_OUTCOME_UNKNOWN',
      'WRITE_OUTCOME_UNKNOWN',
    ]);
  });

  /** Records holding `value`: each case writes a value of its own. */
  const recordsOf = async (value: number): Promise<string[]> => {
    const session = db.checks.session();
    try {
      const result = await session.run('MATCH (r:Record) WHERE r.value = $value RETURN r.id AS id', { value });
      return result.records.map((record) => String(record.get('id')));
    } finally {
      await session.close();
    }
  };

  /**
   * The last send's answer against what was stored just before it. Stored (by the thawed database finishing the
   * first request's COMMIT, or by a try whose outcome was lost): given again. Written now only if nothing was
   * stored. One way only each: the thawed database may still store the first write between the look and the
   * send, and then the answer is rightly a replay.
   */
  const expectOutcomeOf = (again: Answer, storedBeforeLast: readonly string[]): void => {
    if (storedBeforeLast.length === 1) expect(again.replayed).toBe(true);
    if (again.replayed !== true) expect(storedBeforeLast).toEqual([]);
  };

  it('lets a client learn any outcome by sending the same request with its Idempotency-Key again, once thawed', async () => {
    const keyedCases: { readonly at: FreezePoint; readonly ms: number }[] = [
      { at: 'before the request', ms: 5_000 },
      { at: 'records/lock-series', ms: 4_500 },
      // The last statement of a keyed write: its COMMIT goes to the frozen JVM.
      { at: 'idempotency/complete', ms: 1_000 },
      { at: 'idempotency/complete', ms: 3_500 },
      { at: 'idempotency/complete', ms: 6_000 },
    ];
    const report: string[] = [];
    for (const [index, { at, ms }] of keyedCases.entries()) {
      const key = `freeze-keyed-case-${index}-${Date.now()}`;
      const value = 2000 + index;
      const variables = { input: { indicator: INDICATOR, fiscalYear: 2027, value } };
      const overheadMs = await requestOverheadMs(api.url);
      if (at === 'before the request') freeze = freezeFor(pid, ms);
      else armed = { statement: at, ms };
      const first = await send(RECORD, variables, { 'idempotency-key': key });
      armed = undefined;
      await freeze?.thawed;
      await answersAgain(db.checks);
      const storedBefore = await recordsOf(value);
      // The client sends the same request with its key again, as the answers tell it to, until one is an answer
      // rather than "try again": a 409 while the first request's claim runs (waiting its Retry-After), or an
      // outage answer while the thawed JVM is still slow on a loaded machine. No fixed wait for the JVM to settle.
      const tries: string[] = [];
      let storedBeforeLast = storedBefore;
      let again = await send(RECORD, variables, { 'idempotency-key': key });
      while (TRY_AGAIN_CODES.includes(codeOf(again)) && tries.length < MAX_TRIES) {
        tries.push(codeOf(again));
        await new Promise((resolve) => setTimeout(resolve, 1_000 * Number(again.retryAfter ?? 1)));
        storedBeforeLast = await recordsOf(value);
        again = await send(RECORD, variables, { 'idempotency-key': key });
      }
      const storedAfter = await recordsOf(value);
      const line =
        `${at} ${ms} ms: ${codeOf(first)} in ${first.tookMs} ms, stored ${storedBefore.length}; sent again: ` +
        `${[...tries, codeOf(again)].join(' then ')}${again.replayed ? ' (replayed)' : ''}, stored ${storedAfter.length}`;
      report.push(line);
      process.stderr.write(`${line}\n`);

      expect(first.tookMs).toBeLessThanOrEqual(BUDGET_MS + SLACK_MS + overheadMs);
      expect(codeOf(again)).toBe('OK');
      const written = again.body.data?.recordIndicatorResult as { id: string };
      // Whatever the first answer was, the key's second answer is the one record there is.
      expect(storedAfter).toEqual([written.id]);
      if (codeOf(first) === 'OK') {
        expect(again.replayed).toBe(true);
        expect(again.body.data).toEqual(first.body.data);
      } else if (codeOf(first) === 'WRITE_OUTCOME_UNKNOWN') {
        const lookup = first.body.errors?.[0]?.extensions?.lookup as Record<string, unknown>;
        expect(lookup.idempotencyKey).toBe(key);
        expect(first.body.errors?.[0]?.message).toMatch(/same Idempotency-Key/);
        expectOutcomeOf(again, storedBeforeLast);
      } else {
        expect(['REQUEST_TIMEOUT', 'SERVICE_UNAVAILABLE']).toContain(codeOf(first));
        expect(storedBefore).toEqual([]);
        expectOutcomeOf(again, storedBeforeLast);
      }
    }
    process.stderr.write(`keyed writes under freeze (budget ${BUDGET_MS} ms):\n  ${report.join('\n  ')}\n`);
  });

  /** Reads and writes sent together to a database frozen for longer than the budget. */
  const READS = [
    '{ serviceInfo { nodeCount } }',
    '{ measure(code: "5-1-1") { code name departments { name } } }',
    '{ measures(first: 5) { totalCount nodes { code } } }',
    '{ node(id: "indicator:5-1-1") { id } }',
    '{ sdg(number: 17) { number } }',
    '{ policyItems(first: 3) { nodes { code name } } }',
    '{ departments { name } }',
    '{ sdgCoverage { sdgs { number } } }',
  ];

  it.each([3_000, 10_000])(
    'answers concurrent reads and writes to a frozen database within a budget of %i ms and half a second, all SERVICE_UNAVAILABLE with Retry-After',
    async (budgetMs) => {
      const server = await startTestServer(db.gateway, {
        requestBudget: { timeoutMs: budgetMs },
        authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
      });
      const ask = async (query: string, variables: Record<string, unknown>, requestId: string) => {
        const started = Date.now();
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as Answer['body'];
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          tookMs: Date.now() - started,
          body,
        };
      };
      try {
        // Warm: the pool holds connections, as it does in service.
        expect(codeOf(await ask(READS[0] ?? '', {}, `warm-${budgetMs}`))).toBe('OK');
        // As many trivial requests at once as the frozen ones below: what answering them costs here now.
        const overheadMs = await requestOverheadMs(server.url, READS.length + 4);
        freeze = freezeFor(pid, budgetMs + 3_000);
        const writes = [0, 1, 2, 3].map((n) =>
          ask(
            RECORD,
            { input: { indicator: INDICATOR, fiscalYear: 2026, value: budgetMs + n } },
            `frozen-${budgetMs}-w${n}`,
          ),
        );
        const reads = READS.map((query, n) => ask(query, {}, `frozen-${budgetMs}-r${n}`));
        const answers = await Promise.all([...reads, ...writes]);
        await freeze.thawed;
        await answersAgain(db.checks);
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        const times = answers.map((answer) => answer.tookMs);
        const codes = answers.map(codeOf);
        process.stderr.write(
          `frozen, budget ${budgetMs} ms: ${answers.length} answers in ${Math.min(...times)}-${Math.max(...times)} ms (overhead ${overheadMs} ms), ` +
            `codes ${JSON.stringify([...new Set(codes)])}, Retry-After ${JSON.stringify([...new Set(answers.map((a) => a.retryAfter))])}\n`,
        );
        expect(Math.max(...times)).toBeLessThanOrEqual(budgetMs + SLACK_MS + overheadMs);
        expect(new Set(codes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
        expect(answers.every((answer) => answer.retryAfter === '5')).toBe(true);
        for (const n of [0, 1, 2, 3]) expect((await stored(`frozen-${budgetMs}-w${n}`)).changes).toBe(0);
      } finally {
        freeze?.thaw();
        await server.stop();
      }
    },
  );
});
