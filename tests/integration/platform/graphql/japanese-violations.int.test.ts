import fc from 'fast-check';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { japaneseFieldName } from '../../../../src/platform/graphql/japanese-violations';
import { RECORDED_VALUE_BOUND } from '../../../../src/write/recorded-value';
import { firstRecordableYear, planPeriod } from '../../../../src/write/plan-period';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * Issue 77: every violation of a refused input (`extensions.violations`) is Japanese under `Accept-Language: ja`,
 * naming its field, with the English beside it (`englishMessage`); in English, or without the header, each is
 * `{ field, rule, message }` in English as before. The inputs are drawn over the arguments and input fields the
 * schema validates and the kinds of rule each carries (a bound, a pattern, a list's size, a text's length after
 * cleaning, a fiscal year of the plan period, a recordable value, a filter's nesting), sent through the stack
 * `npm start` builds as variables, so class-validator refuses them (not GraphQL's own coercion).
 */
const SECRET = 'japanese-violations-test-secret-0123456789';
/** Japanese script: kana or kanji. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** One refused request: the operation, its variables, and the field (its own name) and rule it breaks. */
interface Refused {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly property: string;
  readonly rule: string;
}

const period = planPeriod();
const VALID_RECORD = { indicator: 'indicator:5-1-1', fiscalYear: period.firstYear, value: 1 };
const VALID_EVALUATION = { sheet: 'reform-sheet:1-1', fiscalYear: period.firstYear, grade: 'A', summary: '実施した' };

const RECORD = `mutation ($input: RecordIndicatorResultInput!) { recordIndicatorResult(input: $input) { id } }`;
const EVALUATE = `mutation ($input: RecordSheetEvaluationInput!) { recordSheetEvaluation(input: $input) { id } }`;
const RETRACT = `mutation ($id: ID!, $reason: String!) { retractRecord(id: $id, reason: $reason) { id } }`;

const refused = (
  query: string,
  property: string,
  rule: string,
  variables: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<Refused> => variables.map((v) => ({ query, variables: v, property, rule }));

/** A year outside [first, last]. */
const yearOutside = (first: number, last: number) =>
  fc.oneof(fc.integer({ min: first - 200, max: first - 1 }), fc.integer({ min: last + 1, max: last + 200 }));
/** Text that is empty once cleaned (spaces, full-width ones too), or longer than `max` once NFKC expands it. */
const uncleanText = (max: number) =>
  fc.oneof(
    fc.array(fc.constantFrom(' ', '\u3000', '\t'), { minLength: 1, maxLength: 20 }).map((spaces) => spaces.join('')),
    // `㍿` is one character sent and four stored (株式会社): within the sent length, beyond the stored one.
    fc.integer({ min: Math.floor(max / 4) + 1, max: Math.floor(max / 2) }).map((n) => '㍿'.repeat(n)),
  );
/** A short word that is no id of any kind (no `kind:` prefix). */
const notAnId = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
/** A page size outside `[min, max]`, near it (far above, the query limits refuse the request first). */
const sizeOutside = (min: number, max: number) =>
  fc.oneof(fc.integer({ min: min - 50, max: min - 1 }), fc.integer({ min: max + 1, max: max + 20 }));
const ruleOfSize = (min: number) => (n: number) => (n < min ? 'min' : 'max');

/** A filter nested one level past MAX_FILTER_NESTING (3) through `or` and `not`. */
const tooDeep = fc
  .array(fc.constantFrom('or', 'not'), { minLength: 4, maxLength: 5 })
  .map((path) =>
    path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: key === 'or' ? [inner] : inner }), { sdg: 1 }),
  );

