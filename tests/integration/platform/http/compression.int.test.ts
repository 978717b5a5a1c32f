import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { getIntrospectionQuery } from 'graphql';
import { buildDashboard } from '../../../../src/web/dashboard/build-dashboard';
import { DASHBOARD_BUILD_DIRECTORY, type DashboardManifest } from '../../../../src/web/dashboard/dashboard-manifest';
import { ensureIdeAssets } from '../../../../src/web/ide/build-ide-assets';
import { IDE_ASSET_PREFIX, IDE_ASSETS, resolveIdeAsset } from '../../../../src/web/ide/ide-assets';
import { openApi, type ApiFixture } from '../../../helpers/api-fixture';
import { rawRequest, type RawAnswer } from '../../../helpers/raw-http';

/**
 * What goes over the wire, read with node:http (which neither asks for nor decodes compression on its own):
 * static files in the coding stored at build time, GraphQL answers compressed per request and varying on
 * what they depend on, and introspection cacheable like other reads.
 */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd'; // what Chromium sends

let api: ApiFixture;
let manifest: DashboardManifest;

beforeAll(async () => {
  // The files as `npm run build` leaves them (the service reads them once, at its first asset request).
  manifest = await buildDashboard();
  await ensureIdeAssets();
  // The response cache on, as `npm start` has it, so introspection's second answer can come from memory.
  api = await openApi({ env: { RESPONSE_CACHE_MAX_MB: '8' } });
});

afterAll(async () => {
  await api.close();
});

const get = (path: string, headers: Record<string, string> = {}): Promise<RawAnswer> =>
  rawRequest(`${api.server.url}${path}`, { headers });

function decoded(answer: RawAnswer): Buffer {
  switch (answer.headers['content-encoding']) {
    case 'br':
      return brotliDecompressSync(answer.body);
    case 'gzip':
      return gunzipSync(answer.body);
    default:
      return answer.body;
  }
}

