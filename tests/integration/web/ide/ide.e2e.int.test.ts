import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { mintToken } from '../../../../src/platform/auth/mint-token';
import { readExampleOperations, type ExampleOperation } from '../../../../src/web/ide/example-operations';
import { PROJECT_ROOT } from '../../../../src/core/project-root';
import { isLocalUrl, launchOfflineBrowser, openWatchedPage } from '../../../helpers/offline-browser';
import { editorTextWithoutSpaces } from '../../../helpers/monaco-text';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

const SCREENSHOT_PATH = join(PROJECT_ROOT, 'test-artifacts', 'ide.png');
const SERVICE_NAME = 'honjo-policy-graph';
/** The service's AUTH_SECRET in this test: tokens for the Headers tab are minted with it. */
const AUTH_SECRET = 'ide-test-secret-0123456789abcdef';
/** The example that writes (its comment says which token to mint and to paste into the Headers tab). */
const WRITING_EXAMPLE = '17-record-an-indicator-result.graphql';

/** What a person types into the query editor (Monaco closes brackets itself and types over them, so the text stays valid). */
const TYPED_QUERY = 'query TypedInTheBrowser { serviceInfo { name version nodeCount } }';

/** The part of the browser's localStorage the test reads (this project compiles without DOM types). */
interface BrowserStorage {
  getItem(key: string): string | null;
}

/**
 * Runs in the page: whether GraphiQL's stored active tab holds what its stored editor text holds. A function,
 * not a string, because the page's Content-Security-Policy forbids evaluating strings.
 */
function savedTabsMatchEditor(namespace: string): boolean {
  const storage = (globalThis as unknown as { localStorage: BrowserStorage }).localStorage;
  const read = (key: string): string | null => storage.getItem(`${namespace}:graphiql:${key}`);
  const saved = JSON.parse(read('tabState') ?? 'null') as {
    activeTabIndex: number;
    tabs: { query: string | null }[];
  } | null;
  return saved !== null && saved.tabs[saved.activeTabIndex]?.query === read('query');
}

/**
 * The IDE as a person uses it, in a real headless Chromium cut off from every host but this one: the page
 * loads, the examples are preloaded as tabs, a typed query runs and its answer shows, and nothing was fetched
 * from elsewhere.
 */
