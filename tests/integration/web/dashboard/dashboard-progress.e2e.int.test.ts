import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { buildDashboard } from '../../../../src/web/dashboard/build-dashboard';
import { PROJECT_ROOT } from '../../../../src/core/project-root';
import { IndicatorOutlookStatus } from '../../../../src/graph/outlook-status';
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
const AUTH_SECRET = 'dashboard-progress-test-secret-0123456789';
/** Issue 23's budget for a first visit to a new view: page, assets, the GraphQL answer and headers. */
const FIRST_VISIT_BUDGET_BYTES = 200 * 1000;
const STANDINGS = ['S', 'A', 'B', 'C', 'D', 'notGradable', 'noResult'] as const;
const CRISIS_MANAGEMENT = 'department:crisis-management';

/**
 * Results recorded through the API before the view opens, with the grade each gets from the baselines and
 * targets printed in 001 (docs/records.md "Progress"; tests/integration/write/progress.int.test.ts checks each).
 */
const RESULTS: readonly { indicator: string; fiscalYear: number; value: number; why: string }[] = [
  { indicator: 'indicator:5-1-1', fiscalYear: 2024, value: 84.5, why: '82.31 % ▶▶ 85.00 %: 81.4 % → A' },
  { indicator: 'indicator:5-4-1', fiscalYear: 2024, value: 472, why: '475 件 ▶▶ 470 件: 60 % → B' },
  { indicator: 'indicator:5-5-2', fiscalYear: 2024, value: 33, why: '36 件 ▶▶ 30 件: 50 % → B' },
  { indicator: 'indicator:5-2-1', fiscalYear: 2024, value: 900, why: '843 人 ▶▶ 1,900 人: 5.4 % → C' },
  { indicator: 'indicator:6-5-1', fiscalYear: 2024, value: 91, why: '92.7 %以内 kept → S' },
  { indicator: 'indicator:6-5-4', fiscalYear: 2024, value: -120, why: 'an outflow of 108 人 ▶▶ 0 人: −11.1 % → D' },
  { indicator: 'indicator:5-1-3', fiscalYear: 2024, value: 1, why: 'no baseline (—): not gradable' },
  { indicator: 'indicator:5-1-2', fiscalYear: 2023, value: 50, why: '43 ▶▶ 50 reached in R5 → S; none in R6' },
];

interface Counts {
  readonly indicators: number;
  readonly grades: readonly { readonly grade: string; readonly count: number }[];
  readonly notGradable: number;
  readonly noResult: number;
  readonly outlooks: readonly {
    readonly status: string;
    readonly count: number;
    readonly indicators: readonly { readonly id: string }[];
  }[];
}
interface Summary {
  readonly overall: Counts;
  readonly fields: readonly ({ readonly field: { readonly number: number } } & Counts)[];
  readonly departments: readonly ({ readonly department: { readonly id: string } } & Counts)[];
  readonly sdgs: readonly ({ readonly sdg: { readonly number: number } } & Counts)[];
}
const COUNTS = `indicators grades { grade count } notGradable noResult
  outlooks { status count indicators { id } }`;
const SUMMARY = `query($year: Int!) { progressSummary(fiscalYear: $year) {
  overall { ${COUNTS} } fields { field { number } ${COUNTS} } departments { department { id } ${COUNTS} }
  sdgs { sdg { number } ${COUNTS} }
} }`;
const COVERAGE = `{ serviceInfo { coverage {
  fields { field { number } indicatorCount } uncoveredSdgs { number }
} } }`;
/** The enum's order, which every group's `outlooks` and the view's columns follow. */
const OUTLOOK_STATUSES = Object.values(IndicatorOutlookStatus);

/** A table row as the in-page read sees it (this project compiles tests without DOM types). */
interface HTMLRow {
  readonly dataset: { readonly group?: string };
}

/** A group's counts as the view's table must show them: one number per standing, and the total. */
function expectedCells(counts: Counts): Record<string, number> {
  const cells: Record<string, number> = { notGradable: counts.notGradable, noResult: counts.noResult };
  for (const { grade, count } of counts.grades) cells[grade] = count;
  return { ...cells, total: counts.indicators };
}

/** A group's counts by outlook as the view's table must show them, and the total. */
function expectedOutlookCells(counts: Counts): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const { status, count } of counts.outlooks) cells[status] = count;
  return { ...cells, total: counts.indicators };
}

