import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FIRST_RENDER_MARK = 'dashboard:first-render';

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** The browser globals the in-page checks read (this project compiles tests without DOM types). */
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

/** How wide the document is laid out: more than the viewport means sideways scrolling. */
export function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth);
}

/** Milliseconds from navigation start to the view's first render with data (the User Timing mark it sets). */
export async function timeToFirstRender(page: Page): Promise<number> {
  await page.waitForFunction(
    (mark) => (globalThis as unknown as BrowserGlobals).performance.getEntriesByName(mark).length > 0,
    FIRST_RENDER_MARK,
  );
  return Math.round(
    await page.evaluate(
      (mark) => (globalThis as unknown as BrowserGlobals).performance.getEntriesByName(mark)[0]?.startTime ?? -1,
      FIRST_RENDER_MARK,
    ),
  );
}

export interface VisitWeight {
  /** Everything transferred: Resource Timing's `transferSize` summed over the page and its resources. */
  readonly transferredBytes: number;
  readonly entries: readonly { readonly path: string; readonly transferSize: number; readonly encoding: string }[];
}

/**
 * What Chromium transfers (headers and bodies as sent, compressed or not) to open `url` in a fresh browser
 * context, then again in the same context. A context of its own: request interception (as on a watched page)
 * turns the HTTP cache off.
 */
export async function visitWeights(
  browser: Browser,
  url: string,
  readySelector: string,
): Promise<{ first: VisitWeight; second: VisitWeight }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const visitor = await context.newPage();
    const encodings = new Map<string, string>();
    visitor.on('response', (response) => {
      encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding'] ?? 'identity');
    });
    const visit = async (): Promise<VisitWeight> => {
      await visitor.goto(url, { waitUntil: 'networkidle' });
      await visitor.locator(readySelector).first().waitFor();
      const entries = await visitor.evaluate(() => {
        const { performance } = globalThis as unknown as BrowserGlobals;
        return performance
          .getEntriesByType('navigation')
          .concat(performance.getEntriesByType('resource'))
          .map((entry) => ({ name: entry.name, transferSize: entry.transferSize }));
      });
      return {
        transferredBytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
        entries: entries.map((entry) => ({
          path: new URL(entry.name).pathname,
          transferSize: entry.transferSize,
          encoding: encodings.get(new URL(entry.name).pathname) ?? 'from cache',
        })),
      };
    };
    const first = await visit();
    encodings.clear();
    const second = await visit();
    return { first, second };
  } finally {
    await context.close();
  }
}
