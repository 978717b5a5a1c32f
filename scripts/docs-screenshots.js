#!/usr/bin/env node
// Takes the README's two screenshots (the dashboard's heatmap and the GraphQL IDE) from a running service,
// in Chromium through playwright-core: `npm start`, then `node scripts/docs-screenshots.js [base URL]`.
// Writes docs/images/dashboard.png and docs/images/ide.png. CHROMIUM_PATH names the browser as for the tests.
'use strict';

const { join } = require('node:path');
const { chromium } = require('playwright-core');
const { chromiumPath } = require('./system-prerequisites');

const { scriptArguments } = require('./script-arguments');

const { positionals } = scriptArguments(process.argv.slice(2), {
  usage:
    'usage: node scripts/docs-screenshots.js [base URL]   (default http://127.0.0.1:4000; a running service)\n' +
    '  retakes docs/images/dashboard.png and docs/images/ide.png in Chromium (CHROMIUM_PATH names it)',
  maxPositionals: 1,
});
const base = (positionals[0] ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
const images = join(__dirname, '..', 'docs', 'images');

async function main() {
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ja-JP' });
    await page.goto(`${base}/dashboard?view=heatmap&sdg=17&dept=department:citizen-activity-promotion`);
    await page.waitForSelector('canvas', { timeout: 30_000 });
    await page.waitForTimeout(1_500); // the heatmap's entry animation
    await page.screenshot({ path: join(images, 'dashboard.png') });

    await page.goto(`${base}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    const run = page.locator('.graphiql-execute-button');
    await run.click();
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('totalCount'), {
      timeout: 30_000,
    });
    await page.screenshot({ path: join(images, 'ide.png') });
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${join('docs', 'images', 'dashboard.png')} and ${join('docs', 'images', 'ide.png')}\n`);
}

main().catch((error) => {
  process.stderr.write(`screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
