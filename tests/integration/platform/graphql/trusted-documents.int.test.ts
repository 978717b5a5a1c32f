import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { documentIdOf } from '../../../../src/platform/graphql/trusted-documents/document-id';
import type { OperationManifest } from '../../../../src/platform/graphql/trusted-documents/operation-manifest';
import { trustedDocumentsOfThisBuild } from '../../../../src/web/trusted-documents/build-trusted-documents';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * TRUSTED_DOCUMENTS tried as an attacker would, through the HTTP front, the plugin group and the subscriptions
 * `npm start` builds, with the manifest `npm run build` writes: only listed operations run, by id or exact text,
 * over POST, GET and WebSocket; everything else is 400 OPERATION_NOT_TRUSTED with nothing run or registered.
 */
interface Answer {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

const NOT_TRUSTED = 'OPERATION_NOT_TRUSTED';
const persisted = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });

describe('trusted documents through the real stack', () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  let server: TestServer;
  let introspecting: TestServer;
  let manifest: OperationManifest;
  const clients: Client[] = [];
  /** A listed read that needs no variables (the IDE's example "ServiceInfo"). */
  let serviceInfo: OperationManifest['operations'][number];
  /** A listed read with variables (the dashboard's drill-down of one policy item). */
  let policyItem: OperationManifest['operations'][number];

  const post = async (target: TestServer, body: unknown): Promise<Answer> => {
    const response = await fetch(`${target.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
  };
  const get = async (target: TestServer, parameters: Record<string, string>): Promise<Answer> => {
    const response = await fetch(`${target.url}/graphql?${new URLSearchParams(parameters).toString()}`, {
      headers: { accept: 'application/json' },
    });
    return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
  };
  const expectRefused = (answer: Answer): void => {
    expect(answer.status).toBe(400);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual([NOT_TRUSTED]);
    expect(answer.data).toBeUndefined();
  };

  beforeAll(async () => {
    manifest = await trustedDocumentsOfThisBuild();
    const byName = (name: string) => {
      const found = manifest.operations.find((operation) => operation.name === name);
      if (found === undefined) throw new Error(`the build lists no ${name}`);
      return found;
    };
    serviceInfo = byName('ServiceInfo');
    policyItem = byName('DashboardPolicyItem');
    db = openTestDatabase();
    server = await startTestServer(db.gateway, { trustedDocuments: manifest });
    introspecting = await startTestServer(db.gateway, { trustedDocuments: manifest, introspection: true });
  });
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
    await Promise.all([server?.stop(), introspecting?.stop()]);
    await db?.close();
  });

  it('runs a listed operation by its text, by documentId and by APQ id, over POST and GET, with the same data', async () => {
    const variables = { code: '5-1' };
    const answers = [
      await post(server, { query: policyItem.body, variables }),
      await post(server, { documentId: `sha256:${policyItem.id}`, variables }),
      await post(server, { extensions: persisted(policyItem.id), variables }),
      await get(server, { extensions: JSON.stringify(persisted(policyItem.id)), variables: JSON.stringify(variables) }),
      await get(server, { documentId: policyItem.id, variables: JSON.stringify(variables) }),
      await get(server, { query: policyItem.body, variables: JSON.stringify(variables) }),
    ];
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.status).toBe(200);
    }
    const first = JSON.stringify(answers[0]?.data);
    expect(first).toContain('"code":"5-1"');
    for (const answer of answers) expect(JSON.stringify(answer.data)).toBe(first);
  });

  it('refuses an unlisted text over POST and GET, even one space away from a listed one', async () => {
    for (const query of [
      '{ serviceInfo { name } }',
      `${serviceInfo.body} `,
      serviceInfo.body.replace('query ServiceInfo', 'query ServiceInfo2'),
    ]) {
      expectRefused(await post(server, { query }));
      expectRefused(await get(server, { query }));
    }
  });

  it('refuses a listed id sent with another text, over POST and GET', async () => {
    const other = '{ measures(first: 100) { totalCount } }';
    expectRefused(await post(server, { query: other, documentId: serviceInfo.id }));
    expectRefused(await post(server, { query: other, extensions: persisted(serviceInfo.id) }));
    expectRefused(await get(server, { query: other, extensions: JSON.stringify(persisted(serviceInfo.id)) }));
  });

  it('refuses a batch mixing listed and unlisted operations whole, naming the unlisted one', async () => {
    const answer = await post(server, [{ query: serviceInfo.body }, { query: '{ serviceInfo { version } }' }]);
    expectRefused(answer);
    expect(answer.errors?.[0]?.message).toMatch(/^operation 2 of the batch: /);
    // All listed: past the gate, to Apollo, which serves no batches.
    const listed = await post(server, [{ query: serviceInfo.body }, { documentId: serviceInfo.id }]);
    expect(listed.status).toBe(400);
    expect(listed.errors?.[0]?.extensions?.code).not.toBe(NOT_TRUSTED);
  });

  it('refuses to register a new query as APQ does, and does not know its id afterwards', async () => {
    const query = '{ departments { id name } }';
    const id = documentIdOf(query);
    expectRefused(await post(server, { query, extensions: persisted(id) }));
    expectRefused(await get(server, { query, extensions: JSON.stringify(persisted(id)) }));
    expectRefused(await post(server, { extensions: persisted(id) }));
    expectRefused(await get(server, { extensions: JSON.stringify(persisted(id)) }));
  });

  it('keeps introspection and the IDE off by default with a manifest; INTROSPECTION=true lets schema reads through only', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    expectRefused(await post(server, { query: introspection }));
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    await page.arrayBuffer();
    const ide = await fetch(`${server.url}/ide/`);
    expect(ide.status).toBe(404);
    await ide.arrayBuffer();

    const schemaRead = await post(introspecting, { query: introspection });
    expect(schemaRead.errors).toBeUndefined();
    expect(schemaRead.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expectRefused(await post(introspecting, { query: '{ __schema { queryType { name } } serviceInfo { name } }' }));
  });

  it('lets a listed mutation past the gate to the sign-in check, by id', async () => {
    const mutation = manifest.operations.find((operation) => operation.type === 'mutation');
    const answer = await post(server, {
      documentId: mutation?.id,
      variables: { input: { indicator: 'indicator:5-1-1', fiscalYear: 2024, value: 1 } },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('over WebSocket', () => {
    const clientOf = (target: TestServer): Client => {
      const client = createClient({
        url: target.url.replace(/^http/, 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    };
    const subscribe = (client: Client, query: string) => {
      const events: unknown[] = [];
      const errors: { readonly extensions?: Readonly<Record<string, unknown>> }[] = [];
      client.subscribe(
        { query },
        {
          next: (result) => {
            if (result.data) events.push(result.data);
            if (result.errors) errors.push(...result.errors);
          },
          error: (error) => errors.push(...(Array.isArray(error) ? (error as typeof errors) : [error as never])),
          complete: () => undefined,
        },
      );
      return { events, errors };
    };
    const until = async (condition: () => boolean, what: string): Promise<void> => {
      const started = Date.now();
      while (!condition()) {
        if (Date.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    it('refuses an unlisted subscription and runs the listed one', async () => {
      const listed = manifest.operations.find((operation) => operation.type === 'subscription');
      if (listed === undefined) throw new Error('the build lists no subscription');
      const client = clientOf(server);
      const unlisted = subscribe(client, 'subscription { dataVersionChanged { version } }');
      const renamed = subscribe(client, listed.body.replace('DashboardLive', 'Other'));
      const running = subscribe(client, listed.body);
      await until(() => unlisted.errors.length > 0 && renamed.errors.length > 0, 'the refusals');
      expect(unlisted.errors.map((error) => error.extensions?.code)).toEqual([NOT_TRUSTED]);
      expect(renamed.errors.map((error) => error.extensions?.code)).toEqual([NOT_TRUSTED]);
      expect(unlisted.events).toEqual([]);
      await until(() => running.events.length > 0 || running.errors.length > 0, 'the listed subscription');
      expect(running.errors).toEqual([]);
    });
  });
});
