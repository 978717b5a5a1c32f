import { loadConfig } from '../../../../src/core/config';
import { rawRequest } from '../../../helpers/raw-http';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

const AS_BROWSER = { accept: 'text/html,application/xhtml+xml' };

/**
 * IDE=false with INTROSPECTION=false, as docs/operators.md tells a deployment that wants neither: a browser
 * opening /graphql gets no IDE page, the IDE's files are not served, and introspection is refused; with the
 * defaults the same requests get the IDE, its files and the schema.
 */
describe('turning the IDE and introspection off', () => {
  let database: TestDatabase;
  let withIde: TestServer;
  let withoutIde: TestServer;

  beforeAll(async () => {
    database = openTestDatabase();
    const on = loadConfig({});
    const off = loadConfig({ IDE: 'false', INTROSPECTION: 'false' });
    withIde = await startTestServer(database.gateway, { ide: on.ide, introspection: on.introspection });
    withoutIde = await startTestServer(database.gateway, { ide: off.ide, introspection: off.introspection });
  });
  afterAll(async () => {
    await Promise.all([withIde?.stop(), withoutIde?.stop()]);
    await database?.close();
  });

  it('serves no IDE page and none of its files', async () => {
    const page = await rawRequest(`${withIde.url}/graphql`, { headers: AS_BROWSER });
    expect(page.status).toBe(200);
    const html = page.body.toString('utf8');
    // The page links its bundles relatively, `ide/<version>/<name>`.
    const linked = /["'](ide\/[^"']+\.js)["']/.exec(html)?.[1];
    const asset = linked === undefined ? undefined : `/${linked}`;
    expect(asset).toBeDefined();
    expect((await rawRequest(`${withIde.url}${asset ?? ''}`)).status).toBe(200);

    const none = await rawRequest(`${withoutIde.url}/graphql`, { headers: AS_BROWSER });
    expect(none.status).toBe(406); // it asked for HTML, and GraphQL answers JSON only
    expect(none.body.toString('utf8')).not.toContain('<html');
    expect((await rawRequest(`${withoutIde.url}${asset ?? ''}`)).status).toBe(404);
  });

  it('refuses introspection', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await withIde.query(query)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const refused = await withoutIde.query(query);
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
