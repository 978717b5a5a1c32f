import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchOfflineBrowser } from '../helpers/offline-browser';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** A dashboard of our own on another origin: a blank page the test scripts from the outside. */
async function startDashboardOrigin(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>dashboard</title><p>dashboard</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs in the page: the fetch a dashboard makes, POSTing JSON to the API; returns the data or the failure. */
async function askFromPage(apiUrl: string): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  try {
    const response = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sdg(number: 17) { number nameEn } }' }),
    });
    const body = (await response.json()) as { data: unknown };
    return { ok: true, data: body.data };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

/** A browser page on another origin calling the API, as a dashboard would, in a real Chromium. */
describe('a dashboard on another origin', () => {
  jest.setTimeout(120_000);

  let db: TestDatabase;
  let browser: Browser;
  let dashboard: Awaited<ReturnType<typeof startDashboardOrigin>>;
  let page: Page;

  beforeAll(async () => {
    db = openTestDatabase();
    dashboard = await startDashboardOrigin();
    browser = await launchOfflineBrowser();
    page = await browser.newPage();
    await page.goto(dashboard.origin, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await db?.close();
  });

  async function callWith(corsOrigins: '*' | readonly string[]): ReturnType<typeof askFromPage> {
    const api: TestServer = await startTestServer(db.gateway, { http: { corsOrigins } });
    try {
      return await page.evaluate(askFromPage, `${api.url}/graphql`);
    } finally {
      await api.stop();
    }
  }

  it('gets data with the default policy (any origin)', async () => {
    expect(await callWith('*')).toEqual({
      ok: true,
      data: { sdg: { number: 17, nameEn: expect.any(String) as string } },
    });
  });

  it('gets data when its origin is listed in CORS_ORIGINS', async () => {
    expect(await callWith([dashboard.origin])).toMatchObject({ ok: true, data: { sdg: { number: 17 } } });
  });

  it('is blocked by the browser when CORS_ORIGINS lists only other origins', async () => {
    expect(await callWith(['http://elsewhere.example'])).toEqual({ ok: false, error: 'TypeError: Failed to fetch' });
  });
});
