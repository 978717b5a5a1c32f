import { openTestDatabase, type TestDatabase } from './test-database';
import { startTestServer, type TestServer } from './test-server';

type ServerOptions = Parameters<typeof startTestServer>[1];

/** The real server over the seeded test database, for API tests; call `close` in afterAll. */
export interface ApiFixture {
  readonly db: TestDatabase;
  readonly server: TestServer;
  close(): Promise<void>;
}

export async function openApi(options?: ServerOptions): Promise<ApiFixture> {
  const db = openTestDatabase();
  const server = await startTestServer(db.gateway, options);
  return {
    db,
    server,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
