import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { buildDashboard } from '../../../../src/web/dashboard/build-dashboard';
import { PROJECT_ROOT } from '../../../../src/core/project-root';
import { OUTLOOK_WORDS } from '../../../../src/platform/export/coded-words';
import { NOT_YET_ASSESSED } from '../../../../src/platform/export/kinds/indicator-export';
import type { IndicatorOutlook } from '../../../../dashboard/src/indicator/indicator-query';
import {
  documentWidth,
  seriousAxeViolations,
  timeToFirstRender,
  visitWeights,
} from '../../../helpers/dashboard-checks';
import { isLocalUrl, launchOfflineBrowser, openWatchedPage, type WatchedPage } from '../../../helpers/offline-browser';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const SCREENSHOTS = join(PROJECT_ROOT, 'dashboard', 'screenshots');
const AUTH_SECRET = 'dashboard-indicator-test-secret-0123456789';
/** The budget for a first visit to each new view (page, assets, the GraphQL answer, headers). */
const FIRST_VISIT_BUDGET_BYTES = 200 * 1000;

/** 5-4-1 刑法犯認知件数, 475 件 ▶▶ 470 件 (001 line 249), to bring down; answered for by 危機管理課. */
const INDICATOR = 'indicator:5-4-1';
const INDICATOR_PAGE = `?view=indicator&id=${INDICATOR}`;
/** Reform sheet 1-6 市作成刊行物の多言語配信の充実 (003 line 209). */
const SHEET = 'reform-sheet:1-6';
const SHEET_PAGE = `?view=sheet&id=${SHEET}`;
const CRISIS_MANAGEMENT = 'department:crisis-management';
/** 5-1-1 自治会の加入率, 82.31 % ▶▶ 85.00 %: 83.7 for 2024 is ON_TRACK (docs/analysts.md "Outlook"). */
const ON_TRACK = 'indicator:5-1-1';
/** 6-5-1 経常収支比率, 89.3 % ▶▶ 92.7 %以内 (001 line 693): a ceiling, kept by 91.0 for 2024. */
const CEILING = 'indicator:6-5-1';
/** 6-5-3 将来負担比率, 0 % ▶▶ 0 %: no distance to cover, so NOT_ASSESSED (NO_DISTANCE). */
const NO_DISTANCE = 'indicator:6-5-3';

const SERIES = `query($id: ID!) { node(id: $id) { ... on Indicator {
  results {
    fiscalYear
    current { value revision }
    progress { achievementRate grade }
    history { revision value retracted retractedReason }
  }
} } }`;

/** What the chart is drawn from, as the API answers it. */
const OUTLOOK = `query($id: ID!) { node(id: $id) { ... on Indicator {
  current target
  outlook { status reason ratio latestValue latestFiscalYear baselineFiscalYear targetFiscalYear projectedValue }
  results { fiscalYear current { value } }
} } }`;

interface ApiOutlook {
  readonly current: number | null;
  readonly target: number | null;
  readonly outlook: IndicatorOutlook;
  readonly results: readonly { readonly fiscalYear: number; readonly current: { readonly value: number } | null }[];
}

/** The chart's lines as the page reports them (`data-series`: each series' data by its id, and the years). */
interface DrawnSeries {
  readonly years: readonly number[];
  readonly [id: string]: readonly (number | null)[] | undefined;
}

interface ApiYear {
  readonly fiscalYear: number;
  readonly current: { readonly value: number; readonly revision: number } | null;
  readonly progress: { readonly achievementRate: number | null; readonly grade: string | null } | null;
  readonly history: readonly {
    readonly revision: number;
    readonly value: number;
    readonly retracted: boolean;
    readonly retractedReason: string | null;
  }[];
}

/** A table row as the in-page read sees it (this project compiles tests without DOM types). */
interface TableRow {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<{ readonly textContent: string | null }>;
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/** The browser globals the chart check reads (this project compiles tests without DOM types). */
interface CanvasGlobals {
  readonly document: {
    querySelector(selector: string): {
      querySelectorAll(selector: string): ArrayLike<{
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
        };
      }>;
    } | null;
  };
}

/**
 * An indicator's page and a reform sheet's page in a real headless Chromium cut off from every host but this
 * one, over the seeded graph with results recorded through the API: the series as table, chart and CSV equal
 * to the API's answer, one GraphQL request per view state, links from the other views, axe, page weight.
 */