/** The comma list of a header, lower-cased. */
const listOf = (value: string | string[] | undefined): string[] =>
  String(value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

describe('static files, compressed once at build time', () => {
  const assetPaths = (): [string, Buffer][] => [
    [`/dashboard/assets/${manifest.script}`, readFileSync(join(DASHBOARD_BUILD_DIRECTORY, manifest.script))],
    ...IDE_ASSETS.map((ideAsset): [string, Buffer] => [
      `${IDE_ASSET_PREFIX}${ideAsset.urlName}`,
      readFileSync(resolveIdeAsset(ideAsset)),
    ]),
  ];

  it('sends brotli to a browser, gzip to a gzip-only client, the plain file to others: the same bytes', async () => {
    for (const [path, plain] of assetPaths()) {
      const brotli = await get(path, { 'accept-encoding': BROWSER_ENCODINGS });
      const gzip = await get(path, { 'accept-encoding': 'gzip' });
      const identity = await get(path);
      expect({ path, codings: [brotli, gzip, identity].map((answer) => answer.headers['content-encoding']) }).toEqual({
        path,
        codings: ['br', 'gzip', undefined],
      });
      for (const answer of [brotli, gzip, identity]) {
        expect(decoded(answer).equals(plain)).toBe(true);
        expect(listOf(answer.headers.vary)).toContain('accept-encoding');
        expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      }
      // Stored at brotli's maximum quality: smaller than gzip at its maximum level, for every file.
      expect({ path, smaller: brotli.body.length < gzip.body.length }).toEqual({ path, smaller: true });
      expect(gzip.body.length).toBeLessThan(identity.body.length);
    }
  });

  it('gives each coding its own ETag, and a 304 only for the coding the client holds', async () => {
    const [path] = assetPaths()[0] ?? [''];
    const brotli = await get(path, { 'accept-encoding': BROWSER_ENCODINGS });
    const gzip = await get(path, { 'accept-encoding': 'gzip' });
    const brotliTag = String(brotli.headers.etag);
    expect(brotliTag).toMatch(/-br"$/);
    expect(gzip.headers.etag).not.toBe(brotliTag);
    expect((await get(path, { 'accept-encoding': BROWSER_ENCODINGS, 'if-none-match': brotliTag })).status).toBe(304);
    // A gzip-only client presenting the brotli copy's tag gets the gzip bytes, not a 304 for bytes it cannot read.
    const mismatched = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': brotliTag });
    expect(mismatched.status).toBe(200);
    expect(mismatched.headers['content-encoding']).toBe('gzip');
  });
});

describe('GraphQL answers', () => {
  // The matrix the dashboard's heatmap asks for (dashboard/src/heatmap/heatmap-query.ts), its largest answer.
  const heatmapQuery = `{ sdgCoverage {
    departments { id name nameEn }
    sdgs { number name nameEn color }
    cells { department { id } sdg { number } measureCount measures { code name status policyItem { code name } } }
  } }`;
  // The preflight header keeps these requests independent of the CSRF policy, which is not under test here.
  const graphqlGet = (query: string, headers: Record<string, string>): Promise<RawAnswer> =>
    get(`/graphql?query=${encodeURIComponent(query)}`, { 'apollo-require-preflight': 'true', ...headers });

  it('are compressed per request, brotli smaller than gzip (the heatmap’s matrix: 50 KiB of JSON)', async () => {
    const query = heatmapQuery;
    const brotli = await graphqlGet(query, { 'accept-encoding': BROWSER_ENCODINGS });
    const gzip = await graphqlGet(query, { 'accept-encoding': 'gzip' });
    const identity = await graphqlGet(query, {});
    expect([brotli.status, gzip.status, identity.status]).toEqual([200, 200, 200]);
    expect(identity.body.length).toBeGreaterThan(50_000);
    expect(brotli.headers['content-encoding']).toBe('br');
    // The same data (the cost report in `extensions` differs from one request to the next).
    const dataOf = (body: Buffer): unknown => (JSON.parse(body.toString('utf8')) as { data: unknown }).data;
    expect(dataOf(decoded(brotli))).toEqual(dataOf(identity.body));
    expect(dataOf(decoded(gzip))).toEqual(dataOf(identity.body));
    expect(brotli.body.length).toBeLessThan(gzip.body.length);
  });

  it('sent by POST are compressed once they reach 1 KiB, and vary on Accept-Encoding either side of it', async () => {
    const post = (query: string): Promise<RawAnswer> =>
      rawRequest(`${api.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': BROWSER_ENCODINGS },
        body: JSON.stringify({ query }),
      });
    // The compression step runs on an answer only once its length is known (graphql-endpoint.ts).
    const small = await post('{ sdgs { number } }');
    const large = await post(heatmapQuery);
    expect([small.status, large.status]).toEqual([200, 200]);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.length).toBeLessThan(1024);
    expect(Number(small.headers['content-length'])).toBe(small.body.length);
    expect(large.headers['content-encoding']).toBe('br');
    expect(large.headers['content-length']).toBeUndefined();
    expect(decoded(large).length).toBeGreaterThan(50_000);
    for (const answer of [small, large]) expect(listOf(answer.headers.vary)).toContain('accept-encoding');
  });

  it('vary on Accept and Accept-Encoding, with an ETag per media type', async () => {
    const query = '{ fields { number name } }';
    const json = await graphqlGet(query, { accept: 'application/json', 'accept-encoding': 'gzip' });
    const graphqlJson = await graphqlGet(query, {
      accept: 'application/graphql-response+json',
      'accept-encoding': 'gzip',
    });
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(graphqlJson.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    for (const answer of [json, graphqlJson]) {
      expect(listOf(answer.headers.vary)).toEqual(expect.arrayContaining(['accept', 'accept-encoding']));
      expect(answer.headers.etag).toMatch(/^W\//);
    }
    expect(json.headers.etag).not.toBe(graphqlJson.headers.etag);
    const again = await graphqlGet(query, {
      accept: 'application/json',
      'accept-encoding': 'gzip',
      'if-none-match': String(json.headers.etag),
    });
    expect(again.status).toBe(304);
  });

  it('answer introspection (the IDE’s first request) cacheably: an ETag to revalidate with, and from the response cache', async () => {
    const query = getIntrospectionQuery();
    const first = await graphqlGet(query, { 'accept-encoding': BROWSER_ENCODINGS });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache, public');
    expect(first.headers.etag).toMatch(/^W\//);
    const second = await graphqlGet(query, { 'accept-encoding': BROWSER_ENCODINGS });
    // Served from memory: the response cache's Age header, and the same ETag.
    expect(second.headers.age).toBeDefined();
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(
      (await graphqlGet(query, { 'accept-encoding': BROWSER_ENCODINGS, 'if-none-match': String(first.headers.etag) }))
        .status,
    ).toBe(304);
    // An operation that reads data beside the schema keeps the hints of its data fields (still cacheable here).
    const mixed = await graphqlGet('{ __schema { queryType { name } } fields { number } }', {});
    expect(mixed.headers['cache-control']).toBe('no-cache, public');
  });
});
