import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';
import { waitUntil } from '../../../helpers/wait-until';

/**
 * /health/ready names what is wrong, check by check (database, supervisor, data version), and /health/live
 * asks nothing but the process. Each reason is produced for real: a driver closed under the server stands for
 * a database the instance can no longer reach. (The supervisor's `restarting` state is shown by
 * read-retries.int.test.ts, which restarts its embedded database.)
 */
interface Readiness {
  status: string;
  reason?: string;
  checks: {
    database: { ok: boolean; reason?: string; answeredInMs?: number };
    supervisor: { ok: boolean; state: string; attempt?: number; reason?: string };
    dataVersion: { ok: boolean; ageSeconds: number; polledEveryMs?: number; reason?: string };
  };
}

const readinessOf = async (server: TestServer): Promise<{ status: number; body: Readiness }> => {
  const response = await fetch(`${server.url}/health/ready`);
  return { status: response.status, body: (await response.json()) as Readiness };
};

describe('/health/ready and /health/live', () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('is ready with every check passing, and says what it checked', async () => {
    const server = await startTestServer(db.gateway, { dataVersionPollMs: 250 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 600)); // a poll or two
      const asked = Date.now();
      const { status, body } = await readinessOf(server);
      // Measured here: the readiness request's own time, within which the check read the database.
      const requestMs = Date.now() - asked;
      expect(status).toBe(200);
      expect(body.status).toBe('ready');
      expect(body.checks.database.ok).toBe(true);
      expect(body.checks.database.answeredInMs).toBeLessThanOrEqual(requestMs + 1); // rounded
      // The test database is not run by this server: nothing to supervise.
      expect(body.checks.supervisor).toEqual({ ok: true, state: 'external' });
      expect(body.checks.dataVersion.ok).toBe(true);
      expect(body.checks.dataVersion.polledEveryMs).toBe(250);
      // Read within the last poll or so: a second on an idle machine, more where requests take longer now.
      expect(body.checks.dataVersion.ageSeconds * 1000).toBeLessThan(1_000 + 2 * requestMs);
    } finally {
      await server.stop();
    }
  });

  it('names the database when it does not answer, while /health/live stays 200 without asking it', async () => {
    const unreachable = openTestDatabase();
    // Connected first: a driver closed before it ever connected would open a new pool on its next session.
    await unreachable.gateway.ping(2_000);
    await unreachable.close();
    const server = await startTestServer(db.gateway, { readiness: unreachable.gateway });
    try {
      const { status, body } = await readinessOf(server);
      expect(status).toBe(503);
      expect(body.status).toBe('unavailable');
      expect(body.checks.database.ok).toBe(false);
      expect(body.checks.database.reason).toMatch(/\w/);
      expect(body.reason).toBe(body.checks.database.reason);
      expect(body.checks.dataVersion.ok).toBe(true);
      const live = await fetch(`${server.url}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
    } finally {
      await server.stop();
    }
  });

  it('stops serving a version it cannot confirm after 1 s, and is not ready once it is 5 s old, saying why', async () => {
    const own = openTestDatabase();
    // The instance's own driver is the one that breaks; /health/ready pings on a healthy one, as the service's
    // readiness pool may still answer while the version's reads fail.
    const server = await startTestServer(own.gateway, {
      readiness: db.gateway,
      dataVersionPollMs: 100,
      env: { RESPONSE_CACHE_MAX_MB: '8' },
    });
    try {
      const question = '{ sdg(number: 17) { number nameEn } }';
      await own.gateway.ping(2_000);
      expect((await server.query(question)).errors).toBeUndefined();
      const cached = await server.query(question);
      expect((cached.extensions?.cypher as { queries: number }).queries).toBe(0);
      const version = server.dataVersion.current();

      await own.close();
      // A failing read gives up within 1 s (its timeout bounds its retries); the version is then over 1 s old,
      // and the cached answer, which belongs to a version no longer confirmed, is not served from memory any
      // more. Polled rather than slept: on a loaded machine the failing read can take longer to give up.
      await waitUntil('the data version to be unconfirmed', () => server.dataVersion.current() !== version);
      expect(server.dataVersion.current()).toMatch(/~unconfirmed-/);
      // Between 1 s and 5 s old the instance stays ready. Asked first, as the failing query below takes a while;
      // on a loaded machine the version can still be past 5 s by now, and then the answer must say exactly that.
      const unconfirmed = await readinessOf(server);
      expect(unconfirmed.body.checks.database.ok).toBe(true);
      expect(unconfirmed.status).toBe(unconfirmed.body.checks.dataVersion.ok ? 200 : 503);
      if (!unconfirmed.body.checks.dataVersion.ok) {
        expect(unconfirmed.body.checks.dataVersion.ageSeconds).toBeGreaterThanOrEqual(5);
      }
      expect((await server.query(question)).errors).toBeDefined();

      await waitUntil(
        'readiness to fail on the age of the version',
        async () => (await readinessOf(server)).status === 503,
      );
      // The version can pass 5 s before any read has failed: on a loaded machine the first read on the closed
      // driver may still be under way (a hung read never fails by itself, so age alone makes it unconfirmed).
      // The reason names the failure once there is one: wait for the poll's first failed read, then ask.
      await waitUntil('a read of the version to fail', () => server.dataVersion.lastReadError() !== undefined);
      const { status, body } = await readinessOf(server);
      expect(status).toBe(503);
      expect(body.checks.database.ok).toBe(true);
      expect(body.checks.dataVersion.ok).toBe(false);
      // Rounded to a tenth: a version just past 5 s old reads as 5.
      expect(body.checks.dataVersion.ageSeconds).toBeGreaterThanOrEqual(5);
      expect(body.reason).toMatch(
        /^data version last read \d+(\.\d)? s ago \(more than 5 s\): writes through other instances may be missing; last read failed: .+/,
      );
    } finally {
      await server.stop();
    }
  });
});
