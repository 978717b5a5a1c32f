import { parse } from 'csv-parse/sync';
import { INDICATOR_PROPERTIES } from '../../../src/graph/kinds/indicator.kind';
import { MEASURE_PROPERTIES } from '../../../src/graph/kinds/measure.kind';
import { POLICY_ITEM_PROPERTIES } from '../../../src/graph/kinds/policy-item.kind';
import { REFORM_SHEET_PROPERTIES } from '../../../src/graph/kinds/reform-sheet.kind';
import { parseReformSheets } from '../../../src/ingest/reform-sheet';
import { SourceDocument } from '../../../src/ingest/source-document';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';

/**
 * The worked example of docs/contributors.md ("Adding a numeric property"): reform sheets'
 * `yearlyTargetCount` is declared once (src/graph/kinds/reform-sheet.kind.ts) and read by the
 * parser (src/ingest/reform-sheet/sheet.ts); nothing else was written for it. This checks that the
 * declaration alone made it a field, a filter, a sort order, an aggregate figure and an export column, with
 * a value read from the document: sheet 1-26 (開始 R6, 目標 R9) fills only the R6 and R7 cells of its
 * 各年度達成目標 row.
 */
const DOCUMENT = '003_333ee31cbdb593ac.txt';
let api: ApiFixture;