const cases: fc.Arbitrary<Refused> = fc.oneof(
  // The records mutations (an editor's token; the check refuses before anything is written).
  refused(
    RECORD,
    'fiscalYear',
    'isRecordableFiscalYear',
    yearOutside(firstRecordableYear(period), period.lastYear).map((fiscalYear) => ({
      input: { ...VALID_RECORD, fiscalYear },
    })),
  ),
  refused(
    RECORD,
    'indicator',
    'matches',
    notAnId.map((indicator) => ({ input: { ...VALID_RECORD, indicator } })),
  ),
  refused(
    RECORD,
    'value',
    'isRecordedValue',
    fc
      .tuple(fc.double({ min: RECORDED_VALUE_BOUND + 2, max: 1e300, noNaN: true }), fc.boolean())
      .map(([value, negative]) => ({ input: { ...VALID_RECORD, value: negative ? -value : value } })),
  ),
  refused(
    RECORD,
    'note',
    'isCleanText',
    uncleanText(2000).map((note) => ({ input: { ...VALID_RECORD, note } })),
  ),
  refused(
    RECORD,
    'expectedRevision',
    'min',
    fc.integer({ min: -1000, max: -1 }).map((expectedRevision) => ({ input: { ...VALID_RECORD, expectedRevision } })),
  ),
  refused(
    EVALUATE,
    'fiscalYear',
    'isPlanFiscalYear',
    yearOutside(period.firstYear, period.lastYear).map((fiscalYear) => ({
      input: { ...VALID_EVALUATION, fiscalYear },
    })),
  ),
  refused(
    EVALUATE,
    'sheet',
    'matches',
    notAnId.map((sheet) => ({ input: { ...VALID_EVALUATION, sheet } })),
  ),
  refused(
    EVALUATE,
    'summary',
    'isCleanText',
    uncleanText(2000).map((summary) => ({ input: { ...VALID_EVALUATION, summary } })),
  ),
  refused(
    RETRACT,
    'id',
    'matches',
    notAnId.map((id) => ({ id, reason: '誤登録' })),
  ),
  refused(
    RETRACT,
    'reason',
    'isCleanText',
    uncleanText(500).map((reason) => ({ id: 'indicator-result:5-1-1:2024:r1', reason })),
  ),
  // Reads: arguments types.
  sizeOutside(1, 100).chain((first) =>
    refused(
      'query ($n: Int!) { measures(first: $n) { totalCount } }',
      'first',
      ruleOfSize(1)(first),
      fc.constant({ n: first }),
    ),
  ),
  refused('query ($t: String!) { search(text: $t) { __typename } }', 'text', 'minLength', fc.constant({ t: '' })),
  fc
    .array(fc.constantFrom('INDICATOR', 'MEASURE', 'DEPARTMENT', 'POLICY_ITEM'), { minLength: 10, maxLength: 20 })
    .chain((types) =>
      refused(
        'query ($k: [SearchType!]) { search(text: "市民", types: $k) { __typename } }',
        'types',
        'arrayMaxSize',
        fc.constant({ k: types }),
      ),
    ),
  sizeOutside(1, 8).chain((hops) =>
    refused(
      'query ($h: Int!) { paths(from: "indicator:5-1-1", to: "sdg:5", maxHops: $h) { __typename } }',
      'maxHops',
      ruleOfSize(1)(hops),
      fc.constant({ h: hops }),
    ),
  ),
  notAnId.chain((relationship) =>
    refused(
      'query ($r: String) { neighbours(id: "indicator:5-1-1", relationship: $r) { __typename } }',
      'relationship',
      'isIn',
      fc.constant({ r: relationship.toUpperCase() }),
    ),
  ),
  sizeOutside(1, 6).chain((field) =>
    refused(
      'query ($f: Int) { sdgCoverage(field: $f) { __typename } }',
      'field',
      ruleOfSize(1)(field),
      fc.constant({ f: field }),
    ),
  ),
  yearOutside(period.firstYear, period.lastYear).chain((year) =>
    refused(
      'query ($y: Int!) { progressSummary(fiscalYear: $y) { __typename } }',
      'fiscalYear',
      'isPlanFiscalYear',
      fc.constant({ y: year }),
    ),
  ),
  // Reads: filters (input types, nested).
  sizeOutside(1, 17).chain((sdg) =>
    refused(
      'query ($f: IndicatorFilter) { indicators(filter: $f) { totalCount } }',
      'sdg',
      ruleOfSize(1)(sdg),
      fc.constant({ f: { sdg } }),
    ),
  ),
  refused(
    'query ($f: IndicatorFilter) { indicators(filter: $f) { totalCount } }',
    'sdgs',
    'arrayNotEmpty',
    fc.constant({ f: { sdgs: [] } }),
  ),
  notAnId.chain((policyItem) =>
    refused(
      'query ($f: IndicatorFilter) { indicators(filter: $f) { totalCount } }',
      'policyItem',
      'matches',
      fc.constant({ f: { policyItem } }),
    ),
  ),
  notAnId.chain((id) =>
    refused(
      'query ($f: IndicatorFilter) { indicators(filter: $f) { totalCount } }',
      'idsNone',
      'matches',
      fc.constant({ f: { idsNone: [id] } }),
    ),
  ),
  tooDeep.chain((filter) =>
    refused(
      'query ($f: IndicatorFilter) { indicators(filter: $f) { totalCount } }',
      filter.or === undefined ? 'not' : 'or',
      'maxFilterNesting',
      fc.constant({ f: filter }),
    ),
  ),
  notAnId.chain((code) =>
    refused(
      'query ($f: MeasureFilter) { measures(filter: $f) { totalCount } }',
      'reformSheetsAll',
      'matches',
      fc.constant({ f: { reformSheetsAll: [code] } }),
    ),
  ),
  notAnId.chain((measure) =>
    refused(
      'query ($f: ReformSheetFilter) { reformSheets(filter: $f) { totalCount } }',
      'measure',
      'matches',
      fc.constant({ f: { measure } }),
    ),
  ),
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((since) => Number.isNaN(Date.parse(since)) && !/^\d/.test(since))
    .chain((since) =>
      refused(
        'query ($f: ChangeFilter) { changes(filter: $f) { totalCount } }',
        'since',
        'isIso8601',
        fc.constant({ f: { since } }),
      ),
    ),
);

