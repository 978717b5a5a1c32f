import { createHash } from 'node:crypto';
import { escapeHtml } from '../../platform/http/escape-html';
import { IDE_ASSETS, ideAssetHref } from './ide-assets';
import { IDE_BROWSER_SCRIPT, IDE_SETTINGS_ELEMENT_ID } from './ide-browser-script';
import type { ExampleOperation } from './example-operations';

export interface IdePageOptions {
  /** Shown in the browser tab. */
  readonly title: string;
  /** Prefix of the browser-storage keys in which GraphiQL keeps tabs and history. */
  readonly storageNamespace: string;
  /** One preloaded tab each, in this order. */
  readonly examples: readonly ExampleOperation[];
}

/**
 * Allows the page to load code and styles from this origin only (plus the one inline script, by hash), and to
 * send requests only to it, so a browser refuses anything that would reach another host. Fonts and images
 * may be `data:` URLs because GraphiQL's and Monaco's stylesheets inline their fonts that way. No `'unsafe-eval'`:
 * neither GraphiQL 5 nor Monaco evaluates strings (the browser test would see the refusal as a page error).
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'sha256-${createHash('sha256').update(IDE_BROWSER_SCRIPT).digest('base64')}'`,
  // Monaco's editors run their language services in web workers: scripts of this service (the build's
  // *.worker.js), started by URL, never from a blob: URL or another host.
  "worker-src 'self'",
  // GraphiQL's components set inline styles, and Monaco adds <style> elements for its themes and decorations.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The GraphiQL page: every URL in it is relative to /graphql, so all of it comes from this service. */
export function renderIdePage(options: IdePageOptions): string {
  const settings = {
    storageNamespace: options.storageNamespace,
    examples: options.examples.map(({ name, query }) => ({ name, query })),
    workers: workerHrefs(),
  };
  const stylesheets = IDE_ASSETS.filter((ideAsset) => ideAsset.role === 'stylesheet')
    .map((ideAsset) => `    <link rel="stylesheet" href="${escapeHtml(ideAssetHref(ideAsset))}" />`)
    .join('\n');
  const scripts = IDE_ASSETS.filter((ideAsset) => ideAsset.role === 'script')
    .map((ideAsset) => `    <script src="${escapeHtml(ideAssetHref(ideAsset))}"></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title)}</title>
    <!-- An empty icon, so the browser does not ask for /favicon.ico. -->
    <link rel="icon" href="data:," />
${stylesheets}
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
      /* Tabs carry long file names: one line each, and the tab bar scrolls instead of wrapping them. */
      .graphiql-tab { flex-shrink: 0; }
      .graphiql-tab-button { white-space: nowrap; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading the GraphQL IDE…</div>
    <script type="application/json" id="${IDE_SETTINGS_ELEMENT_ID}">${jsonForScriptElement(settings)}</script>
${scripts}
    <script>${IDE_BROWSER_SCRIPT}</script>
  </body>
</html>
`;
}

/**
 * Each Monaco worker's URL by the name before `.worker.js` (`editor`, `json`, `graphql`: the labels Monaco asks
 * for, `editor` for any other), for the page's script to hand to Monaco.
 */
function workerHrefs(): Record<string, string> {
  return Object.fromEntries(
    IDE_ASSETS.filter((ideAsset) => ideAsset.role === 'worker').map((ideAsset) => [
      ideAsset.urlName.replace(/\.worker\.js$/, ''),
      ideAssetHref(ideAsset),
    ]),
  );
}

/**
 * JSON that cannot end its `<script>` element early or open a comment there: `<`, `>` and `&` become
 * `\u` escapes, which JSON.parse reads back as the same characters. U+2028/U+2029 are escaped too, for
 * older parsers that treat them as line ends.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
