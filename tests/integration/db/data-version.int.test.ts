import type { CypherFile } from '../../../src/db/cypher-files';
import { GraphGateway, type Params } from '../../../src/db/graph-gateway';
import type { PlainRow } from '../../../src/db/plain-values';
import { DataVersion } from '../../../src/platform/service/data-version';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';

/**
 * Read your writes at the data version: after a write commits, `refresh()` answers with a version that
 * includes it, even when another re-read that ran BEFORE the commit is still on its way back. Such a race
 * let 2–5 of 150 write-then-read cycles see the old version under concurrent mutations; it is made certain
 * here by holding that earlier read's answer until the write has committed.
 */

/** The real gateway, whose answers to reads wait for `release()` once `hold()` was called (the database reads at once). */
class HeldGateway extends GraphGateway {
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
  }

  override async read(name: CypherFile, params: Params = {}, timeoutMs?: number): Promise<PlainRow[]> {
    const gate = this.gate;
    const rows = await super.read(name, params, timeoutMs);
    await gate;
    return rows;
  }
}

let db: TestDatabase;

beforeAll(() => {
  db = openTestDatabase();
});

afterAll(async () => {
  await removeChanges();
  await db.close();
});

/** An audit entry, as every write of records adds one in its own transaction. */
async function commitAWrite(): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run("CREATE (:Change {id: 'change:data-version-test:' + randomUUID()})");
  } finally {
    await session.close();
  }
}

async function removeChanges(): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run("MATCH (c:Change) WHERE c.id STARTS WITH 'change:data-version-test:' DETACH DELETE c");
  } finally {
    await session.close();
  }
}

describe('DataVersion.refresh', () => {
  it('after a commit, answers with a read that started after it, not one already under way', async () => {
    const gateway = new HeldGateway(db.driver, 'neo4j', db.cypher);
    const dataVersion = await DataVersion.read(gateway);
    const before = dataVersion.current();

    gateway.hold();
    const earlier = dataVersion.refresh(); // read by the database now; its answer held back
    await new Promise((resolve) => setTimeout(resolve, 200));
    await commitAWrite();
    const afterWrite = dataVersion.refresh(); // what a mutation's answer waits for
    gateway.release();

    expect(await earlier).toBe(before);
    const version = await afterWrite;
    expect(version).not.toBe(before);
    expect(dataVersion.current()).toBe(version);
  });

  it('shares one read among callers that come while a read runs', async () => {
    const gateway = new HeldGateway(db.driver, 'neo4j', db.cypher);
    const dataVersion = await DataVersion.read(gateway);
    gateway.hold();
    const running = dataVersion.refresh();
    const [first, second] = [dataVersion.refresh(), dataVersion.refresh()];
    expect(second).toBe(first);
    expect(first).not.toBe(running);
    gateway.release();
    await Promise.all([running, first]);
  });

  it('after a write whose re-read failed, serves a version no earlier answer carries', async () => {
    const dataVersion = await DataVersion.read(db.gateway);
    const before = dataVersion.current();
    dataVersion.forgetAfterFailedRead();
    expect(dataVersion.current()).not.toBe(before);
    // The next successful read brings the real version back.
    expect(await dataVersion.refresh()).toBe(before);
  });
});
