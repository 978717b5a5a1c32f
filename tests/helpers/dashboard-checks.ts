import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** The browser globals these checks read (this project compiles tests without DOM types). */
interface BrowserGlobals {
  readonly axe: { run(options: unknown): Promise<{ violations: AxeViolation[] }> };
  readonly performance: {
    getEntriesByName(name: string): { startTime: number }[];
    getEntriesByType(type: string): { name: string; transferSize: number }[];
  };
  readonly document: { readonly documentElement: { readonly scrollWidth: number } };
}

/** Serious and critical accessibility violations on the page as it is now (axe-core, injected by the test). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(() =>
    (globalThis as unknown as BrowserGlobals).axe.run({ resultTypes: ['violations'] }).then((results) =>
      results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.slice(0, 3).map((node) => ({ target: node.target })),
      })),
    ),
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes)}`,
    );
}

/** How wide the page's content is: more than the viewport means sideways scrolling. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth);
}

/** Milliseconds from navigation start to the dashboard's first render of data (its User Timing mark). */
export function firstRenderMs(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      (globalThis as unknown as BrowserGlobals).performance.getEntriesByName('dashboard:first-render')[0]?.startTime ??
      null,
  );
}

export interface VisitWeight {
  readonly transferredBytes: number;
  readonly firstRenderMs: number | null;
  readonly entries: readonly { readonly path: string; readonly transferSize: number; readonly encoding: string }[];
}

/**
 * What Chromium transfers (Resource Timing's `transferSize`: headers and the body as sent, compressed or not)
 * to open `url` in a fresh browser context (an empty HTTP cache), until `readySelector` shows and the
 * network is idle. A context of its own: request interception, as the watched pages use, turns the cache off.
 */
export async function firstVisitWeight(browser: Browser, url: string, readySelector: string): Promise<VisitWeight> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const visitor = await context.newPage();
    const encodings = new Map<string, string>();
    visitor.on('response', (response) => {
      encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding'] ?? 'identity');
    });
    await visitor.goto(url, { waitUntil: 'networkidle' });
    await visitor.locator(readySelector).first().waitFor();
    await visitor.waitForLoadState('networkidle');
    const entries = await visitor.evaluate(() =>
      (globalThis as unknown as BrowserGlobals).performance
        .getEntriesByType('navigation')
        .concat((globalThis as unknown as BrowserGlobals).performance.getEntriesByType('resource'))
        .map((entry) => ({ name: entry.name, transferSize: entry.transferSize })),
    );
    return {
      transferredBytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
      firstRenderMs: await firstRenderMs(visitor),
      entries: entries.map((entry) => ({
        path: new URL(entry.name).pathname,
        transferSize: entry.transferSize,
        encoding: encodings.get(new URL(entry.name).pathname) ?? 'from cache',
      })),
    };
  } finally {
    await context.close();
  }
}
