import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../core/project-root';

/** The id of the `<script type="application/json">` element holding the page's settings and examples. */
export const IDE_SETTINGS_ELEMENT_ID = 'ide-settings';

/**
 * The browser script of the IDE page, a real file (src/web/ide/browser/ide.js: type-checked with the DOM library
 * by its own tsconfig, linted). Read once at start-up and inlined into the page, where the
 * Content-Security-Policy allows it by the hash of exactly this text (see ide-page.ts). Resolved from the
 * project root because the compiled service runs from dist/, which holds no .js sources of src/.
 */
export const IDE_BROWSER_SCRIPT_FILE = join(PROJECT_ROOT, 'src', 'web', 'ide', 'browser', 'ide.js');

export const IDE_BROWSER_SCRIPT: string = readBrowserScript(IDE_BROWSER_SCRIPT_FILE);

function readBrowserScript(file: string): string {
  const text = readFileSync(file, 'utf8');
  // Inlined in a <script> element: a closing tag inside would end it early.
  if (/<\/script/i.test(text)) throw new Error(`${file} must not contain '</script'`);
  if (!text.includes(`element('${IDE_SETTINGS_ELEMENT_ID}')`))
    throw new Error(`${file} must read its settings from #${IDE_SETTINGS_ELEMENT_ID}`);
  return text;
}
