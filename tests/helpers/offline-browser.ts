import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { chromiumPath, DEBIAN_PACKAGES } from '../../scripts/system-prerequisites';

/** The rule `npm test`'s prerequisite check applies too: CHROMIUM_PATH, else Debian's Chromium. */
export const CHROMIUM_PATH = chromiumPath();

/** Pages may load from this machine only; data: and blob: URLs never touch the network. */
export function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return (protocol === 'http:' || protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/** A headless Chromium cut off from every host but this machine. */
export async function launchOfflineBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH} (set CHROMIUM_PATH to use another): ` +
        `run 'apt-get update && apt-get install -y ${DEBIAN_PACKAGES.chromium} ${DEBIAN_PACKAGES.japaneseFont}' (.ci/run does this in CI)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Unplugs the network for the browser: every host name but the local ones fails to resolve.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
}

/** A page whose every request, failed request and script or console error is recorded for the test to check. */
export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly requestedUrls: string[];
  readonly failedRequests: string[];
  readonly pageErrors: string[];
  /**
   * Opens `url` once the page has finished loading what it was loading. A navigation aborts the requests
   * still in flight (a view's lazily loaded chunk, say), which would be recorded as failed: a fault of the
   * test's timing, not of the page.
   */
  gotoWhenSettled(url: string): Promise<Response | null>;
}

export async function openWatchedPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1400, height: 900 },
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  // A request to another host is recorded (and fails the test that checks) but never leaves the machine.
  await context.route('**/*', (route) =>
    isLocalUrl(route.request().url()) ? route.continue() : route.abort('internetdisconnected'),
  );
  const page = await context.newPage();
  const watched: WatchedPage = {
    context,
    page,
    requestedUrls: [],
    failedRequests: [],
    pageErrors: [],
    async gotoWhenSettled(url) {
      await page.waitForLoadState('networkidle');
      return page.goto(url, { waitUntil: 'load' });
    },
  };
  page.on('request', (request) => watched.requestedUrls.push(request.url()));
  page.on('requestfailed', (request) =>
    watched.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.pageErrors.push(message.text());
  });
  return watched;
}
