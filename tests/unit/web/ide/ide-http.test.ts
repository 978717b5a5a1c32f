import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  IDE_ASSETS,
  IDE_ASSET_PREFIX,
  ideAssetHref,
  ideAssetVersion,
  resolveIdeAsset,
  serveIdeAsset,
} from '../../../../src/web/ide/ide-assets';
import { prefersHtml } from '../../../../src/web/ide/prefers-html';
import { ensureIdeAssets } from '../../../../src/web/ide/build-ide-assets';

describe('prefersHtml', () => {
  it.each([
    ['a browser opening the page', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['HTML asked for alone', 'text/html', true],
    ['HTML ranked above JSON', 'application/json;q=0.5, text/html', true],
  ])('serves the page for %s', (_case, accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });

  it.each([
    ['no Accept header', undefined],
    ['curl', '*/*'],
    ['a GraphQL client', 'application/graphql-response+json, application/json;q=0.9'],
    ['GraphiQL itself', 'application/json, multipart/mixed'],
    ['JSON ranked above HTML', 'text/html;q=0.5, application/json'],
    ['HTML refused', 'text/html;q=0'],
    ['a garbled quality', 'text/html;q=high'],
  ])('leaves %s to GraphQL', (_case, accept) => {
    expect(prefersHtml(accept)).toBe(false);
  });
});

describe('serveIdeAsset', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    // The service serves the built bundles: the current sources' bundles must exist.
    await ensureIdeAssets();
    server = createServer((request, response) => {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      void serveIdeAsset(request, response, pathname);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 600_000);

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves an allow-listed bundle with its type', async () => {
    const response = await fetch(`${baseUrl}${IDE_ASSET_PREFIX}graphiql.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('GraphiQL');
  });

  it('lets browsers keep an asset for a year under its current version, and revalidate it under any other', async () => {
    const graphiql = IDE_ASSETS.find((ideAsset) => ideAsset.urlName === 'graphiql.js');
    if (graphiql === undefined) throw new Error('graphiql.js is not on the allow-list');
    const version = ideAssetVersion(graphiql);
    const current = await fetch(`${baseUrl}/${ideAssetHref(graphiql)}`);
    expect(ideAssetHref(graphiql)).toBe(`ide/${version}/graphiql.js`);
    expect(current.status).toBe(200);
    expect(current.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const stale = await fetch(`${baseUrl}${IDE_ASSET_PREFIX}an-older-version/graphiql.js`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('cache-control')).toBe('public, no-cache');
    expect(await stale.text()).toBe(await current.text());
    // The version is the content's: a digest of the built file.
    const digest = createHash('sha256')
      .update(readFileSync(resolveIdeAsset(graphiql)))
      .digest('base64url');
    expect(digest.startsWith(version)).toBe(true);
  });

  it('serves stylesheets as CSS', async () => {
    const response = await fetch(`${baseUrl}${IDE_ASSET_PREFIX}graphiql.css`);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers a repeated request with 304 when the file is unchanged', async () => {
    const first = await fetch(`${baseUrl}${IDE_ASSET_PREFIX}json.worker.js`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const second = await fetch(`${baseUrl}${IDE_ASSET_PREFIX}json.worker.js`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(second.status).toBe(304);
  });

  it.each([
    'package.json',
    '..%2Fpackage.json',
    '..%2F..%2Fpackage.json',
    'graphiql%2Fpackage.json',
    'graphiql.js.map',
    'graphiql.min.js',
    'inputs.sha256',
    'bundle%2Fgraphiql.js',
    'v1/v2/graphiql.js',
    'v1/',
    '',
  ])('refuses %p, which is not on the allow-list', async (name) => {
    const response = await fetch(`${baseUrl}${IDE_ASSET_PREFIX}${name}`);
    expect(response.status).toBe(404);
  });

  it('refuses anything but GET and HEAD', async () => {
    const response = await fetch(`${baseUrl}${IDE_ASSET_PREFIX}graphiql.js`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
