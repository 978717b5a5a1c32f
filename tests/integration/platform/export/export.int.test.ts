import { dayInJapan } from '../../../../src/platform/export/download-name';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { openApi, type ApiFixture } from '../../../helpers/api-fixture';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * GET /export/<kind>.<csv|xlsx> against the seeded graph: the files are read back with a CSV parser and an
 * XLSX reader and must hold the same rows as the GraphQL answer for the same filter.
 */
const SECRET = 'export-test-secret-0123456789abcdef';

/** Small pages, so every export below walks several pages of its connection. */
const PAGE_SIZE = 10;

interface Download {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
}

let api: ApiFixture;

beforeAll(async () => {
  api = await openApi({ export: { pageSize: PAGE_SIZE } });
});

afterAll(async () => {
  await api.close();
});

async function download(path: string, headers: Record<string, string> = {}, base = api.server.url): Promise<Download> {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

function errorOf(answer: Download): { code: string; message: string } {
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  return (JSON.parse(answer.body.toString('utf8')) as { error: { code: string; message: string } }).error;
}

/**
 * The CSV's records as objects keyed by the header row, read as spreadsheets read it: csv-parse (RFC 4180;
 * the BOM checked separately) with CRLF, a bare LF and a bare CR each ending a record outside quotes, as
 * they do in Excel, LibreOffice and Python's `csv`. A lenient reader that takes a bare LF for data once hid
 * 19 measures whose 内容 spans several lines from these tests.
 */
function csvRecords(body: Buffer): Record<string, string>[] {
  return parse<Record<string, string>>(body, { bom: true, columns: true, record_delimiter: ['\r\n', '\n', '\r'] });
}

/** Every record of the CSV, header included, read as `csvRecords` reads them (rows of strings). */
function csvRows(body: Buffer): string[][] {
  return parse(body, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] });
}

async function readWorkbook(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no worksheet');
  return sheet;
}

/** The sheet's data rows as objects keyed by the header row, with the cells' values as exceljs reads them. */
function sheetRecords(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const records: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    records.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1).value])));
  });
  return records;
}

const joined = (names: readonly string[]): string => names.join('、');

interface MeasureNode {
  code: string;
  name: string;
  policyItem: { code: string };
  departments: { name: string }[];
  sdgs: { number: number; name: string }[];
  source: { document: string; line: number };
}

const MEASURES = `query ($filter: MeasureFilter) {
  measures(filter: $filter, first: 100) {
    totalCount
    nodes { code name policyItem { code } departments { name } sdgs { number name } source { document line } }
  }
}`;

async function measuresOf(filter: Record<string, unknown>): Promise<{ totalCount: number; nodes: MeasureNode[] }> {
  const answer = await api.server.query<{ measures: { totalCount: number; nodes: MeasureNode[] } }>(MEASURES, {
    filter,
  });
  expect(answer.errors).toBeUndefined();
  if (!answer.data) throw new Error('no data');
  return answer.data.measures;
}