interface Violation {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
  readonly englishMessage?: string;
}

describe('input violations in Japanese by Accept-Language', () => {
  jest.setTimeout(300_000);
  let db: TestDatabase;
  let server: TestServer;
  let editor = '';

  beforeAll(async () => {
    db = openTestDatabase();
    const authenticate = createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true });
    server = await startTestServer(db.gateway, { authenticate });
    editor = await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  async function violationsOf(request: Refused, language: string | undefined): Promise<readonly Violation[]> {
    const headers = {
      authorization: `Bearer ${editor}`,
      ...(language === undefined ? {} : { 'accept-language': language }),
    };
    const answer = await server.query(request.query, request.variables, headers);
    const error = answer.errors?.[0];
    expect({ status: answer.status, code: error?.extensions?.code }).toEqual({ status: 200, code: 'BAD_USER_INPUT' });
    const violations = error?.extensions?.violations as Violation[] | undefined;
    expect(Array.isArray(violations) && violations.length > 0).toBe(true);
    return violations ?? [];
  }

  it('gives every violation a Japanese message naming its field under ja, and the English unchanged otherwise', async () => {
    const english = fc.constantFrom(undefined, 'en', 'en-US,en;q=0.9', 'fr');
    await fc.assert(
      fc.asyncProperty(cases, english, async (request, englishLanguage) => {
        const inEnglish = await violationsOf(request, englishLanguage);
        const inJapanese = await violationsOf(request, 'ja,en;q=0.5');
        // The field and rule drawn are among those refused.
        const lastPart = (field: string) => field.slice(field.lastIndexOf('.') + 1);
        expect(inEnglish.map((v) => `${lastPart(v.field)} ${v.rule}`)).toContain(`${request.property} ${request.rule}`);
        // In English: exactly field, rule and message, the message English.
        for (const violation of inEnglish) {
          expect(Object.keys(violation).sort()).toEqual(['field', 'message', 'rule']);
          expect(violation.message).not.toMatch(JAPANESE);
        }
        // In Japanese: the same violations, each message Japanese and naming its field (as staff name it and
        // by its path), the English kept beside it.
        expect(inJapanese.map(({ field, rule }) => ({ field, rule }))).toEqual(
          inEnglish.map(({ field, rule }) => ({ field, rule })),
        );
        inJapanese.forEach((violation, at) => {
          expect(Object.keys(violation).sort()).toEqual(['englishMessage', 'field', 'message', 'rule']);
          expect(violation.message).toMatch(JAPANESE);
          expect(violation.message).toContain(`（${violation.field}）`);
          expect(violation.message).toContain(japaneseFieldName(lastPart(violation.field)));
          expect(violation.englishMessage).toBe(inEnglish[at]?.message);
        });
      }),
      { numRuns: 80, seed: 77 },
    );
  });
});