describe('the GraphiQL IDE at /graphql', () => {
  jest.setTimeout(120_000);

  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let examples: ExampleOperation[];
  let requestedUrls: string[];
  let failedRequests: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    examples = await readExampleOperations();
    db = openTestDatabase();
    await removeRecords();
    server = await startTestServer(db.gateway, {
      authenticate: createAuthenticator({ secret: AUTH_SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    browser = await launchOfflineBrowser();
    ({ page, requestedUrls, failedRequests, pageErrors } = await openWatchedPage(browser));
    const response = await page.goto(`${server.url}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
  });

  /** The record the writing example makes is removed, so other suites see the documents' graph alone. */
  const removeRecords = async () => {
    const session = db.driver.session();
    try {
      await session.run('MATCH (n) WHERE n:Record OR n:RecordSeries OR n:Change DETACH DELETE n');
    } finally {
      await session.close();
    }
  };

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (db) await removeRecords();
    await db?.close();
  });

  it('still answers GraphQL clients at /graphql, and sends browsers a page locked to this origin', async () => {
    // A GET as GraphQL clients send it (urql's Accept, no preflight header) is answered by Apollo, not the page.
    const graphqlOverGet = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ serviceInfo { name } }')}`,
      {
        headers: { accept: 'application/graphql-response+json, application/json;q=0.9' },
      },
    );
    expect(graphqlOverGet.headers.get('content-type')).toMatch(/json/);
    expect(((await graphqlOverGet.json()) as { data?: unknown }).data).toEqual({ serviceInfo: { name: SERVICE_NAME } });
    expect((await server.query('{ serviceInfo { name } }')).data).toEqual({ serviceInfo: { name: SERVICE_NAME } });
    const pageResponse = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(pageResponse.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(pageResponse.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('shows GraphiQL with one tab per example file, titled with the file name', async () => {
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ state: 'visible' });
    expect(examples.length).toBeGreaterThan(0);
    // GraphiQL shows its tab bar only while there are two tabs or more, so open one more, as a person would;
    // the query typed below goes into this fresh tab.
    await page.locator('button[aria-label="New tab"]').click();
    const tabTitles = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabTitles.map((title) => title.trim())).toEqual([...examples.map((example) => example.name), '<untitled>']);
  });

  it('has the documentation explorer and the query-builder explorer plugin', async () => {
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('serviceInfo').first().waitFor();
    await page.locator('button[aria-label="Show GraphiQL Explorer"]').click();
    await page.locator('.graphiql-explorer-root').getByText('serviceInfo').first().waitFor();
  });

  it('runs a query typed into the editor and shows the answer', async () => {
    await page.locator('.graphiql-query-editor .monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(TYPED_QUERY);
    // GraphiQL reads the operation name from the editor after a short debounce; the tab takes that name
    // then, and running before it would send the name the tab had before.
    await page.locator('.graphiql-tab-active').getByText('TypedInTheBrowser').waitFor();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText(SERVICE_NAME).first().waitFor();
    expect(await editorTextWithoutSpaces(result)).toContain('"nodeCount"');
    // For the screenshot: the query laid out over lines, and the active tab in view.
    await page.locator('button[aria-label="Prettify query (Shift-Ctrl-P)"]').click();
    await page.locator('.graphiql-tab-active').scrollIntoViewIfNeeded();
    mkdirSync(dirname(SCREENSHOT_PATH), { recursive: true });
    await page.screenshot({ path: SCREENSHOT_PATH });
  });

  it('keeps the tabs and their titles across a reload, without adding the examples again', async () => {
    // GraphiQL saves its tabs a moment after the last edit; a reload before that finds the stored tabs out
    // of step with the stored editor text and opens an extra tab, as it would for a person that quick.
    await page.waitForFunction(savedTabsMatchEditor, SERVICE_NAME);
    await page.reload({ waitUntil: 'load' });
    await page.locator('.graphiql-tab').nth(examples.length).waitFor();
    const tabTitles = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabTitles.map((title) => title.trim())).toEqual([
      ...examples.map((example) => example.name),
      'TypedInTheBrowser',
    ]);
    expect(await page.locator('.graphiql-tab-active').innerText()).toContain('TypedInTheBrowser');
  });

  it('sends a token typed into the Headers tab and runs the writing example, a mutation', async () => {
    await page.locator('.graphiql-tab', { hasText: WRITING_EXAMPLE }).click();
    await page.locator('.graphiql-tab-active').getByText(WRITING_EXAMPLE).waitFor();
    // As the example's comment says: mint an editor token of 市民活動推進課, paste it into the Headers tab.
    const token = await mintToken(AUTH_SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
    await page.locator('.graphiql-editor-tools').getByText('Headers', { exact: true }).click();
    const headers = page.locator('section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden)');
    await headers.locator('.monaco-editor').click();
    // insertText, not typing key by key: Monaco would add a closing brace and quotes of its own.
    await page.keyboard.insertText(`{"Authorization": "Bearer ${token}"}`);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('indicator-result:5-1-1:2024:r1').first().waitFor();
    expect(await editorTextWithoutSpaces(result)).toContain('"recordedBy":"sato"');
  });

  it('loaded everything from this service: no other host, no failed request, no script error', () => {
    expect(requestedUrls.filter((url) => !isLocalUrl(url))).toEqual([]);
    // monaco-graphql starts its worker before GraphiQL has the schema and starts a new one when the schema comes
    // (the request log shows graphql.worker.js asked for twice, around the introspection answer): the first
    // worker's script request is left open and reported aborted at the next navigation (the reload above).
    // That one is no fault of the page; any other failed request is.
    const replacedGraphqlWorker = /\/ide\/[\w-]{16}\/graphql\.worker\.js: net::ERR_ABORTED$/;
    expect(failedRequests.filter((failure) => !replacedGraphqlWorker.test(failure))).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The page really did load its bundle from the service, and Monaco its three workers (the editor's, JSON for
    // the variables, headers and result, GraphQL for the operation), each under its content's version.
    for (const name of ['graphiql.js', 'graphiql.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      expect({
        name,
        loaded: requestedUrls.some((url) => url.endsWith(`/${name}`) && /\/ide\/[\w-]{16}\//.test(url)),
      }).toEqual({
        name,
        loaded: true,
      });
    }
  });
});
