import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExampleOperations } from '../../../../src/web/ide/example-operations';
import { ensureIdeAssets } from '../../../../src/web/ide/build-ide-assets';
import {
  IDE_ASSETS,
  IDE_ASSET_PREFIX,
  IDE_BUNDLE_DIRECTORY,
  ideAssetHref,
  resolveIdeAsset,
} from '../../../../src/web/ide/ide-assets';
import { IDE_CONTENT_SECURITY_POLICY, jsonForScriptElement, renderIdePage } from '../../../../src/web/ide/ide-page';
import { IDE_BROWSER_SCRIPT_FILE, IDE_SETTINGS_ELEMENT_ID } from '../../../../src/web/ide/ide-browser-script';

/** Every URL an HTML attribute or CSS of the page could load from. */
function referencedUrls(html: string): string[] {
  const attributeUrls = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1] ?? '');
  const cssUrls = [...html.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1] ?? '');
  return [...attributeUrls, ...cssUrls];
}

/** The settings JSON as the browser would read it back from the page. */
function embeddedSettings(html: string): unknown {
  const pattern = new RegExp(`<script type="application/json" id="${IDE_SETTINGS_ELEMENT_ID}">(.*?)</script>`, 's');
  const json = pattern.exec(html)?.[1];
  if (json === undefined) throw new Error('the page has no settings element');
  return JSON.parse(json);
}

describe('the IDE page', () => {
  jest.setTimeout(30_000);
  const hostileExample = {
    name: 'evil.graphql',
    query: '# </script><script>alert(1)</script> <!-- & \u2028\nquery X { a }',
  };
  let html: string;

  beforeAll(async () => {
    // The page names each bundle by its content's version: the bundles of the current sources must exist.
    await ensureIdeAssets();
    html = renderIdePage({
      title: 'honjo-policy-graph · GraphiQL',
      storageNamespace: 'honjo-policy-graph',
      examples: [{ name: 'service-info.graphql', query: 'query ServiceInfo { serviceInfo { name } }' }, hostileExample],
    });
  }, 600_000);

  it('loads every script and style from this service, by relative URL', () => {
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      // Relative to /graphql, or a data: URL (the empty favicon); never a scheme-relative or absolute URL.
      expect(url).toMatch(/^(ide\/[\w-]+\/[\w.-]+|data:.*)$/);
    }
    for (const ideAsset of IDE_ASSETS.filter((each) => each.role !== 'worker')) {
      expect(urls).toContain(ideAssetHref(ideAsset));
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('loads the bundle before its own script, and tells Monaco where each worker is, by versioned URL', () => {
    const bundle = html.search(/<script src="ide\/[\w-]+\/graphiql\.js"><\/script>/);
    expect(bundle).toBeGreaterThan(0);
    expect(bundle).toBeLessThan(html.indexOf('<script>'));
    const { workers } = embeddedSettings(html) as { workers: Record<string, string> };
    const hrefOf = (name: string): string | undefined => {
      const found = IDE_ASSETS.find((ideAsset) => ideAsset.urlName === name);
      return found && ideAssetHref(found);
    };
    expect(workers).toEqual({
      editor: hrefOf('editor.worker.js'),
      json: hrefOf('json.worker.js'),
      graphql: hrefOf('graphql.worker.js'),
    });
    for (const href of Object.values(workers)) expect(href).toMatch(/^ide\/[\w-]{16}\/\w+\.worker\.js$/);
  });

  it('embeds the examples so that their text cannot close the script element', () => {
    const settingsElement = /<script type="application\/json"[^>]*>(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(settingsElement).not.toMatch(/[<>&\u2028]/);
    expect(settingsElement).toContain('\\u003c/script\\u003e');
    // The workers' URLs are checked by the test above.
    expect(embeddedSettings(html)).toMatchObject({
      storageNamespace: 'honjo-policy-graph',
      examples: [{ name: 'service-info.graphql', query: 'query ServiceInfo { serviceInfo { name } }' }, hostileExample],
    });
    expect(html.match(/<script>alert/g)).toBeNull();
  });

  it('escapes the characters that matter inside a script element and keeps the JSON equal', () => {
    const value = { text: '</script><!--&\u2028\u2029' };
    const json = jsonForScriptElement(value);
    expect(json).toBe('{"text":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('escapes the title', () => {
    expect(renderIdePage({ title: '<b>&', storageNamespace: 'x', examples: [] })).toContain(
      '<title>&#60;b&#62;&#38;</title>',
    );
  });

  it('allows its one inline script by hash and connections to its own origin only', () => {
    expect(IDE_CONTENT_SECURITY_POLICY).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(IDE_CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    // Monaco's workers: scripts of this origin only, never blob: URLs or another host.
    expect(IDE_CONTENT_SECURITY_POLICY).toContain("worker-src 'self';");
    expect(IDE_CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('inlines the browser script file as it is, allowed by the hash of its content', () => {
    const file = readFileSync(IDE_BROWSER_SCRIPT_FILE, 'utf8');
    expect(IDE_BROWSER_SCRIPT_FILE).toMatch(/src[\\/]web[\\/]ide[\\/]browser[\\/]ide\.js$/);
    expect(html).toContain(`<script>${file}</script>`);
    const hash = createHash('sha256').update(file, 'utf8').digest('base64');
    expect(IDE_CONTENT_SECURITY_POLICY).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(file).toContain(`element('${IDE_SETTINGS_ELEMENT_ID}')`);
  });
});

describe('the IDE asset allow-list', () => {
  it('is exactly what the build writes, and each file is there', async () => {
    await ensureIdeAssets();
    expect(readdirSync(IDE_BUNDLE_DIRECTORY).sort()).toEqual(IDE_ASSETS.map((ideAsset) => ideAsset.urlName).sort());
    for (const ideAsset of IDE_ASSETS)
      expect(resolveIdeAsset(ideAsset)).toBe(join(IDE_BUNDLE_DIRECTORY, ideAsset.urlName));
  }, 600_000);

  it('serves plain file names only, under one prefix', () => {
    expect(IDE_ASSET_PREFIX).toBe('/ide/');
    for (const ideAsset of IDE_ASSETS) expect(ideAsset.urlName).toMatch(/^[\w-]+(\.[\w-]+)+$/);
    expect(new Set(IDE_ASSETS.map((ideAsset) => ideAsset.urlName)).size).toBe(IDE_ASSETS.length);
  });
});

describe('the example operations', () => {
  it('reads the .graphql files of a folder sorted by name, and nothing else', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ide-examples-'));
    try {
      writeFileSync(join(folder, 'b.graphql'), 'query B { b }');
      writeFileSync(join(folder, 'a.graphql'), 'query A { a }');
      writeFileSync(join(folder, 'notes.md'), 'not an operation');
      expect(await readExampleOperations(folder)).toEqual([
        { name: 'a.graphql', query: 'query A { a }' },
        { name: 'b.graphql', query: 'query B { b }' },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives no examples when the folder is missing', async () => {
    expect(await readExampleOperations(join(tmpdir(), 'no-such-ide-examples-folder'))).toEqual([]);
  });

  it('ships the service-info example', async () => {
    const examples = await readExampleOperations();
    expect(examples.map((example) => example.name)).toContain('service-info.graphql');
  });
});
