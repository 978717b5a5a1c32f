import { parse } from 'csv-parse/sync';
import { REFORM_SHEET_PROPERTIES } from '../../../src/graph/properties/reform-sheet.properties';
import { parseReformSheets } from '../../../src/ingest/reform-sheet';
import { SourceDocument } from '../../../src/ingest/source-document';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';

/**
 * The worked example of docs/contributors.md ("Adding a numeric property"): reform sheets'
 * `yearlyTargetCount` is declared once (src/graph/properties/reform-sheet.properties.ts) and read by the
 * parser (src/ingest/reform-sheet/sheet.ts); nothing else was written for it. This checks that the
 * declaration alone made it a field, a filter, a sort order, an aggregate figure and an export column, with
 * a value read from the document: sheet 1-26 (開始 R6, 目標 R9) fills only the R6 and R7 cells of its
 * 各年度達成目標 row.
 */
const DOCUMENT = '003_333ee31cbdb593ac.txt';
let api: ApiFixture;

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
    const response = await fetch(`${api.server.url}/export/reform-sheets.csv?filter=${filter}`);
    expect(response.status).toBe(200);
    const records = parse<Record<string, string>>(Buffer.from(await response.arrayBuffer()), {
      bom: true,
      columns: true,
    });
    const header = REFORM_SHEET_PROPERTIES.yearlyTargetCount.export.ja;
    const sheet = records.find((record) => record['コード'] === '1-26');
    expect(sheet?.[header]).toBe('2');
    expect(records.every((record) => Number(record[header]) <= 2)).toBe(true);
  });
});
