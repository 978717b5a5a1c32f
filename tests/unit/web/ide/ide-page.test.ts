import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExampleOperations } from '../../../../src/web/ide/example-operations';
import { IDE_ASSETS, IDE_ASSET_PREFIX, ideAssetHref, resolveIdeAsset } from '../../../../src/web/ide/ide-assets';
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
  const hostileExample = {
    name: 'evil.graphql',
    query: '# </script><script>alert(1)</script> <!-- & \u2028\nquery X { a }',
  };
  const html = renderIdePage({
    title: 'honjo-policy-graph · GraphiQL',
    storageNamespace: 'honjo-policy-graph',
    examples: [{ name: 'service-info.graphql', query: 'query ServiceInfo { serviceInfo { name } }' }, hostileExample],
  });

  it('loads every script and style from this service, by relative URL', () => {
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      // Relative to /graphql, or a data: URL (the empty favicon); never a scheme-relative or absolute URL.
      expect(url).toMatch(/^(ide\/[\w-]+\/[\w.-]+|data:.*)$/);
    }
    for (const ideAsset of IDE_ASSETS) expect(urls).toContain(ideAssetHref(ideAsset));
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('loads React before GraphiQL, and GraphiQL before its explorer plugin', () => {
    const position = (name: string): number => html.search(new RegExp(`src="ide/[\\w-]+/${name}"`));
    expect(position('react.production.min.js')).toBeLessThan(position('react-dom.production.min.js'));
    expect(position('react-dom.production.min.js')).toBeLessThan(position('graphiql.min.js'));
    expect(position('graphiql.min.js')).toBeLessThan(position('graphiql-plugin-explorer.umd.js'));
  });

  it('embeds the examples so that their text cannot close the script element', () => {
    const settingsElement = /<script type="application\/json"[^>]*>(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(settingsElement).not.toMatch(/[<>&\u2028]/);
    expect(settingsElement).toContain('\\u003c/script\\u003e');
    expect(embeddedSettings(html)).toEqual({
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
  it.each(IDE_ASSETS.map((ideAsset) => [ideAsset.urlName, ideAsset] as const))(
    'resolves %s to an installed file',
    (_urlName, ideAsset) => {
      const path = resolveIdeAsset(ideAsset);
      expect(existsSync(path)).toBe(true);
      expect(path).toContain(join('node_modules', ideAsset.packageName));
    },
  );

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