describe('GET /export/measures.csv', () => {
  it('gives the rows of the GraphQL answer for SDG 17 × 市民活動推進課, as UTF-8 CSV with a BOM', async () => {
    const answer = await download(`/export/measures.csv?sdg=17&department=${encodeURIComponent('市民活動推進課')}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    // Named for a planning office's files: the kind, the filter as given, the day in Japan (RFC 6266 filename*).
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="measures_17_${dayInJapan(new Date())}.csv"; filename*=UTF-8''${encodeURIComponent(
        `施策中項目_17_市民活動推進課_${dayInJapan(new Date())}.csv`,
      )}`,
    );
    expect([...answer.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // RFC 4180 line ends.
    expect(answer.body.toString('utf8')).toContain('\r\n');

    const expected = await measuresOf({ sdg: 17, department: '市民活動推進課' });
    expect(expected.totalCount).toBe(9);
    const records = csvRecords(answer.body);
    expect(records.map((record) => record['コード'])).toEqual(expected.nodes.map((measure) => measure.code));
    expect(records).toEqual(
      expected.nodes.map((measure): unknown =>
        expect.objectContaining({
          コード: measure.code,
          施策大項目コード: measure.policyItem.code,
          施策中項目: measure.name,
          担当課: joined(measure.departments.map((department) => department.name)),
          SDGs: joined(measure.sdgs.map((sdg) => `${sdg.number} ${sdg.name}`)),
          出典文書: measure.source.document,
          出典行: String(measure.source.line),
        }),
      ),
    );
    // 5-1-1 自治会の支援 is answered by 市民活動推進課 and 危機管理課 (000 line 55); its item 5-1 serves SDG 17.
    const first = records[0];
    expect(first?.['施策中項目']).toBe('自治会の支援');
    expect(first?.['担当課']).toContain('危機管理課');
    expect(first?.['SDGs']).toContain('17 パートナーシップで目標を達成しよう');
  });

  it('takes the filter as JSON, a list key repeated, and gives English headers on request', async () => {
    const filter = encodeURIComponent(JSON.stringify({ field: 5 }));
    const answer = await download(`/export/measures.csv?filter=${filter}&status=NEW&status=CHANGED&header=en`);
    expect(answer.status).toBe(200);
    const expected = await measuresOf({ field: 5, status: ['NEW', 'CHANGED'] });
    expect(expected.totalCount).toBeGreaterThan(0);
    const records = csvRecords(answer.body);
    expect(Object.keys(records[0] ?? {}).slice(0, 3)).toEqual(['Code', 'Policy item code', 'Policy item']);
    expect(records.map((record) => record.Code)).toEqual(expected.nodes.map((measure) => measure.code));
  });
});

describe('every export, as a spreadsheet reads it', () => {
  // Each kind unfiltered (for measures also with the deleted ones: every row of the graph) and filtered, e.g.
  // by a repeated list key (`sdgs=11&sdgs=16`), the form with which broken rows were first reported.
  const exports = [
    { path: 'measures', query: '', connection: 'measures', filter: {} },
    { path: 'measures', query: 'includeDeleted=true', connection: 'measures', filter: { includeDeleted: true } },
    { path: 'measures', query: 'sdgs=11&sdgs=16', connection: 'measures', filter: { sdgs: [11, 16] } },
    { path: 'policy-items', query: '', connection: 'policyItems', filter: {} },
    { path: 'policy-items', query: 'sdgs=11&sdgs=16', connection: 'policyItems', filter: { sdgs: [11, 16] } },
    { path: 'indicators', query: '', connection: 'indicators', filter: {} },
    { path: 'indicators', query: 'direction=DECREASE', connection: 'indicators', filter: { direction: 'DECREASE' } },
    { path: 'reform-sheets', query: '', connection: 'reformSheets', filter: {} },
    { path: 'reform-sheets', query: 'sdgs=11&sdgs=16', connection: 'reformSheets', filter: { sdgs: [11, 16] } },
  ].flatMap((entry) =>
    (['csv', 'xlsx'] as const).map((format) => ({ ...entry, format, file: `${entry.path}.${format}` })),
  );

  it.each(exports)(
    '/export/$file?$query has a header and totalCount rows',
    async ({ path, query, connection, filter, format }) => {
      const filterType = { measures: 'MeasureFilter', policyItems: 'PolicyItemFilter', indicators: 'IndicatorFilter' };
      const type = filterType[connection as keyof typeof filterType] ?? 'ReformSheetFilter';
      const total = await api.server.query<Record<string, { totalCount: number }>>(
        `query ($filter: ${type}) { ${connection}(filter: $filter) { totalCount } }`,
        { filter },
      );
      const totalCount = total.data?.[connection]?.totalCount;
      expect(totalCount).toBeGreaterThan(0);
      const answer = await download(`/export/${path}.${format}${query ? `?${query}` : ''}`);
      expect(answer.status).toBe(200);
      if (format === 'csv') {
        const rows = csvRows(answer.body);
        expect(rows.length).toBe((totalCount ?? 0) + 1);
        // Every row as wide as the header: a row broken by a line feed would be shorter.
        const width = rows[0]?.length;
        expect(rows.filter((row) => row.length !== width)).toEqual([]);
      } else {
        expect((await readWorkbook(answer.body)).rowCount).toBe((totalCount ?? 0) + 1);
      }
    },
  );

  it('keeps a multi-line 内容 in one quoted cell, line breaks included', async () => {
    const graphql = await api.server.query<{ measures: { nodes: { code: string; description: string | null }[] } }>(
      '{ measures(filter: { includeDeleted: true }, first: 100) { nodes { code description } } }',
    );
    const multiLine = (graphql.data?.measures.nodes ?? []).filter((measure) => measure.description?.includes('\n'));
    // 19 measures of the documents have a description over several lines (read from 001).
    expect(multiLine.length).toBe(19);
    const records = csvRecords((await download('/export/measures.csv?includeDeleted=true')).body);
    for (const measure of multiLine) {
      expect(records.find((record) => record['コード'] === measure.code)?.['内容']).toBe(measure.description);
    }
  });
});

describe('GET /export/<kind>.xlsx', () => {
  it('gives every indicator with numbers as numbers, the header bold and frozen', async () => {
    const answer = await download('/export/indicators.xlsx');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="indicators_${dayInJapan(new Date())}.xlsx"; filename*=UTF-8''${encodeURIComponent(
        `成果指標_${dayInJapan(new Date())}.xlsx`,
      )}`,
    );
    const graphql = await api.server.query<{
      indicators: {
        totalCount: number;
        nodes: { id: string; name: string; current: number | null; target: number | null }[];
      };
    }>('{ indicators(first: 100) { totalCount nodes { id name current target } } }');
    const expected = graphql.data?.indicators;
    expect(expected?.totalCount).toBe(27);

    const sheet = await readWorkbook(answer.body);
    expect(sheet.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const records = sheetRecords(sheet);
    expect(records.map((record) => [record.ID, record['指標名'], record['現状値'], record['目標値']])).toEqual(
      expected?.nodes.map((indicator) => [indicator.id, indicator.name, indicator.current, indicator.target]),
    );
    const numbers = records.map((record) => record['現状値']).filter((value) => value !== null);
    expect(numbers.length).toBeGreaterThan(0);
    for (const value of numbers) expect(typeof value).toBe('number');
  });

  it("gives one department's indicators with owners, outlook years and their source, codes in Japanese words", async () => {
    const answer = await download(`/export/indicators.xlsx?department=${encodeURIComponent('財政課')}`);
    expect(answer.status).toBe(200);
    const records = sheetRecords(await readWorkbook(answer.body));
    // 財政課 answers for 6-5-1, 6-5-2 and 6-5-3 (計画的な財政運営: 001 line 725, 002 line 406).
    expect(records.map((record) => record.ID)).toEqual(['indicator:6-5-1', 'indicator:6-5-2', 'indicator:6-5-3']);
    expect(records[0]).toEqual(
      expect.objectContaining({
        担当課: '財政課',
        担当の根拠: '施策中項目の評価回答部署（行の引用あり）',
        担当の根拠コード: 'MEASURE_ROW',
        担当の施策中項目: '6-5-2',
        現状値の年度: '令和3年度',
        '現状値の年度（西暦）': 2021,
        目標年度: '令和9年度',
        '目標年度（西暦）': 2027,
        方向: '減らす（低いほどよい）',
        方向コード: 'DECREASE',
        見通し: '未評価（実績未記録）',
        見通しコード: 'NOT_ASSESSED',
        見通しなしの理由: '実績が未記録',
        見通しなしの理由コード: 'NO_RESULT',
      }),
    );
    expect(records[0]?.['年度の根拠']).toMatch(/^R3→R9: 003_333ee31cbdb593ac\.txt:7、001_ce2878ebb8c6f072\.txt:61/);
    // No Japanese-headed column of a coded value holds a code: each code sits in its own `…コード` column.
    const coded = ['方向', '担当の根拠', '見通し', '見通しなしの理由', '見通しの算定方法', '見込み値の算定方法'];
    for (const record of records) {
      for (const header of coded) {
        expect(Object.keys(record)).toContain(`${header}コード`);
        expect(typeof record[header] === 'string' ? record[header] : '').not.toMatch(/^[A-Z_]+$/);
      }
    }
    // The same set as the API's list of the department's indicators, and the measures export's 変更区分 in words.
    const measures = csvRecords((await download('/export/measures.csv?policyItem=6-5')).body);
    expect(measures.map((m) => `${m['変更区分']} ${m['変更区分コード']}`)).toContain('変更あり CHANGED');
  });

  it('gives reform sheets with fiscal years as whole-number years', async () => {
    const answer = await download('/export/reform-sheets.xlsx?evaluation=C&header=en');
    expect(answer.status).toBe(200);
    const graphql = await api.server.query<{
      reformSheets: { nodes: { code: string; startYear: { year: number }; targetYear: { year: number } | null }[] };
    }>(
      '{ reformSheets(filter: { evaluation: "C" }, first: 100) { nodes { code startYear { year } targetYear { year } } } }',
    );
    const expected = graphql.data?.reformSheets.nodes ?? [];
    expect(expected.length).toBeGreaterThan(0);
    const sheet = await readWorkbook(answer.body);
    const records = sheetRecords(sheet);
    // The era label as the sheets print it (R 5 → 令和5年度), the Gregorian year in its own number column.
    expect(
      records.map((record) => [
        record.Code,
        record['Start fiscal year (Gregorian)'],
        record['Target fiscal year (Gregorian)'],
      ]),
    ).toEqual(expected.map((reform) => [reform.code, reform.startYear.year, reform.targetYear?.year ?? null]));
    expect(records[0]?.['Start fiscal year']).toBe(`令和${(expected[0]?.startYear.year ?? 0) - 2018}年度`);
    const startColumn = (sheet.getRow(1).values as ExcelJS.CellValue[]).indexOf('Start fiscal year (Gregorian)');
    expect(sheet.getRow(2).getCell(startColumn).numFmt).toBe('0');
  });
});

describe('the export links in the IDE examples', () => {
  const examplesDirectory = join(__dirname, '..', '..', '..', '..', 'schema', 'examples');
  const linked = readdirSync(examplesDirectory).flatMap((file) => {
    const text = readFileSync(join(examplesDirectory, file), 'utf8');
    const link = /^# .*GET (\/export\/\S+)/m.exec(text)?.[1];
    return link === undefined ? [] : [{ file, text, link }];
  });

  it('are there', () => {
    expect(linked.length).toBeGreaterThanOrEqual(3);
  });

  it.each(linked)('$link gives the rows of $file', async ({ text, link }) => {
    const example = await api.server.query<Record<string, { totalCount: number }>>(text);
    const totalCount = Object.values(example.data ?? {})[0]?.totalCount;
    expect(totalCount).toBeGreaterThan(0);
    const answer = await download(link);
    expect(answer.status).toBe(200);
    const rows = link.includes('.xlsx?')
      ? sheetRecords(await readWorkbook(answer.body)).length
      : csvRecords(answer.body).length;
    expect(rows).toBe(totalCount);
  });
});

describe('the default page size', () => {
  it('asks pages of 100 rows that every kind fits within the query limits (cost, depth) of /graphql', async () => {
    const defaults = await startTestServer(api.db.gateway);
    try {
      const totals = await api.server.query<Record<string, { totalCount: number }>>(
        `{ measures(filter: { includeDeleted: true }) { totalCount } policyItems { totalCount }
           indicators { totalCount } reformSheets { totalCount } }`,
      );
      const files = {
        'measures.xlsx?includeDeleted=true': totals.data?.measures?.totalCount,
        'policy-items.xlsx': totals.data?.policyItems?.totalCount,
        'indicators.csv': totals.data?.indicators?.totalCount,
        'reform-sheets.csv': totals.data?.reformSheets?.totalCount,
        // No result is recorded here: the file has its header alone, and the page's query (every indicator's
        // years with their progress) passes the cost limit.
        'indicator-results.csv': 0,
      };
      for (const [file, totalCount] of Object.entries(files)) {
        const answer = await download(`/export/${file}`, {}, defaults.url);
        expect({ file, status: answer.status }).toEqual({ file, status: 200 });
        const rows = file.includes('.xlsx')
          ? sheetRecords(await readWorkbook(answer.body)).length
          : csvRecords(answer.body).length;
        expect({ file, rows }).toEqual({ file, rows: totalCount });
      }
    } finally {
      await defaults.stop();
    }
  });
});

describe('refusals, as JSON naming the problem', () => {
  it('refuses a filter value of the wrong type, naming the key', async () => {
    const answer = await download('/export/measures.csv?sdg=eleven');
    expect(answer.status).toBe(400);
    const error = errorOf(answer);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^filter\.sdg: Int cannot represent/);
  });

  it('refuses a filter the API refuses (SDG 99), with the API’s message', async () => {
    const answer = await download(`/export/measures.xlsx?filter=${encodeURIComponent('{"sdg":99}')}`);
    expect(answer.status).toBe(400);
    const error = errorOf(answer);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('filter.sdg: sdg must not be greater than 17 (rule max)');
  });

  it('refuses a filter that is not JSON, and a key given twice', async () => {
    expect(errorOf(await download('/export/measures.csv?filter={sdg:11}')).message).toMatch(/^filter: not JSON/);
    const twice = await download(`/export/measures.csv?sdg=11&filter=${encodeURIComponent('{"sdg":11}')}`);
    expect(twice.status).toBe(400);
    expect(errorOf(twice).message).toContain('sdg: given both');
  });

  it('refuses an unknown parameter by name', async () => {
    const answer = await download('/export/measures.csv?sdgs_typo=11');
    expect(answer.status).toBe(400);
    const error = errorOf(answer);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('"sdgs_typo"');
  });

  it('answers 404 for an unknown export, listing the known ones', async () => {
    const answer = await download('/export/departments.csv');
    expect(answer.status).toBe(404);
    expect(errorOf(answer).message).toContain('measures.csv');
  });

  it('refuses an export over EXPORT_MAX_ROWS before sending anything', async () => {
    const capped = await startTestServer(api.db.gateway, { env: { EXPORT_MAX_ROWS: '5' } });
    try {
      const answer = await download('/export/measures.csv', {}, capped.url);
      expect(answer.status).toBe(413);
      const error = errorOf(answer);
      expect(error.code).toBe('RESPONSE_TOO_LARGE');
      expect(error.message).toContain('EXPORT_MAX_ROWS');
    } finally {
      await capped.stop();
    }
  });

  it('answers the preflight of a browser page for a download with a token', async () => {
    const response = await fetch(`${api.server.url}/export/measures.xlsx`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dash.example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('refuses anonymous callers when ANONYMOUS_READ=false, and serves a signed-in viewer', async () => {
    const closed = await startTestServer(api.db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: false }),
    });
    try {
      const anonymous = await download('/export/measures.csv', {}, closed.url);
      expect(anonymous.status).toBe(401);
      expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
      const token = await mintToken(SECRET, { sub: 'analyst', role: 'viewer', departments: [] });
      const signedIn = await download('/export/measures.csv?sdg=17', { authorization: `Bearer ${token}` }, closed.url);
      expect(signedIn.status).toBe(200);
      expect(csvRecords(signedIn.body).length).toBe((await measuresOf({ sdg: 17 })).totalCount);
    } finally {
      await closed.stop();
    }
  });
});

describe('GET /export/indicator-results.csv', () => {
  const WRITE = `mutation($input: RecordIndicatorResultInput!) { recordIndicatorResult(input: $input) { id revision } }`;
  const RETRACT = `mutation($id: ID!, $reason: String!) { retractRecord(id: $id, reason: $reason) { id } }`;
  const SERIES = `query($id: ID!) { node(id: $id) { ... on Indicator {
    id name unit current target
    results { fiscalYear current { revision value recordedAt } progress { achievementRate grade rule } }
  } } }`;
  interface SeriesAnswer {
    node: {
      id: string;
      name: string;
      unit: string;
      current: number;
      target: number;
      results: {
        fiscalYear: number;
        current: { revision: number; value: number; recordedAt: string } | null;
        progress: { achievementRate: number | null; grade: string | null; rule: string } | null;
      }[];
    };
  }
  let writer: TestServer;
  let admin: Record<string, string>;

  const cleanRecords = async (): Promise<void> => {
    const session = api.db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  };
  const write = async (query: string, variables: Record<string, unknown>): Promise<void> => {
    const answer = await writer.query(query, variables, admin);
    expect(answer.errors).toBeUndefined();
  };
  const record = (indicator: string, fiscalYear: number, value: number): Promise<void> =>
    write(WRITE, { input: { indicator, fiscalYear, value } });

  beforeAll(async () => {
    writer = await startTestServer(api.db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    admin = { authorization: `Bearer ${await mintToken(SECRET, { sub: 'export-test', role: 'admin' })}` };
    await cleanRecords();
    // 5-4-1 刑法犯認知件数, 475 件 ▶▶ 470 件 (001 line 249): four years, one of them revised, one retracted.
    await record('indicator:5-4-1', 2023, 474);
    await record('indicator:5-4-1', 2024, 472);
    await record('indicator:5-4-1', 2024, 469);
    await record('indicator:5-4-1', 2025, 480);
    await record('indicator:5-4-1', 2026, 471);
    await write(RETRACT, { id: 'indicator-result:5-4-1:2026:r1', reason: 'entered for the wrong year' });
    // Another indicator of the same policy item, which the id filter must leave out.
    await record('indicator:5-4-2', 2024, 96);
  });
  afterAll(async () => {
    await cleanRecords();
    await writer.stop();
  });

  it("gives one indicator's series, a row per year in force, as the API grades it", async () => {
    const answer = await download('/export/indicator-results.csv?ids=indicator:5-4-1');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="indicator-results_indicator_5-4-1_${dayInJapan(new Date())}.csv"; filename*=UTF-8''${encodeURIComponent(
        `成果指標の実績_indicator_5-4-1_${dayInJapan(new Date())}.csv`,
      )}`,
    );
    expect([...answer.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(answer.body);
    expect(rows[0]).toEqual([
      '指標ID',
      '指標名',
      '単位',
      '年度',
      '年度（西暦）',
      '計画期間前',
      '実績値',
      '現状値',
      '目標値',
      '達成率(%)',
      '評価',
      '算定方法',
      '算定方法コード',
      '版',
      '記録日時',
    ]);
    // Pinned from the formula (value − 475) / (470 − 475) × 100 and the scale S ≥ 100, B ≥ 50, C ≥ 0, D < 0;
    // 2026 was retracted and has no value in force.
    // 刑法犯認知件数 is a calendar-year statistic (000 line 259: 平成23年の刑法犯認知件数): 年, not 年度.
    expect(rows.slice(1).map((row) => [row[3], row[4], row[5], row[6], row[9], row[10], row[13]])).toEqual([
      ['令和5年（暦年）', '2023', 'FALSE', '474', '20', 'C', '1'],
      ['令和6年（暦年）', '2024', 'FALSE', '469', '120', 'S', '2'],
      ['令和7年（暦年）', '2025', 'FALSE', '480', '-100', 'D', '1'],
    ]);
    const series = await api.server.query<SeriesAnswer>(SERIES, { id: 'indicator:5-4-1' });
    const indicator = series.data?.node;
    if (!indicator) throw new Error('no indicator:5-4-1');
    const inForce = indicator.results.filter((year) => year.current !== null);
    expect(csvRecords(answer.body)).toEqual(
      inForce.map((year) => ({
        指標ID: indicator.id,
        指標名: indicator.name,
        単位: indicator.unit,
        年度: `令和${year.fiscalYear - 2018}年（暦年）`,
        '年度（西暦）': String(year.fiscalYear),
        計画期間前: 'FALSE',
        実績値: String(year.current?.value),
        現状値: String(indicator.current),
        目標値: String(indicator.target),
        '達成率(%)': String(year.progress?.achievementRate),
        評価: year.progress?.grade,
        算定方法: '現状値から目標値への達成率',
        算定方法コード: year.progress?.rule,
        版: String(year.current?.revision),
        記録日時: year.current?.recordedAt,
      })),
    );
  });

  it('takes any indicator filter, with English headers, and as XLSX with years and values as numbers', async () => {
    const csv = csvRecords((await download('/export/indicator-results.csv?policyItem=5-4&header=en')).body);
    // 5-4-1 刑法犯認知件数 is counted per calendar year (000 line 259), 5-4-2 per fiscal year.
    expect(csv.map((row) => `${row['Indicator ID']} ${row['Fiscal year']} ${row['Fiscal year (Gregorian)']}`)).toEqual([
      'indicator:5-4-1 令和5年（暦年） 2023',
      'indicator:5-4-1 令和6年（暦年） 2024',
      'indicator:5-4-1 令和7年（暦年） 2025',
      'indicator:5-4-2 令和6年度 2024',
    ]);
    const sheet = sheetRecords(
      await readWorkbook((await download('/export/indicator-results.xlsx?ids=indicator:5-4-1')).body),
    );
    expect(sheet.map((row) => [row['年度（西暦）'], row['実績値'], row['達成率(%)']])).toEqual([
      [2023, 474, 20],
      [2024, 469, 120],
      [2025, 480, -100],
    ]);
  });

  it('refuses an id of another kind by name, and a set that could pass EXPORT_MAX_ROWS', async () => {
    const wrong = await download('/export/indicator-results.csv?ids=measure:5-4-1');
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).message).toContain('ids must hold ids such as indicator:5-1-1');
    const capped = await startTestServer(api.db.gateway, { env: { EXPORT_MAX_ROWS: '5' } });
    try {
      // Two indicators of 5-4 with up to five plan years each could be ten rows.
      const answer = await download('/export/indicator-results.csv?policyItem=5-4', {}, capped.url);
      expect(answer.status).toBe(413);
      expect(errorOf(answer).message).toContain('up to');
    } finally {
      await capped.stop();
    }
  });
});

describe('an indicators file a planning office can sign (issue: numbers a planning office can sign)', () => {
  const WRITE = `mutation($input: RecordIndicatorResultInput!) { recordIndicatorResult(input: $input) { id revision } }`;
  let writer: TestServer;
  const bearer = async (claims: Parameters<typeof mintToken>[1]) => ({
    authorization: `Bearer ${await mintToken(SECRET, claims)}`,
  });
  const cleanRecords = async (): Promise<void> => {
    const session = api.db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  };
  const record = async (headers: Record<string, string>, indicator: string, fiscalYear: number, value: number) =>
    writer.query(WRITE, { input: { indicator, fiscalYear, value } }, headers);

  beforeAll(async () => {
    writer = await startTestServer(api.db.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    await cleanRecords();
    // 企画課 runs and counts 職員提案制度 (003 lines 771-778): its editor records 6-2-1.
    const planning = await bearer({ sub: 'kikaku', role: 'editor', departments: ['企画課'] });
    expect((await record(planning, 'indicator:6-2-1', 2024, 6)).errors).toBeUndefined();
    // No line names who issues マイナンバーカード: 市民活動推進課 may not record 6-4-2.
    const citizens = await bearer({ sub: 'shimin', role: 'editor', departments: ['市民活動推進課'] });
    const refused = await record(citizens, 'indicator:6-4-2', 2024, 70);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await bearer({ sub: 'export-test', role: 'admin' });
    for (const [indicator, fiscalYear, value] of [
      ['indicator:6-5-4', 2024, -10], // a net outflow of 10: distance from balance, not balance
      ['indicator:5-2-3', 2023, 1000], // 545 ▶▶ 2,000 人
      ['indicator:5-6-2', 2023, 45], // 1 ▶▶ 520 件
    ] as const) {
      expect((await record(admin, indicator, fiscalYear, value)).errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await cleanRecords();
    await writer.stop();
  });

  const IDS = ['6-2-1', '6-4-2', '6-5-4', '5-2-3', '5-6-1', '5-6-2'].map((code) => `ids=indicator:${code}`).join('&');

  /** The rows of both formats, keyed by indicator id, each cell as text (the XLSX's numbers as the CSV writes them). */
  /** A cell as the CSV writes it: empty for none, the number or text itself otherwise. */
  const cellText = (value: ExcelJS.CellValue): string =>
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : `${value}`;

  async function bothFormats(path: string): Promise<Map<string, Record<string, string>>[]> {
    const csv = await download(`${path.replace('.xlsx', '.csv')}`);
    const xlsx = await download(path);
    expect([csv.status, xlsx.status]).toEqual([200, 200]);
    const fromCsv = new Map(csvRecords(csv.body).map((row) => [row.ID ?? '', row]));
    const fromXlsx = new Map(
      sheetRecords(await readWorkbook(xlsx.body)).map((row) => [
        cellText(row.ID),
        Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cellText(value)])),
      ]),
    );
    return [fromCsv, fromXlsx];
  }

  it('reads the same in CSV and XLSX: owners from lines, signed outflow, one reading per row, years in 令和', async () => {
    for (const rows of await bothFormats(`/export/indicators.xlsx?${IDS}`)) {
      expect(rows.get('indicator:6-2-1')?.['担当課']).toBe('行政管理課、企画課');
      expect(rows.get('indicator:6-4-2')?.['担当課']).toBe('担当未確定（資料に記載なし）');
      // 6-5-4: −108 ▶▶ 0; −10 is progress toward balance, never the target.
      const migration = rows.get('indicator:6-5-4');
      expect(migration?.['現状値']).toBe('-108');
      expect(migration?.['方向コード']).toBe('INCREASE');
      expect(migration?.['見通しコード']).not.toBe('TARGET_ACHIEVED');
      // 5-2-3 and 5-6-2 agree with themselves: on track projects past the target, limited progress short of it.
      const exchange = rows.get('indicator:5-2-3');
      expect([exchange?.['見通し'], exchange?.['見通しの算定方法コード']]).toEqual(['達成の見込み', 'COMPOUND_GROWTH']);
      expect(Number(exchange?.['目標年度の見込み値'])).toBeGreaterThanOrEqual(Number(exchange?.['目標値']));
      const online = rows.get('indicator:5-6-2');
      expect([online?.['見通し'], online?.['見通しの算定方法コード']]).toEqual(['進捗がわずか', 'LINEAR_GROWTH']);
      expect(online?.['目標年度の見込み値']).toBe('133');
      expect(Number(online?.['目標年度の見込み値'])).toBeLessThan(Number(online?.['目標値']));
      // Years as the documents write them, the Gregorian year beside; nothing recorded is 未評価, not 判定不能.
      expect(exchange?.['現状値の年度']).toBe('令和3年度');
      expect(exchange?.['現状値の年度（西暦）']).toBe('2021');
      expect(exchange?.['最新実績の年度']).toBe('令和5年度');
      expect(exchange?.['目標年度']).toBe('令和9年度');
      expect(rows.get('indicator:6-4-2')?.['見通し']).toBe('未評価（実績未記録）');
      // The reform sheet's raised target (003 lines 307, 311) beside the plan's 5,500 件.
      expect(rows.get('indicator:5-6-1')?.['目標値']).toBe('5500');
      expect(rows.get('indicator:5-6-1')?.['後の目標（改革シート）']).toBe(
        '令和9年度 証明書のコンビニ交付件数：20,000件',
      );
      expect(rows.get('indicator:5-6-1')?.['後の目標の根拠']).toBe(
        '003_333ee31cbdb593ac.txt:291、003_333ee31cbdb593ac.txt:307、003_333ee31cbdb593ac.txt:311',
      );
      // 5-5-2's name stands alone; the printed one beside it.
      expect(rows.get('indicator:6-2-1')?.['指標名(表記)']).toBe('');
    }
  });

  it("names a department's file for the department and the day", async () => {
    const answer = await download(`/export/indicators.xlsx?department=${encodeURIComponent('企画課')}`);
    const day = dayInJapan(new Date());
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="indicators_${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`成果指標_企画課_${day}.xlsx`)}`,
    );
    const ids = sheetRecords(await readWorkbook(answer.body)).map((row) => row.ID);
    expect(ids).toContain('indicator:6-2-1');
  });
});
