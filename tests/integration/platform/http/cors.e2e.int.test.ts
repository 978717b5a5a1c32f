import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page, Response } from 'playwright-core';
import { graphFingerprint } from '../../../helpers/graph-fingerprint';
import { launchOfflineBrowser } from '../../../helpers/offline-browser';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

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

/** The canonical question (measures of SDG 17 answered by 市民活動推進課: 9 in the documents). */
const CANONICAL = '{ measures(filter: { sdg: 17, department: "市民活動推進課" }) { totalCount nodes { code } } }';

interface ReadAnswer {
  readonly status: number;
  readonly requestId: string | null;
  readonly totalCount: number | null;
}

/**
 * Runs in the page: a plain fetch as front-end code writes it — GET with the query in the URL, or POST of
 * JSON — reading the request id header and the answer.
 */
async function readFromPage(args: { url: string; query: string; method: 'GET' | 'POST' }): Promise<ReadAnswer> {
  const response =
    args.method === 'GET'
      ? await fetch(`${args.url}?query=${encodeURIComponent(args.query)}`)
      : await fetch(args.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: args.query }),
        });
  const body = (await response.json()) as { data?: { measures?: { totalCount: number } } };
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    totalCount: body.data?.measures?.totalCount ?? null,
  };
}

/** Text as an HTML attribute value between double quotes. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
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

  describe('with the default policy', () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await startTestServer(db.gateway);
    });
    afterAll(async () => {
      await api?.stop();
    });

    it.each(['GET', 'POST'] as const)(
      'reads the answer and its x-request-id from a plain %s fetch of the canonical query',
      async (method) => {
        const answer = await page.evaluate(readFromPage, { url: `${api.url}/graphql`, query: CANONICAL, method });
        expect(answer).toEqual({
          status: 200,
          requestId: expect.stringMatching(/^[\w-]{8,}$/) as string,
          totalCount: 9,
        });
      },
    );

    it('passes the preflight of a page sending trace context and Apollo Client name and version', async () => {
      const answer = await page.evaluate(
        async (args) => {
          const response = await fetch(args.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
              tracestate: 'vendor=value',
              'apollographql-client-name': 'dashboard',
              'apollographql-client-version': '1.0.0',
              'x-request-id': 'dashboard-request-1',
            },
            body: JSON.stringify({ query: args.query }),
          });
          return { status: response.status, requestId: response.headers.get('x-request-id') };
        },
        { url: `${api.url}/graphql`, query: CANONICAL },
      );
      // The page's own request id comes back, so it can quote the id the service logged.
      expect(answer).toEqual({ status: 200, requestId: 'dashboard-request-1' });
    });

    it("reads an export's file name from Content-Disposition", async () => {
      const disposition = await page.evaluate(async (url) => {
        const response = await fetch(url);
        await response.arrayBuffer();
        return response.headers.get('content-disposition');
      }, `${api.url}/export/measures.csv?sdg=17`);
      // The name carries the filter and the day (RFC 6266: an ASCII fallback, the Japanese name percent-encoded).
      const [, ascii, encoded] =
        /^attachment; filename="([^"]+)"; filename\*=UTF-8''(\S+)$/.exec(disposition ?? '') ?? [];
      expect(ascii).toMatch(/^measures_17_\d{4}-\d{2}-\d{2}\.csv$/);
      expect(decodeURIComponent(encoded ?? '')).toMatch(/^施策中項目_17_\d{4}-\d{2}-\d{2}\.csv$/);
    });

    it('cannot be made to write by a page that posts a form or a text/plain fetch at it (CSRF)', async () => {
      const mutation =
        'mutation { recordIndicatorResult(input: { indicator: "indicator:5-1-1", fiscalYear: 2024, value: 1 }) { id } }';
      const before = await graphFingerprint(db.gateway);
      const isPostToApi = (response: Response) =>
        response.url() === `${api.url}/graphql` && response.request().method() === 'POST';

      // The classic trick: a text/plain form, sent by a script of the page, whose field name and value join
      // into a JSON body. Its answer lands in a hidden frame.
      const attacker = await browser.newPage();
      try {
        await attacker.goto(dashboard.origin, { waitUntil: 'load' });
        const formAnswer = attacker.waitForResponse(isPostToApi);
        await attacker.setContent(
          `<iframe name="sink"></iframe>
           <form method="POST" action="${api.url}/graphql" enctype="text/plain" target="sink">
             <input name="${attribute(`{"query":${JSON.stringify(mutation)},"padding":"`)}" value="${attribute('"}')}">
           </form>
           <script>document.forms[0].submit()</script>`,
        );
        expect((await formAnswer).status()).toBe(415);
      } finally {
        await attacker.close();
      }

      // fetch without a preflight: the body goes out as text/plain, the answer stays opaque to the page.
      const fetchAnswer = page.waitForResponse(isPostToApi);
      await page.evaluate(
        async (args) => {
          await fetch(args.url, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ query: args.mutation }) });
        },
        { url: `${api.url}/graphql`, mutation },
      );
      expect((await fetchAnswer).status()).toBe(415);
      expect(await graphFingerprint(db.gateway)).toEqual(before);
    });
  });
});