describe('the indicator and reform-sheet pages', () => {
  jest.setTimeout(180_000);

  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  let series: readonly ApiYear[];
  const metrics: Record<string, unknown> = {};

  async function removeRecords(): Promise<void> {
    const session = db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  }

  async function write(query: string, variables: Record<string, unknown>, claims: Parameters<typeof mintToken>[1]) {
    const token = await mintToken(AUTH_SECRET, claims);
    const answer = await server.query(query, variables, { authorization: `Bearer ${token}` });
    expect(answer.errors).toBeUndefined();
  }

  /**
   * GraphQL requests the page made while `action` ran, until `ready` shows and the network is idle. `ready`
   * matters after a click: the view changes in place, so the page's load state is already idle while the
   * view's chunk and its query are still to come.
   */
  async function graphqlRequestsDuring(action: () => Promise<void>, ready?: string): Promise<string[]> {
    const before = watched.requestedUrls.length;
    await action();
    if (ready !== undefined) await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    return watched.requestedUrls.slice(before).filter((url) => new URL(url).pathname === '/graphql');
  }

  function openView(search: string): Promise<string[]> {
    return graphqlRequestsDuring(async () => {
      const response = await watched.gotoWhenSettled(`${server.url}/dashboard${search}`);
      expect(response?.status()).toBe(200);
    });
  }

  /** Pixels of `colour` (`#rrggbb`) on the chart's canvas: an empty box or a failed chunk has none. */
  function inkOf(colour: string): Promise<number> {
    return page.evaluate((hex) => {
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
      const box = (globalThis as unknown as CanvasGlobals).document.querySelector('.series-canvas');
      const canvas = box?.querySelectorAll('canvas')[0];
      if (canvas === undefined || canvas.width === 0) return 0;
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let at = 0; at < data.length; at += 4) {
        const [red, green, blue, alpha] = [data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0, data[at + 3] ?? 0];
        if (alpha > 200 && Math.abs(red - (r ?? 0)) < 30 && Math.abs(green - (g ?? 0)) < 30) {
          if (Math.abs(blue - (b ?? 0)) < 30) count += 1;
        }
      }
      return count;
    }, colour);
  }

  async function drawnSeries(): Promise<DrawnSeries> {
    const drawn = page.locator('.series-canvas[data-series]');
    await drawn.waitFor();
    return JSON.parse((await drawn.getAttribute('data-series')) ?? '{}') as DrawnSeries;
  }

  async function outlookOf(id: string): Promise<ApiOutlook> {
    const answer = await server.query<{ node: ApiOutlook }>(OUTLOOK, { id });
    expect(answer.errors).toBeUndefined();
    if (answer.data == null) throw new Error(`no answer for ${id}`);
    return answer.data.node;
  }

  async function screenshot(name: string, keep = false): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `dashboard-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    if (keep) copyFileSync(path, join(SCREENSHOTS, `${name}.png`));
  }

  beforeAll(async () => {
    await buildDashboard();
    db = openTestDatabase();
    server = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: AUTH_SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    await removeRecords();
    const editor = { sub: 'kiki', role: 'editor' as const, departments: ['危機管理課'] };
    const record = `mutation($input: RecordIndicatorResultInput!) { recordIndicatorResult(input: $input) { id } }`;
    // Four years of 5-4-1: 2024 recorded twice (the second revision counts), 2026 recorded and retracted.
    for (const [fiscalYear, value, note] of [
      [2023, 474, '警察署の統計（暦年）'],
      [2024, 472, null],
      [2024, 469, '確定値に訂正'],
      [2025, 480, null],
      [2026, 471, null],
    ] as const) {
      await write(record, { input: { indicator: INDICATOR, fiscalYear, value, note } }, editor);
    }
    await write(
      'mutation($id: ID!, $reason: String!) { retractRecord(id: $id, reason: $reason) { id } }',
      { id: 'indicator-result:5-4-1:2026:r1', reason: '年度の誤り' },
      editor,
    );
    await write(
      `mutation($input: RecordSheetEvaluationInput!) { recordSheetEvaluation(input: $input) { id } }`,
      {
        input: { sheet: SHEET, fiscalYear: 2023, grade: 'B', summary: '多言語アプリへの掲載を12件にした' },
      },
      { sub: 'kikaku', role: 'admin' },
    );
    const admin = { sub: 'kikaku', role: 'admin' as const };
    for (const [indicator, fiscalYear, value] of [
      [ON_TRACK, 2023, 83.2],
      [ON_TRACK, 2024, 83.7],
      [CEILING, 2024, 91],
      [NO_DISTANCE, 2024, 0],
    ] as const) {
      await write(record, { input: { indicator, fiscalYear, value } }, admin);
    }
    const answer = await server.query<{ node: { results: ApiYear[] } }>(SERIES, { id: INDICATOR });
    expect(answer.errors).toBeUndefined();
    series = answer.data?.node.results ?? [];
    expect(series.map((year) => year.fiscalYear)).toEqual([2023, 2024, 2025, 2026]);
    browser = await launchOfflineBrowser();
    watched = await openWatchedPage(browser, { width: 1440, height: 900 });
    page = watched.page;
  });

  afterAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'dashboard-indicator-metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    await browser?.close();
    await server?.stop();
    if (db) await removeRecords();
    await db?.close();
  });

  it("shows the indicator's facts and each year's value, rate and grade as the API gives them, from one request", async () => {
    const requests = await openView(INDICATOR_PAGE);
    expect(requests).toHaveLength(1);
    metrics.indicatorGraphqlRequests = requests.length;
    metrics.indicatorFirstRenderMs = await timeToFirstRender(page);
    await page.locator('table.results').waitFor();
    expect(await page.locator('h2').innerText()).toBe('5-4-1 刑法犯認知件数');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain('475 件');
    expect(facts).toContain('470 件');
    expect(facts).toContain('減らす');
    expect(facts).toContain('危機管理課');

    const rows = await page.locator('table.results tbody tr').evaluateAll((trs) =>
      (trs as unknown as TableRow[]).map((tr) => ({
        year: tr.getAttribute('data-fiscal-year'),
        cells: Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim()),
        grade: tr.querySelector('[data-grade]')?.getAttribute('data-grade') ?? null,
      })),
    );
    expect(rows).toEqual(
      series.map((year) =>
        year.current === null
          ? {
              year: String(year.fiscalYear),
              cells: [`R${year.fiscalYear - 2018} (${year.fiscalYear})`, '取消済み（有効な記録なし）'],
              grade: null,
            }
          : {
              year: String(year.fiscalYear),
              cells: [
                `R${year.fiscalYear - 2018} (${year.fiscalYear})`,
                `${year.current.value}件`,
                `${year.progress?.achievementRate?.toFixed(1)}%`,
                year.progress?.grade,
                expect.any(String),
              ],
              grade: year.progress?.grade,
            },
      ),
    );
    // Pinned from the formula (value − 475) / (470 − 475) and the scale S ≥ 100, B ≥ 50, C ≥ 0, D < 0.
    expect(rows.map((row) => [row.cells[1], row.cells[2], row.grade])).toEqual([
      ['474件', '20.0%', 'C'],
      ['469件', '120.0%', 'S'],
      ['480件', '-100.0%', 'D'],
      ['取消済み（有効な記録なし）', undefined, null],
    ]);
    await page.locator('.series-canvas[data-points]').waitFor();
    await screenshot('indicator', true);
  });

  it('draws the series as a chart: the points ECharts holds are the values, and the canvas has the line in ink', async () => {
    const points = JSON.parse((await page.locator('.series-canvas').getAttribute('data-points')) ?? '[]') as unknown[];
    // One point per fiscal year of the chart (R3, the baseline's, to R9, the target's): nothing where none is in force.
    const drawn = await drawnSeries();
    expect(points).toEqual(
      drawn.years.map((fiscalYear) => series.find((year) => year.fiscalYear === fiscalYear)?.current?.value ?? null),
    );
    expect(points).toEqual([null, null, 474, 469, 480, null, null]);
    // Pixels of the recorded line's colour on the drawn canvas.
    const inked = await inkOf('#0b57a4');
    expect(inked).toBeGreaterThan(200);
  });

  it("draws the outlook from the API's answer: baseline, recorded values, the needed path and the projection", async () => {
    const api = await outlookOf(INDICATOR);
    const { outlook } = api;
    // 475 件 ▶▶ 470 件, to bring down; 480 in R7 (R8's retracted) is further from the target than the baseline.
    expect(outlook).toMatchObject({
      status: 'DETERIORATION',
      latestFiscalYear: 2025,
      latestValue: 480,
      baselineFiscalYear: 2021,
      targetFiscalYear: 2027,
    });
    const drawn = await drawnSeries();
    expect(drawn.years).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(drawn.baseline).toEqual(
      drawn.years.map((year) => (year === outlook.baselineFiscalYear ? api.current : null)),
    );
    expect(drawn.recorded).toEqual(
      drawn.years.map((year) => api.results.find((result) => result.fiscalYear === year)?.current?.value ?? null),
    );
    // Compound growth, as the API measures the pace when baseline, value and target are all above 0.
    const along = (start: number, end: number, share: number): number => start * (end / start) ** share;
    const { current: baseline, target } = api;
    if (baseline === null || target === null || outlook.latestValue === null || outlook.latestFiscalYear === null) {
      throw new Error('5-4-1 has a baseline, a target and a result');
    }
    const span = outlook.targetFiscalYear - outlook.baselineFiscalYear;
    const needed = drawn.needed ?? [];
    expect(needed[0]).toBe(baseline);
    expect(needed[span]).toBe(target);
    drawn.years.forEach((year, index) => {
      const share = (year - outlook.baselineFiscalYear) / span;
      expect(needed[index]).toBeCloseTo(along(baseline, target, share), 2);
    });
    const elapsed = (outlook.latestFiscalYear ?? 0) - outlook.baselineFiscalYear;
    const projection = drawn.projection ?? [];
    expect(projection.slice(0, elapsed)).toEqual(Array.from({ length: elapsed }, () => null));
    expect(projection[elapsed]).toBe(outlook.latestValue);
    expect(projection[span]).toBe(outlook.projectedValue);
    // Along the pace the API measured (compound growth) from the latest value to the projected one.
    const next = along(outlook.latestValue, outlook.projectedValue ?? 0, 1 / (span - elapsed));
    expect(projection[elapsed + 1]).toBeCloseTo(next, 2);
    expect(drawn.bound).toBeUndefined();
    // The dashed path (#b02a0c) and the dotted projection (#00795a) are drawn, not only held.
    expect(await inkOf('#b02a0c')).toBeGreaterThan(100);
    expect(await inkOf('#00795a')).toBeGreaterThan(50);

    // Beside the chart, the status in words (not colour alone) and the ratio as the API gives it.
    const summary = page.locator('.outlook');
    expect(await summary.getAttribute('data-outlook-status')).toBe('DETERIORATION');
    expect(await summary.locator('.outlook-badge').innerText()).toBe('悪化');
    const words = await summary.innerText();
    expect(words).toContain(`ペース比 ${outlook.ratio?.toFixed(3)}`);
    expect(words).toContain(`見込み ${outlook.projectedValue?.toLocaleString('ja')}件`);
    expect(words).toContain('目標年度までの見通し R9 (2027)');
  });

  it('shows every revision on demand, retracted ones with their reason, in one more request', async () => {
    const requests = await graphqlRequestsDuring(
      () => page.getByRole('link', { name: '変更履歴を表示' }).click(),
      'section.history tbody tr',
    );
    expect(requests).toHaveLength(1);
    expect(new URL(page.url()).searchParams.get('history')).toBe('1');
    const history = page.locator('section.history tbody tr');
    await history.first().waitFor();
    const texts = await history.allInnerTexts();
    const expected = series.flatMap((year) => year.history.map((revision) => ({ year, revision })));
    expect(texts).toHaveLength(expected.length);
    expect(texts).toHaveLength(5);
    // Newest revision first within a year, as the API lists them.
    expect(texts[1]).toMatch(/^R6 \(2024\)\s+r2\s+469件\s+確定値に訂正\s.*有効$/s);
    expect(texts[2]).toMatch(/^R6 \(2024\)\s+r1\s+472件\s.*有効$/s);
    expect(texts[4]).toMatch(/^R8 \(2026\)\s+r1\s+471件.*取消: 年度の誤り$/s);
  });

  it('downloads the series as CSV that a strict reader parses into the same values, rates and grades', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '実績をCSVでダウンロード' }).click(),
    ]);
    // Named for the filter and the day in Japan (RFC 6266 filename*), as every export is.
    expect(download.suggestedFilename()).toMatch(/^成果指標の実績_indicator_5-4-1_\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const body = readFileSync(path);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The export tests' reader: RFC 4180, any bare line break ends a record, as spreadsheets read it.
    const records = parse<Record<string, string>>(body, {
      bom: true,
      columns: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    });
    const inForce = series.filter((year) => year.current !== null);
    // The Gregorian year in its own column (年度 reads 令和5年（暦年）: 刑法犯認知件数 counts calendar years).
    expect(
      records.map((record) => [record['年度（西暦）'], record['実績値'], record['達成率(%)'], record['評価']]),
    ).toEqual(
      inForce.map((year) => [
        String(year.fiscalYear),
        String(year.current?.value),
        String(year.progress?.achievementRate),
        year.progress?.grade,
      ]),
    );
    expect(records.every((record) => record['指標ID'] === INDICATOR)).toBe(true);
  });

  it('is reached from the drill-down, the department page and search', async () => {
    await openView('?view=items&item=5-4');
    await page.locator('table.indicators').getByRole('link', { name: '刑法犯認知件数' }).click();
    // The chart drawn too: leaving while its chunk loads would abort the request.
    await page.locator('.series-canvas[data-points]').waitFor();
    expect(new URL(page.url()).search).toBe(`?view=indicator&id=${encodeURIComponent(INDICATOR)}`);

    await openView(`?view=department&dept=${CRISIS_MANAGEMENT}`);
    await page
      .locator('.department-indicators')
      .getByRole('link', { name: /刑法犯認知件数/ })
      .click();
    await page.locator('.series-canvas[data-points]').waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toBe(INDICATOR);

    await openView(`?view=explorer&q=${encodeURIComponent('刑法犯認知件数')}`);
    await page.locator('.search-results').getByRole('link', { name: '指標のページ' }).first().click();
    await page.locator('.series-canvas[data-points]').waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toBe(INDICATOR);
  });

  it('shows who answers for the indicator and why, and the lines the outlook years rest on', async () => {
    await openView('?view=indicator&id=indicator%3A6-2-2');
    // 6-2-2 高ストレス: 行政管理課 through 6-2-7 職員の健康管理 (001 line 542, 002 line 161), not the same code's 財政課.
    expect(await page.locator('dd.owners .department-links').innerText()).toBe('行政管理課');
    const evidence = page.locator('dd.owners .owner-evidence');
    expect(await evidence.getAttribute('data-basis')).toBe('MEASURE_ROW');
    await evidence.locator('summary').click();
    const shown = await evidence.innerText();
    expect(shown).toContain('6-2-7 職員の健康管理と良好な職場環境の整備');
    expect(shown).toContain('001_ce2878ebb8c6f072.txt:542');
    expect(shown).toContain('ストレスチェックやオンライン個別相談を継続して実施する');
    const years = page.locator('dd.years-evidence details');
    expect(await years.locator('summary').innerText()).toBe('R3 → R9');
    await years.locator('summary').click();
    expect(await years.innerText()).toContain('003_333ee31cbdb593ac.txt:7');
    await screenshot('indicator-owners', true);

    // 5-5-1: no judgement, every department of the item, said so.
    await openView('?view=indicator&id=indicator%3A5-5-1');
    expect(await page.locator('dd.owners .owner-evidence').getAttribute('data-basis')).toBe('BY_POLICY_ITEM');
    expect(await page.locator('dd.owners .department-links').innerText()).toContain('道路整備課');
  });

  it('shows outlooks on the drill-down and the department page, each with a download of what it lists', async () => {
    await openView('?view=items&item=5-4');
    const rows = page.locator('table.indicators tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.locator('.outlook-cell .outlook-badge').count()).toBe(2);
    expect(await page.locator('table.indicators').locator('xpath=..').locator('a.download').getAttribute('href')).toBe(
      'export/indicators.xlsx?policyItem=5-4',
    );
    await openView(`?view=department&dept=${CRISIS_MANAGEMENT}`);
    const owned = page.locator('.department-indicators li');
    // 危機管理課 answers for 5-1-1, 5-3-1, 5-3-2, 5-4-1, 5-4-2, 5-5-1 and 5-5-2.
    expect(
      await owned.evaluateAll((items) =>
        items.map((item) => (item as unknown as { dataset: { id: string } }).dataset.id),
      ),
    ).toEqual([
      'indicator:5-1-1',
      'indicator:5-3-1',
      'indicator:5-3-2',
      'indicator:5-4-1',
      'indicator:5-4-2',
      'indicator:5-5-1',
      'indicator:5-5-2',
    ]);
    expect(await owned.locator('.outlook-badge').count()).toBe(7);
    // Each badge says what the API's outlook says, in the export's words: 判定不能 only for an outlook that cannot
    // be given, 未評価（実績未記録） for one not given yet because nothing is recorded (reason NO_RESULT).
    const badges: { id: string; text: string }[] = [];
    for (let at = 0; at < (await owned.count()); at += 1) {
      const item = owned.nth(at);
      badges.push({
        id: (await item.getAttribute('data-id')) ?? '',
        text: await item.locator('.outlook-badge').innerText(),
      });
    }
    const reasons = new Set<string | null>();
    for (const badge of badges) {
      const { outlook } = await outlookOf(badge.id);
      reasons.add(outlook.reason);
      const words =
        outlook.reason === 'NO_RESULT' ? NOT_YET_ASSESSED : OUTLOOK_WORDS[outlook.status as keyof typeof OUTLOOK_WORDS];
      expect({ id: badge.id, text: badge.text }).toEqual({ id: badge.id, text: words });
    }
    // Both kinds are on the page: indicators with nothing recorded, and 5-4-1 with its results.
    expect(reasons.has('NO_RESULT')).toBe(true);
    expect(reasons.has(null)).toBe(true);
    const href = await page
      .locator('#department-indicators')
      .locator('xpath=..')
      .locator('a.download')
      .getAttribute('href');
    expect(href).toBe(`export/indicators.xlsx?department=${encodeURIComponent(CRISIS_MANAGEMENT)}`);
    const download = await fetch(new URL(href ?? '', `${server.url}/dashboard`));
    expect(download.status).toBe(200);
    await screenshot('department-indicators', true);
  });

  it('shows the page in English with ?lang=en', async () => {
    const requests = await openView(`${INDICATOR_PAGE}&lang=en`);
    expect(requests).toHaveLength(1);
    await page.locator('.series-canvas[data-points]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('table.results thead').innerText()).toMatch(/Fiscal year\s+Value\s+Achievement rate/);
    expect(await page.locator('dl.facts').innerText()).toContain('to decrease');
    expect(await page.locator('.outlook .outlook-badge').innerText()).toBe('Deterioration');
    expect(await page.locator('.outlook').innerText()).toContain('Outlook by the target year R9 (2027)');
    await screenshot('indicator-en', true);
  });

  it.each([
    // 83.7 % for R6: the pace since R3 is 1.042 of the one needed (docs/analysts.md "Outlook").
    [ON_TRACK, 'ON_TRACK', '達成の見込み'],
    // A ceiling kept: a level, drawn as a horizontal line, with no path and no projection.
    [CEILING, 'TARGET_ACHIEVED', '目標達成'],
    // 0 % ▶▶ 0 %: no outlook, and the reason in words.
    [NO_DISTANCE, 'NOT_ASSESSED', '判定不能'],
  ])('shows %s as %s (%s), the chart drawn from the API', async (id, status, label) => {
    await openView(`?view=indicator&id=${id}`);
    const api = await outlookOf(id);
    expect(api.outlook.status).toBe(status);
    const drawn = await drawnSeries();
    const summary = page.locator('.outlook');
    expect(await summary.getAttribute('data-outlook-status')).toBe(status);
    expect(await summary.locator('.outlook-badge').innerText()).toBe(label);
    if (id === ON_TRACK) {
      // The projection carries the pace of R3 82.31 → R6 83.7 on to R9: 82.31 × (83.7/82.31)² = 85.11.
      expect(api.outlook).toMatchObject({ ratio: 1.042, projectedValue: 85.11 });
      expect(drawn.needed?.at(-1)).toBe(api.target);
      expect(drawn.projection?.at(-1)).toBe(85.11);
      expect(await summary.innerText()).toContain('ペース比 1.042');
      await screenshot('indicator-on-track');
    } else if (id === CEILING) {
      expect(drawn.bound).toEqual(drawn.years.map(() => api.target));
      expect(drawn.needed).toBeUndefined();
      expect(drawn.projection).toBeUndefined();
      await screenshot('indicator-ceiling');
    } else {
      expect(api.outlook.reason).toBe('NO_DISTANCE');
      expect(await summary.getAttribute('data-outlook-reason')).toBe('NO_DISTANCE');
      expect(await summary.locator('.outlook-meaning').innerText()).toBe(
        '目標値が現状値と同じで上限・下限もなく、進むべき差がありません。',
      );
      expect(drawn.needed).toBeUndefined();
    }
  });

  it('says an indicator with nothing recorded is not yet assessed, not that it cannot be judged', async () => {
    await openView(`?view=department&dept=${CRISIS_MANAGEMENT}`);
    const ids = await page
      .locator('.department-indicators li')
      .evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { id: string } }).dataset.id));
    const outlooks = await Promise.all(ids.map(async (id) => ({ id, outlook: (await outlookOf(id)).outlook })));
    const unrecorded = outlooks.find(({ outlook }) => outlook.reason === 'NO_RESULT');
    if (unrecorded === undefined) throw new Error(`no indicator of ${CRISIS_MANAGEMENT} without a result`);
    expect(unrecorded.outlook.status).toBe('NOT_ASSESSED');
    await openView(`?view=indicator&id=${unrecorded.id}`);
    const summary = page.locator('.outlook');
    expect(await summary.getAttribute('data-outlook-reason')).toBe('NO_RESULT');
    expect(await summary.locator('.outlook-badge').innerText()).toBe(NOT_YET_ASSESSED);
    expect(await summary.locator('.outlook-meaning').innerText()).toBe('まだ実績が記録されていません。');
    await screenshot('indicator-no-result');
    await openView(`?view=indicator&id=${unrecorded.id}&lang=en`);
    expect(await page.locator('.outlook .outlook-badge').innerText()).toBe('Not yet assessed (no result recorded)');
  });

  it("shows a reform sheet's text and its recorded evaluation, reached from the department page", async () => {
    await openView('?view=department&dept=department:citizen-activity-promotion');
    const requests = await graphqlRequestsDuring(
      () => page.locator('.department-grid').getByRole('link', { name: /1-6/ }).first().click(),
      'table.results',
    );
    expect(requests).toHaveLength(1);
    expect(new URL(page.url()).searchParams.get('id')).toBe(SHEET);
    metrics.sheetGraphqlRequests = requests.length;
    await page.locator('table.results').waitFor();
    expect(await page.locator('h2').innerText()).toBe('1-6 市作成刊行物の多言語配信の充実');
    expect(await page.locator('dl.facts').innerText()).toContain('ICTの積極的な活用');
    const row = page.locator('table.results tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/^R5 \(2023\)\s+B\s+多言語アプリへの掲載を12件にした$/);
    await screenshot('sheet', true);
  });

  it.each([
    ['indicator', INDICATOR_PAGE, '.series-canvas[data-points]'],
    ['sheet', SHEET_PAGE, 'table.results'],
  ])('the %s page passes an axe scan at 1440 and 390 px, without sideways scrolling', async (name, search, ready) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openView(search);
    await page.locator(ready).first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(`${name}-390`);
    await page.setViewportSize({ width: 1440, height: 900 });
    metrics[`axe-${name}`] = 'no serious or critical violations at 1440 and 390 px';
  });

  it.each([
    ['indicator', INDICATOR_PAGE, '.series-canvas[data-points]'],
    ['sheet', SHEET_PAGE, 'table.results'],
  ])('transfers at most 200 KB on a first visit to the %s page', async (name, search, ready) => {
    const { first: visit } = await visitWeights(browser, `${server.url}/dashboard${search}`, ready);
    metrics[`${name}FirstVisit`] = visit;
    expect(visit.entries.filter((entry) => entry.path === '/graphql')).toHaveLength(1);
    expect(visit.transferredBytes).toBeLessThanOrEqual(FIRST_VISIT_BUDGET_BYTES);
  });

  it('loaded everything from this service: no other host, no failed request, no script or console error', () => {
    expect(watched.requestedUrls.filter((url) => !isLocalUrl(url))).toEqual([]);
    expect(watched.failedRequests).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
