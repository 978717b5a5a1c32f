import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../../src/core/project-root';
import type { OperationManifest } from '../../../../src/platform/graphql/trusted-documents/operation-manifest';
import { buildDashboard } from '../../../../src/web/dashboard/build-dashboard';
import { trustedDocumentsOfThisBuild } from '../../../../src/web/trusted-documents/build-trusted-documents';
import { isLocalUrl, launchOfflineBrowser, openWatchedPage, type WatchedPage } from '../../../helpers/offline-browser';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * The dashboard in a real Chromium against a service running this build's manifest of trusted documents
 * (TRUSTED_DOCUMENTS): every view shows its data, asked for by id only (no operation text leaves the page), the
 * live subscription runs, and nothing is refused. The same views without a manifest are the other dashboard
 * tests'.
 */
const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts');
const CRISIS_MANAGEMENT = 'department:crisis-management';
/** Ten expanded nodes: one request of ten aliased `neighbours`, one of the counts the build lists. */
const OPEN_NODES = [
  CRISIS_MANAGEMENT,
  'measure:5-1-1',
  'policy-item:5-1',
  'sdg:17',
  'sdg:11',
  'sdg:13',
  'department:citizen-activity-promotion',
  'policy-item:5-6',
  'indicator:5-1-1',
  'indicator:5-4-1',
];

const VIEWS: readonly (readonly [string, string, string])[] = [
  ['heatmap', '?view=heatmap', '.heatmap-chart canvas'],
  ['drill-down', '?view=items&item=5-1', 'table.indicators tbody tr'],
  ['indicator', '?view=indicator&id=indicator:5-4-1', '#indicator-title'],
  ['sheet', '?view=sheet&id=reform-sheet:1-6', 'h2'],
  ['department', `?view=department&dept=${CRISIS_MANAGEMENT}`, '.department-grid'],
  ['progress', '?view=progress&fy=2024', 'table.progress-table'],
  [
    'explorer',
    `?view=explorer&node=${CRISIS_MANAGEMENT}&open=${OPEN_NODES.join(',')}`,
    '.node-list li[data-node-id="sdg:17"]',
  ],
];

describe('the dashboard with a manifest of trusted documents', () => {
  jest.setTimeout(300_000);
  let db: TestDatabase;
  let server: TestServer;
  let manifest: OperationManifest;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  /** Status of every /graphql answer the page received. */
  const graphqlStatuses: number[] = [];

  beforeAll(async () => {
    await buildDashboard();
    manifest = await trustedDocumentsOfThisBuild();
    db = openTestDatabase();
    // A minute per request rather than ten seconds: on a loaded shared machine the heatmap's first, unplanned
    // statement took longer (REQUEST_TIMEOUT), which is not what this test is about. Idle connections are cut
    // later than that, as the settings' rule between the two asks.
    server = await startTestServer(db.gateway, {
      trustedDocuments: manifest,
      requestBudget: { timeoutMs: 60_000 },
      http: { idleTimeoutMs: 90_000 },
    });
    browser = await launchOfflineBrowser();
    watched = await openWatchedPage(browser, { width: 1440, height: 900 });
    page = watched.page;
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/graphql') graphqlStatuses.push(response.status());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.close();
  });

  it.each(VIEWS)('shows the %s view, every operation named by a listed id', async (name, search, ready) => {
    const before = watched.requestedUrls.length;
    const response = await watched.gotoWhenSettled(`${server.url}/dashboard${search}`);
    expect(response?.status()).toBe(200);
    mkdirSync(ARTIFACTS, { recursive: true });
    // Generous: the machines running this suite are shared; a view still loading is shown in the failure.
    await page
      .locator(ready)
      .first()
      .waitFor({ timeout: 90_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: join(ARTIFACTS, `dashboard-trusted-${name}-failed.png`) });
        throw new Error(`${String(error)}; the page showed: ${await page.locator('main').innerText()}`);
      });
    await page.waitForLoadState('networkidle');
    const requests = watched.requestedUrls
      .slice(before)
      .map((url) => new URL(url))
      .filter((url) => url.pathname === '/graphql');
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) {
      expect(url.searchParams.get('query')).toBeNull();
      expect(manifest.byId(url.searchParams.get('documentId') ?? '')).toBeDefined();
    }
    if (name === 'indicator') expect(await page.locator('#indicator-title').innerText()).toBe('5-4-1 刑法犯認知件数');
    if (name === 'explorer') {
      // The ten expanded nodes' neighbours in one request, a listed text.
      expect(requests).toHaveLength(1);
      expect(await page.locator('.node-list li').count()).toBeGreaterThan(OPEN_NODES.length);
    }
    expect(await page.locator('main').innerText()).not.toMatch(
      /OPERATION_NOT_TRUSTED|not one of the service's trusted/,
    );
    await page.screenshot({ path: join(ARTIFACTS, `dashboard-trusted-${name}.png`), fullPage: false });
  });

  it('keeps its live subscription (a listed text over WebSocket)', async () => {
    await watched.gotoWhenSettled(`${server.url}/dashboard?view=items&item=5-1`);
    await page.locator('header .live-status[data-status="live"]').waitFor({ timeout: 10_000 });
  });

  it('lets the IDE, when enabled with the manifest, run its example tabs as they are and nothing edited', async () => {
    const ide = await startTestServer(db.gateway, { trustedDocuments: manifest, ide: true, introspection: true });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const idePage = await context.newPage();
      const answers: { status: number; body: string }[] = [];
      idePage.on('response', (response) => {
        if (new URL(response.url()).pathname !== '/graphql' || response.request().method() !== 'POST') return;
        void response.text().then((body) => answers.push({ status: response.status(), body }));
      });
      await idePage.goto(`${ide.url}/graphql`, { waitUntil: 'load' });
      await idePage.locator('.graphiql-query-editor .monaco-editor').waitFor({ state: 'visible' });
      // The first tab is the first example, unedited: listed, so it runs.
      await idePage.locator('.graphiql-execute-button').click();
      await idePage.locator('.result-window').getByText('"data"').first().waitFor();
      // Edited, it is another text: refused.
      await idePage.locator('.graphiql-query-editor .monaco-editor').click();
      await idePage.keyboard.press('ControlOrMeta+A');
      // Inserted, not typed: the editor would close each brace typed and make the text invalid.
      await idePage.keyboard.insertText('{ serviceInfo { name } }');
      await idePage.locator('.graphiql-execute-button').click();
      await idePage.locator('.result-window').getByText('OPERATION_NOT_TRUSTED').first().waitFor();
      await idePage.screenshot({ path: join(ARTIFACTS, 'dashboard-trusted-ide-refused.png'), fullPage: false });
      // Its schema came through introspection (INTROSPECTION=true), the example ran, the edit was refused.
      expect(answers.filter((answer) => answer.body.includes('__schema')).map((answer) => answer.status)).not.toContain(
        400,
      );
      expect(answers.some((answer) => answer.status === 200 && answer.body.includes('"data"'))).toBe(true);
      expect(answers.some((answer) => answer.status === 400 && answer.body.includes('OPERATION_NOT_TRUSTED'))).toBe(
        true,
      );
    } finally {
      await context.close();
      await ide.stop();
    }
  });

  it('was refused nothing and loaded everything from this service, with no script or console error', () => {
    expect(graphqlStatuses.length).toBeGreaterThan(VIEWS.length);
    expect(graphqlStatuses.filter((status) => status !== 200 && status !== 304)).toEqual([]);
    expect(watched.requestedUrls.filter((url) => !isLocalUrl(url))).toEqual([]);
    expect(watched.failedRequests).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