/** The rows of an export as CSV, each by its Japanese headers. */
async function exported(kind: string, parameters: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${api.server.url}/export/${kind}.csv?${parameters}`);
  expect(response.status).toBe(200);
  return parse<Record<string, string>>(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true });
}

/** The lines of a source document that `pattern` matches. */
function linesMatching(document: string, pattern: RegExp): string[] {
  return SourceDocument.read('seed/sources', document).lines.filter((line) => pattern.test(line));
}

beforeAll(async () => {
  api = await openApi();
});

afterAll(async () => {
  await api.close();
});

interface Sheet {
  readonly code: string;
  readonly yearlyTargetCount: number;
}

describe('a declared number of reform sheets (yearlyTargetCount)', () => {
  it('is what the document fills: sheet 1-26 sets targets for R6 and R7 only', () => {
    const document = SourceDocument.read('seed/sources', DOCUMENT);
    const sheet = parseReformSheets(document).sheets.find((candidate) => candidate.code === '1-26');
    const targetsLine = sheet?.yearlyTargets[0]?.source.line ?? 0;
    const filled = document
      .line(targetsLine)
      .split('\t')
      .slice(1)
      .filter((cell) => cell.trim() !== '');
    expect(document.line(targetsLine)).toMatch(/^各年度達成目標\t/);
    expect(filled).toHaveLength(2);
    expect(sheet?.yearlyTargets.map((target) => target.year.label)).toEqual(['R6', 'R7']);
    expect(sheet?.figures.yearlyTargetCount).toBe(2);
  });

  it('is a field, a filter, a sort order and an aggregate figure of the API', async () => {
    const answer = await api.server.query<{
      reformSheet: Sheet;
      few: { totalCount: number; nodes: Sheet[]; aggregate: { yearlyTargetCount: { min: number; max: number } } };
      all: { nodes: Sheet[]; aggregate: { yearlyTargetCount: { min: number; max: number } } };
    }>(`{
      reformSheet(code: "1-26") { code yearlyTargetCount }
      few: reformSheets(filter: { yearlyTargetCount: { lte: 2 } }, first: 100) {
        totalCount nodes { code yearlyTargetCount } aggregate { yearlyTargetCount { min max } }
      }
      all: reformSheets(orderBy: [{ field: YEARLY_TARGET_COUNT, direction: DESC }], first: 100) {
        nodes { code yearlyTargetCount } aggregate { yearlyTargetCount { min max } }
      }
    }`);
    expect(answer.errors).toBeUndefined();
    const data = answer.data;
    expect(data?.reformSheet).toEqual({ code: '1-26', yearlyTargetCount: 2 });
    expect(data?.few.nodes.map((sheet) => sheet.code)).toContain('1-26');
    expect(data?.few.nodes.every((sheet) => sheet.yearlyTargetCount <= 2)).toBe(true);
    expect(data?.few.aggregate.yearlyTargetCount.max).toBe(2);
    const counts = data?.all.nodes.map((sheet) => sheet.yearlyTargetCount) ?? [];
    expect(counts).toHaveLength(56);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(data?.all.aggregate.yearlyTargetCount).toEqual({ min: counts.at(-1), max: counts[0] });
  });

  it('is a column of the export, headed as declared', async () => {
    const filter = encodeURIComponent(JSON.stringify({ yearlyTargetCount: { lte: 2 } }));
    const records = await exported('reform-sheets', `filter=${filter}`);
    const header = REFORM_SHEET_PROPERTIES.yearlyTargetCount.export.ja;
    const sheet = records.find((record) => record['コード'] === '1-26');
    expect(sheet?.[header]).toBe('2');
    expect(records.every((record) => Number(record[header]) <= 2)).toBe(true);
  });
});

/**
 * The other kinds' declared numbers (src/graph/kinds/indicator|measure|policy-item.kind.ts) give
 * the values the documents print, through every use their declaration names.
 */
describe("indicators' declared numbers (current, target)", () => {
  // Document 001 prints `市ホームページへのアクセス数⇥2,927,767 件 ▶▶⇥3,351,000 件`, the largest of both.
  const NAME = '市ホームページへのアクセス数';
  const printed = (): number[] => {
    const [row = ''] = linesMatching('001_ce2878ebb8c6f072.txt', new RegExp(`^${NAME}\\t`));
    return [...row.matchAll(/([\d,]+) 件/g)].map((match) => Number((match[1] ?? '').replace(/,/g, '')));
  };

  it('are fields, filters, sort orders and aggregate figures with the printed values', async () => {
    const [current, target] = printed();
    expect([current, target]).toEqual([2927767, 3351000]);
    const answer = await api.server.query<{
      found: { nodes: { name: string; current: number; target: number }[] };
      byCurrent: { nodes: { name: string }[]; aggregate: { current: { max: number }; target: { max: number } } };
      byTarget: { nodes: { name: string }[] };
    }>(
      `query ($current: Float!, $target: Float!) {
        found: indicators(filter: { current: { gte: $current }, target: { lte: $target } }) {
          nodes { name current target }
        }
        byCurrent: indicators(orderBy: [{ field: CURRENT, direction: DESC }], first: 1) {
          nodes { name } aggregate { current { max } target { max } }
        }
        byTarget: indicators(orderBy: [{ field: TARGET, direction: DESC }], first: 1) { nodes { name } }
      }`,
      { current, target },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.found.nodes).toEqual([{ name: NAME, current, target }]);
    expect(answer.data?.byCurrent.nodes).toEqual([{ name: NAME }]);
    expect(answer.data?.byTarget.nodes).toEqual([{ name: NAME }]);
    expect(answer.data?.byCurrent.aggregate).toEqual({ current: { max: current }, target: { max: target } });
  });

  it('are columns of the indicators export, headed as declared', async () => {
    const [current, target] = printed();
    const row = (await exported('indicators', 'policyItem=6-1')).find((record) => record['指標名'] === NAME);
    const { current: currentColumn, target: targetColumn } = INDICATOR_PROPERTIES;
    expect([row?.[currentColumn.export.ja], row?.[targetColumn.export.ja]]).toEqual([String(current), String(target)]);
  });
});

describe("measures' declared number", () => {
  // Document 001 numbers 5-6's measures `1. 窓口サービスの向上` … `3. 市民ニーズに合った使いやすい市庁舎等の実現`;
  // the draft (000) marks its old measure `3 職員の資質の向上` `←削除`, so that one has no number.
  const LAST = '市民ニーズに合った使いやすい市庁舎等の実現';
  const DELETED = '職員の資質の向上';

  it('is a field and an aggregate figure with the printed numbers, null for a deleted measure', async () => {
    const [numbered = ''] = linesMatching('001_ce2878ebb8c6f072.txt', new RegExp(`^\\d+\\. ${LAST}$`));
    const last = Number(numbered.split('.')[0]);
    expect(
      linesMatching('000_c612850dd0d0a3ba.txt', new RegExp(`^施策中項目\\t\\d+ ${DELETED}\\t.*←削除`)),
    ).toHaveLength(1);
    const answer = await api.server.query<{
      measures: {
        nodes: { name: string; number: number | null }[];
        aggregate: { number: { min: number; max: number } };
      };
    }>(`{
      measures(filter: { policyItem: "5-6", includeDeleted: true }) {
        nodes { name number } aggregate { number { min max } }
      }
    }`);
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data?.measures.nodes ?? [];
    expect(nodes).toContainEqual({ name: LAST, number: last });
    expect(nodes).toContainEqual({ name: DELETED, number: null });
    expect(answer.data?.measures.aggregate.number).toEqual({ min: 1, max: last });
  });

  it('is a column of the measures export, empty for a deleted measure', async () => {
    const rows = await exported('measures', 'policyItem=5-6&includeDeleted=true');
    const header = MEASURE_PROPERTIES.number.export.ja;
    const numberOf = (name: string) => rows.find((record) => record['施策中項目'] === name)?.[header];
    expect([numberOf(LAST), numberOf(DELETED)]).toEqual(['3', '']);
  });
});

describe("policy items' declared number", () => {
  // Document 004's matrix lists field 1's items as codes 1-1 … 1-7 (`⇥1-7⇥生活困窮者等の支援`).
  const fieldOne = (): { number: number; name: string }[] =>
    linesMatching('004_c772f55bb03f2e1d.txt', /\t1-\d+\t/).map((line) => {
      const [, number = '', name = ''] = /\t1-(\d+)\t([^\t]+)/.exec(line) ?? [];
      return { number: Number(number), name };
    });

  it('is a field and an aggregate figure with the numbers of the codes the matrix prints', async () => {
    const printed = fieldOne();
    const answer = await api.server.query<{
      policyItems: { nodes: { name: string; number: number }[]; aggregate: { number: { min: number; max: number } } };
    }>(`{ policyItems(filter: { field: 1 }) { nodes { name number } aggregate { number { min max } } } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.policyItems.nodes).toEqual(printed);
    const numbers = printed.map((item) => item.number);
    expect(answer.data?.policyItems.aggregate.number).toEqual({ min: Math.min(...numbers), max: Math.max(...numbers) });
  });

  it('is a column of the policy items export', async () => {
    const header = POLICY_ITEM_PROPERTIES.number.export.ja;
    const rows = (await exported('policy-items', 'field=1')).map((record) => ({
      number: Number(record[header]),
      name: record['施策大項目'],
    }));
    expect(rows).toEqual(fieldOne());
  });
});