/**
 * The progress overview as an analyst uses it, in a real headless Chromium cut off from every host but this one:
 * a year's grades per field and per department equal `progressSummary`'s, every count drills to the indicators
 * it counts, one GraphQL request per view state, an axe scan at two widths and the weight of a first visit.
 */
describe('the progress overview at /dashboard?view=progress', () => {
  jest.setTimeout(180_000);

  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  const metrics: Record<string, unknown> = {};

  async function graphqlRequestsDuring(action: () => Promise<void>): Promise<string[]> {
    const before = watched.requestedUrls.length;
    // The action waits for the view to show its new state; a request the view fired for it (in an effect,
    // right after rendering) has been issued by then, and any later one would show up within the pause.
    await action();
    await page.waitForTimeout(500);
    return watched.requestedUrls.slice(before).filter((url) => new URL(url).pathname === '/graphql');
  }

  async function openView(search: string): Promise<string[]> {
    return graphqlRequestsDuring(async () => {
      const response = await watched.gotoWhenSettled(`${server.url}/dashboard${search}`);
      expect(response?.status()).toBe(200);
      await page.locator('table.progress-table').first().waitFor();
    });
  }

  /** The numbers a table row shows, by standing and `total`. */
  function rowCells(group: string): Promise<Record<string, number>> {
    return page.locator(`table.progress-table tr[data-group="${group}"]`).evaluate((row) => {
      const cells: Record<string, number> = {};
      const found = (
        row as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }
      ).querySelectorAll('td.count');
      for (let index = 0; index < found.length; index += 1) {
        const cell = found[index] as unknown as {
          textContent: string | null;
          dataset: { standing?: string };
        };
        cells[cell.dataset.standing ?? 'total'] = Number(cell.textContent);
      }
      return cells;
    });
  }

  /** The indicator ids the drill-down lists, top to bottom. */
  const drilledIds = (): Promise<string[]> =>
    page
      .locator('.progress-drill li[data-indicator]')
      .evaluateAll((items) =>
        items.map((item) => (item as unknown as { dataset: { indicator: string } }).dataset.indicator),
      );

  async function summaryOf(year: number): Promise<Summary> {
    const answer = await server.query<{ progressSummary: Summary }>(SUMMARY, { year });
    expect(answer.errors).toBeUndefined();
    if (answer.data == null) throw new Error('progressSummary gave no data');
    return answer.data.progressSummary;
  }

  /** `keep`: also as the guides' picture of the view (dashboard/screenshots). */
  async function screenshot(name: string, keep = false): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `dashboard-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    if (keep) copyFileSync(path, join(SCREENSHOTS, `${name}.png`));
  }

  async function removeRecords(): Promise<void> {
    const session = db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  }

  beforeAll(async () => {
    // The test builds the bundles itself, so it always runs against the current sources.
    await buildDashboard();
    db = openTestDatabase();
    await removeRecords();
    server = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: AUTH_SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    const token = await mintToken(AUTH_SECRET, { sub: 'planning', role: 'admin' });
    for (const { indicator, fiscalYear, value } of RESULTS) {
      const recorded = await server.query(
        'mutation($input: RecordIndicatorResultInput!) { recordIndicatorResult(input: $input) { id } }',
        { input: { indicator, fiscalYear, value } },
        { authorization: `Bearer ${token}` },
      );
      expect(recorded.errors).toBeUndefined();
    }
    browser = await launchOfflineBrowser();
    watched = await openWatchedPage(browser, { width: 1440, height: 900 });
    page = watched.page;
  });

  afterAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'dashboard-progress-metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    await browser?.close();
    await server?.stop();
    if (db) await removeRecords();
    await db?.close();
  });

  it("shows R6's counts per field and per department exactly as progressSummary gives them, from one request", async () => {
    const requests = await openView('?view=progress&fy=2024');
    metrics.timeToFirstRenderMs = await timeToFirstRender(page);
    metrics.graphqlRequestsOpening = requests.length;
    expect(requests).toHaveLength(1);
    expect(await page.locator('h2').innerText()).toBe('進捗の概況 · R6（2024年度）');

    const summary = await summaryOf(2024);
    // The recorded results, as graded: S 1, A 1, B 2, C 1, D 1, one not gradable, the other 20 without one.
    expect(expectedCells(summary.overall)).toEqual({
      S: 1,
      A: 1,
      B: 2,
      C: 1,
      D: 1,
      notGradable: 1,
      noResult: 20,
      total: 27,
    });
    expect(await rowCells('all')).toEqual(expectedCells(summary.overall));
    expect(summary.fields.map((group) => group.field.number)).toEqual([5, 6]);
    for (const group of summary.fields) {
      expect(await rowCells(`field:${group.field.number}`)).toEqual(expectedCells(group));
    }
    const departmentRows = page.locator('table.progress-table').nth(1).locator('tbody tr');
    expect(await departmentRows.count()).toBe(summary.departments.length);
    for (const group of summary.departments) {
      expect(await rowCells(group.department.id)).toEqual(expectedCells(group));
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator(`tr[data-group="${CRISIS_MANAGEMENT}"] td[data-standing="noResult"] a`).click();
    await page.locator('.progress-drill li').first().waitFor();
    await screenshot('progress', true);
  });

  it('lists fields 1–4 and the SDGs the documents leave out as "not in the documents", not as zeros', async () => {
    await openView('?view=progress&fy=2024');
    const answer = await server.query<{
      serviceInfo: {
        coverage: {
          fields: { field: { number: number }; indicatorCount: number }[];
          uncoveredSdgs: { number: number }[];
        };
      };
    }>(COVERAGE, {});
    expect(answer.errors).toBeUndefined();
    const coverage = answer.data?.serviceInfo.coverage;
    const without = (coverage?.fields ?? []).filter((field) => field.indicatorCount === 0).map((f) => f.field.number);
    expect(without).toEqual([1, 2, 3, 4]);
    const uncovered = (coverage?.uncoveredSdgs ?? []).map((sdg) => sdg.number);
    expect(uncovered).toEqual([1, 2, 6, 7, 13, 14, 15]);

    // Every field in number order: 1–4 said to be absent from the documents, 5 and 6 counted.
    const fieldRows = page.locator('table.progress-table').first().locator('tbody tr');
    expect(await fieldRows.evaluateAll((rows) => rows.map((row) => (row as unknown as HTMLRow).dataset.group))).toEqual(
      [1, 2, 3, 4, 5, 6].map((number) => `field:${number}`),
    );
    const groups = [...without.map((number) => `field:${number}`), ...uncovered.map((number) => `sdg:${number}`)];
    for (const group of groups) {
      const row = page.locator(`table.progress-table tr[data-group="${group}"]`);
      expect(await row.getAttribute('class')).toBe('not-in-documents');
      expect(await row.locator('td').innerText()).toBe('文書に記載なし');
      expect(await row.locator('td.count, a').count()).toBe(0);
    }

    // The SDGs with indicators are counted as progressSummary counts them; with the absent ones, all 17 are rows.
    const summary = await summaryOf(2024);
    const sdgRows = page.locator('table.progress-table').nth(2).locator('tbody tr');
    expect(await sdgRows.count()).toBe(17);
    expect(summary.sdgs.length + uncovered.length).toBe(17);
    for (const group of summary.sdgs) {
      expect(await rowCells(`sdg:${group.sdg.number}`)).toEqual(expectedCells(group));
    }
    await screenshot('progress-not-in-documents');
  });

  it("counts by outlook overall, per field, department and SDG as progressSummary's outlooks, drilling to them", async () => {
    let requests = await openView('?view=progress&fy=2024');
    requests = await graphqlRequestsDuring(async () => {
      await page.getByRole('link', { name: '目標年度までの見通し' }).click();
      await page.locator('table.progress-table th[data-standing="ON_TRACK"]').first().waitFor();
    });
    // The one answer holds both ways of counting.
    expect(requests).toHaveLength(0);
    expect(new URL(page.url()).searchParams.get('by')).toBe('outlook');
    const headings = await page
      .locator('table.progress-table')
      .first()
      .locator('thead th[data-standing]')
      .allInnerTexts();
    expect(headings.map((heading) => heading.trim())).toEqual([
      '目標達成',
      '達成の見込み',
      '加速が必要',
      '進捗がわずか',
      '悪化',
      '判定不能',
    ]);
    const summary = await summaryOf(2024);
    expect(summary.overall.outlooks.map((entry) => entry.status)).toEqual(OUTLOOK_STATUSES);
    // From the latest result of each: 6-5-1 (bound kept) and 5-1-2 (50 reached in R5) achieved; 5-1-1, 5-4-1 and
    // 5-5-2 on track; 5-2-1 (843 → 900 of 1,900) limited; 6-5-4 (−108 → −120, to 0) worse; the other 20 not assessed.
    expect(expectedOutlookCells(summary.overall)).toEqual({
      TARGET_ACHIEVED: 2,
      ON_TRACK: 3,
      NEEDS_ACCELERATION: 0,
      LIMITED_PROGRESS: 1,
      DETERIORATION: 1,
      NOT_ASSESSED: 20,
      total: 27,
    });
    expect(await rowCells('all')).toEqual(expectedOutlookCells(summary.overall));
    for (const group of summary.fields) {
      expect(await rowCells(`field:${group.field.number}`)).toEqual(expectedOutlookCells(group));
    }
    for (const group of summary.departments) {
      expect(await rowCells(group.department.id)).toEqual(expectedOutlookCells(group));
    }
    for (const group of summary.sdgs) {
      expect(await rowCells(`sdg:${group.sdg.number}`)).toEqual(expectedOutlookCells(group));
    }
    expect(await page.locator('tr[data-group="field:1"]').innerText()).toContain('文書に記載なし');

    // A count drills to exactly the indicators the API counts, each with its outlook in words.
    requests = await graphqlRequestsDuring(async () => {
      await page.locator('tr[data-group="all"] td[data-standing="ON_TRACK"] a').click();
      await page.locator('.progress-drill h3', { hasText: '達成の見込み' }).waitFor();
    });
    expect(requests).toHaveLength(0);
    expect(new URL(page.url()).searchParams.get('outlook')).toBe('ON_TRACK');
    const onTrack = summary.overall.outlooks.find((entry) => entry.status === 'ON_TRACK');
    expect(await drilledIds()).toEqual(onTrack?.indicators.map((indicator) => indicator.id));
    expect(await page.locator('.progress-drill h3').first().innerText()).toBe('すべての成果指標 × 達成の見込み');
    const badges = await page.locator('.progress-drill li .outlook-badge').allInnerTexts();
    expect(badges).toEqual(onTrack?.indicators.map(() => '達成の見込み'));
    expect(await page.locator('.progress-legend li[data-outlook]').count()).toBe(OUTLOOK_STATUSES.length);
    await screenshot('progress-outlook', true);

    // Opened from its URL: one request, the same count chosen; and in English.
    requests = await openView(
      `?view=progress&fy=2024&by=outlook&dept=${CRISIS_MANAGEMENT}&outlook=NOT_ASSESSED&lang=en`,
    );
    expect(requests).toHaveLength(1);
    const crisis = summary.departments.find((group) => group.department.id === CRISIS_MANAGEMENT);
    expect(await drilledIds()).toEqual(
      crisis?.outlooks.find((entry) => entry.status === 'NOT_ASSESSED')?.indicators.map((indicator) => indicator.id),
    );
    expect(await page.locator('table.progress-table caption').first().innerText()).toBe(
      'Indicators by outlook, per field',
    );
    expect(await page.locator('tr[data-group="field:2"] td').innerText()).toBe('not in the documents');
    // Each drilled badge by the API's reason: nothing recorded yet is not yet assessed; any other reason, the
    // outlook cannot be given. 危機管理課's NOT_ASSESSED indicators include ones with nothing recorded.
    const drilled = await drilledIds();
    const words = await page.locator('.progress-drill li .outlook-badge').allInnerTexts();
    const reasons = await Promise.all(
      drilled.map(async (id) => {
        const answer = await server.query<{ node: { outlook: { reason: string | null } } }>(
          'query ($id: ID!) { node(id: $id) { ... on Indicator { outlook { reason } } } }',
          { id },
        );
        return answer.data?.node.outlook.reason;
      }),
    );
    expect(words).toEqual(
      reasons.map((reason) => (reason === 'NO_RESULT' ? 'Not yet assessed (no result recorded)' : 'Not assessed')),
    );
    expect(new Set(reasons).has('NO_RESULT')).toBe(true);
    await screenshot('progress-outlook-en');
  });

  it('drills from a count to exactly the indicators it counts, each linking to its page, without a request', async () => {
    await openView('?view=progress&fy=2024');
    // Grade B in R6, all indicators: the two recorded at 60 % and 50 %.
    let requests = await graphqlRequestsDuring(async () => {
      await page.locator('tr[data-group="all"] td[data-standing="B"] a').click();
      await page.locator('.progress-drill h3', { hasText: '× B' }).waitFor();
    });
    expect(requests).toHaveLength(0);
    expect(new URL(page.url()).searchParams.get('grade')).toBe('B');
    expect(await drilledIds()).toEqual(['indicator:5-4-1', 'indicator:5-5-2']);
    expect(await page.locator('.progress-drill h3').first().innerText()).toBe('すべての成果指標 × B · R6（2024年度）');
    expect(await page.locator('.progress-drill li[data-indicator="indicator:5-4-1"] a').getAttribute('href')).toBe(
      '?view=indicator&id=indicator%3A5-4-1',
    );
    expect(await page.locator('.progress-drill li[data-indicator="indicator:5-4-1"]').innerText()).toContain(
      '達成率 60.0%',
    );

    // Field 5, not gradable: 5-1-3 市民提案型事業数, printed with no baseline (—).
    requests = await graphqlRequestsDuring(async () => {
      await page.locator('tr[data-group="field:5"] td[data-standing="notGradable"] a').click();
      await page.locator('.progress-drill h3', { hasText: '評価対象外' }).waitFor();
    });
    expect(requests).toHaveLength(0);
    expect(await drilledIds()).toEqual(['indicator:5-1-3']);

    // 危機管理課 answers for 5-1-1, 5-3-1, 5-3-2, 5-4-1, 5-4-2, 5-5-1 and 5-5-2 (000 lines 55–351); of them
    // 5-1-1, 5-4-1 and 5-5-2 have an R6 result, so four have none. Opened from its URL: one request.
    requests = await openView(`?view=progress&fy=2024&dept=${CRISIS_MANAGEMENT}&grade=noResult`);
    expect(requests).toHaveLength(1);
    expect(await drilledIds()).toEqual(['indicator:5-3-1', 'indicator:5-3-2', 'indicator:5-4-2', 'indicator:5-5-1']);
    expect(await rowCells(CRISIS_MANAGEMENT)).toMatchObject({ noResult: 4, total: 7 });
    expect(
      await page.locator(`tr[data-group="${CRISIS_MANAGEMENT}"] td[data-standing="noResult"]`).getAttribute('class'),
    ).toContain('chosen');

    // Every count of the view lists as many indicators as it says.
    const links = page.locator('table.progress-table td.count a');
    const linkCount = await links.count();
    expect(linkCount).toBeGreaterThan(20);
    for (let index = 0; index < linkCount; index += 1) {
      const link = links.nth(index);
      const count = Number(await link.innerText());
      const { group, standing } = await link.evaluate((anchor) => {
        const cell = (anchor as unknown as { closest(s: string): { dataset: Record<string, string> } | null }).closest(
          'td',
        );
        const row = (anchor as unknown as { closest(s: string): { dataset: Record<string, string> } | null }).closest(
          'tr',
        );
        return { group: row?.dataset.group ?? '', standing: cell?.dataset.standing ?? '' };
      });
      await link.click();
      await page.locator(`tr[data-group="${group}"] td[data-standing="${standing}"].chosen`).waitFor();
      expect(await page.locator('.progress-drill li[data-indicator]').count()).toBe(count);
      expect(Number(await page.locator('.progress-drill .cell-count strong').innerText())).toBe(count);
    }
  });

  it('offers the plan-period years and shows another year from one request', async () => {
    await openView('?view=progress&fy=2024');
    const options = await page
      .locator('#progress-year option')
      .evaluateAll((found) => found.map((option) => (option as unknown as { textContent: string }).textContent));
    expect(options).toEqual(['R5（2023年度）', 'R6（2024年度）', 'R7（2025年度）', 'R8（2026年度）', 'R9（2027年度）']);
    const requests = await graphqlRequestsDuring(async () => {
      await page.locator('#progress-year').selectOption('2023');
      await page.locator('h2', { hasText: 'R5（2023年度）' }).waitFor();
    });
    expect(requests).toHaveLength(1);
    metrics.graphqlRequestsPerYearChange = requests.length;
    expect(new URL(page.url()).searchParams.get('fy')).toBe('2023');
    const summary = await summaryOf(2023);
    expect(expectedCells(summary.overall)).toMatchObject({ S: 1, noResult: 26, total: 27 });
    expect(await rowCells('all')).toEqual(expectedCells(summary.overall));
    for (const group of summary.departments) {
      expect(await rowCells(group.department.id)).toEqual(expectedCells(group));
    }
  });

  it("draws the legend from the API's grade scale, and everything in English with ?lang=en", async () => {
    await openView('?view=progress&fy=2024');
    const legend = await page.locator('.progress-legend li').allInnerTexts();
    expect(legend.slice(0, 5).map((entry) => entry.replace(/\s+/g, ' ').trim())).toEqual([
      'S 100%以上',
      'A 80%以上100%未満',
      'B 50%以上80%未満',
      'C 0%以上50%未満',
      'D 0%未満',
    ]);
    expect(legend).toHaveLength(STANDINGS.length);

    await openView(`?view=progress&fy=2024&dept=${CRISIS_MANAGEMENT}&grade=noResult&lang=en`);
    expect(await page.locator('h2').innerText()).toBe('Progress overview · FY2024 (R6)');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.progress-drill h3').first().innerText()).toBe(
      'Crisis Management Division × No result · FY2024 (R6)',
    );
    // The reference file's meaning of each grade (seed/reference/progress-grades.yaml).
    expect(await page.locator('.progress-legend li[data-grade="S"]').innerText()).toContain(
      '100% or more — target reached',
    );
    expect(await page.locator('table.progress-table caption').first().innerText()).toBe(
      'Indicators by grade, per field · FY2024 (R6)',
    );
    await screenshot('progress-en');
  });

  it.each([
    ['grades', '?view=progress&fy=2024'],
    ['outlooks', '?view=progress&fy=2024&by=outlook'],
  ])(
    'shows every column of the progress tables, bars included, at 1366 px without a sideways scroll (%s)',
    async (name, search) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await openView(search);
      const tables = page.locator('.progress-tables .scroll-x');
      expect(await tables.count()).toBeGreaterThan(0);
      const overflow = await tables.evaluateAll((boxes) =>
        boxes.map((box) => {
          const element = box as unknown as { scrollWidth: number; clientWidth: number };
          return element.scrollWidth - element.clientWidth;
        }),
      );
      expect(overflow).toEqual(overflow.map(() => 0));
      // Each bar ends inside its table's visible box.
      const cut = await tables.evaluateAll((boxes) =>
        boxes.flatMap((box) => {
          const right = (box as unknown as { getBoundingClientRect(): { right: number } }).getBoundingClientRect()
            .right;
          const bars = (
            box as unknown as { querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { right: number } }> }
          ).querySelectorAll('.stacked-bar');
          return Array.from(bars).filter((bar) => bar.getBoundingClientRect().right > right + 0.5).length;
        }),
      );
      expect(cut.reduce((sum, n) => sum + n, 0)).toBe(0);
      await screenshot(`progress-1366-${name}`);
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  );

  it.each([
    ['ja', `?view=progress&fy=2024&dept=${CRISIS_MANAGEMENT}&grade=noResult`],
    ['en', '?view=progress&fy=2024&grade=B&lang=en'],
    ['outlook', '?view=progress&fy=2024&by=outlook&outlook=ON_TRACK'],
  ])('passes an axe scan at 1440 px and 390 px (%s), without sideways scrolling when narrow', async (name, search) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openView(search);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    expect(await documentWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(`progress-390-${name}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    metrics[`axe-progress-${name}`] = 'no serious or critical violations at 1440 and 390 px';
  });

  it('transfers at most 200 KB on a first visit, brotli-compressed, and almost nothing on a second', async () => {
    const { first, second } = (metrics.progressVisits = await visitWeights(
      browser,
      `${server.url}/dashboard?view=progress&fy=2024`,
      'table.progress-table',
    ));
    metrics.firstVisitBytes = first.transferredBytes;
    metrics.secondVisitBytes = second.transferredBytes;
    const compressible = first.entries.filter(
      (entry) =>
        (entry.path.startsWith('/dashboard/assets/') || entry.path === '/graphql') && entry.transferSize > 1024,
    );
    expect(compressible.filter((entry) => entry.encoding !== 'br')).toEqual([]);
    // The view loads no chart library: the page, its script and stylesheet, and the one GraphQL answer.
    expect(first.entries.filter((entry) => entry.path === '/graphql')).toHaveLength(1);
    expect(first.transferredBytes).toBeLessThanOrEqual(FIRST_VISIT_BUDGET_BYTES);
    const assets = second.entries.filter((entry) => entry.path.startsWith('/dashboard/assets/'));
    expect(assets.filter((entry) => entry.transferSize !== 0)).toEqual([]);
    expect(second.transferredBytes).toBeLessThan(16 * 1024);
  });

  it('loaded everything from this service: no other host, no failed request, no script or console error', () => {
    expect(watched.requestedUrls.filter((url) => !isLocalUrl(url))).toEqual([]);
    expect(watched.failedRequests).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
