import { splitCommands } from '../../src/db/apply-schema';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Every statement in cypher/ must at least compile, so a typo fails CI rather than a user's request. */
describe('the Cypher files', () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(() => db.close());

  it('holds files for the service, the loader and the schema', () => {
    expect(db.cypher.namesUnder('schema').length).toBeGreaterThan(0);
    expect(db.cypher.namesUnder('load').length).toBeGreaterThan(0);
  });

  it('compiles every non-schema statement with EXPLAIN', async () => {
    const failures: string[] = [];
    const session = db.driver.session();
    try {
      // Fragments of compiled statements are not statements; compiled-statements.int.test.ts explains them.
      for (const name of db.cypher.names().filter((n) => !n.startsWith('schema/') && !n.startsWith('fragments/'))) {
        try {
          await session.run(`EXPLAIN ${db.cypher.get(name)}`);
        } catch (error) {
          failures.push(`cypher/${name}.cypher: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    } finally {
      await session.close();
    }
    expect(failures).toEqual([]);
    // Planning every file took 20 s on the 2-core build machine shared with other test runs (jest allows 5 s).
  }, 60_000);

  it('applies every schema command idempotently (IF NOT EXISTS)', async () => {
    const session = db.driver.session();
    try {
      for (const name of db.cypher.namesUnder('schema')) {
        for (const command of splitCommands(db.cypher.get(name))) {
          expect(command).toMatch(/IF NOT EXISTS/);
          await session.run(command);
        }
      }
    } finally {
      await session.close();
    }
  });
});
