import { splitCommands } from '../../../src/db/apply-schema';
import type { Plan } from 'neo4j-driver';
import { compilePrefetch } from '../../../src/read/prefetch/compile-prefetch';
import { pathBatch } from '../../../src/read/graph-loaders';
import { SheetRole } from '../../../src/graph/enums';
import { keyOf, RELATIONSHIPS, type Hop, type Relationship } from '../../../src/read/declared-relationships';

const WHOLE_READS = /^(AllNodesScan|NodeByLabelScan)/;

/** Every operator of a plan, with its runtime suffix. */
function operatorTypes(plan: Plan): string[] {
  return [plan.operatorType, ...plan.children.flatMap(operatorTypes)];
}
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';

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
      // The path batch template has a slot for a path, and the walked-path templates slots for their hops; the test
      // of every path's batch statement fills them. The relationship scopes have slots for a hop (a path, a type and
      // label, or a declared path's labels and hops); relationship-connections.int.test.ts pages every one.
      // The templates with a slot for the properties read of their nodes (search hits, a listed kind, a node by
      // id): index-backed-plans.int.test.ts profiles each filled in.
      const templates = new Set([
        'projection/path-by-ids',
        'projection/path',
        'projection/path-unless-deleted',
        'projection/scope-by-relationship',
        'projection/scope-by-path',
        'projection/scope-by-outgoing',
        'projection/scope-by-incoming',
        'search/search',
        'graph/all-by-label',
        'graph/node-by-id',
      ]);
      const pieces = (n: string): boolean => n.startsWith('fragments/') || templates.has(n);
      for (const name of db.cypher.names().filter((n) => !n.startsWith('schema/') && !pieces(n))) {
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

  /** Every hop of the relationship table, once (each field with no arguments, with deleted nodes and with each sheet role). */
  const hops = (): Hop[] => {
    const relationships: Relationship[] = Object.values(RELATIONSHIPS).flatMap((fields) => Object.values(fields));
    const all = relationships.flatMap((relationship) =>
      [{}, { includeDeleted: true }, ...Object.values(SheetRole).map((role) => ({ role }))].map((args) =>
        relationship.hop(args),
      ),
    );
    return [...new Map(all.map((hop) => [keyOf(hop), hop])).values()];
  };

  it('compiles every hop of the relationship table as the selection compiler runs it (below a root and nested)', async () => {
    const failures: string[] = [];
    const source = db.cypher;
    const root = { text: source.get('graph/nodes-by-id'), origin: 'graph/nodes-by-id' };
    const session = db.driver.session();
    try {
      for (const hop of hops()) {
        // The hop twice, one level below the other: both levels' variable names are exercised.
        const plan = [{ hop, children: [{ hop, children: [] }] }];
        const compiled = compilePrefetch(source, root, { kind: 'rows', column: 'node' }, plan, () => ['id', 'sortKey']);
        try {
          const { summary } = await session.run(`EXPLAIN ${compiled.statement.text}`);
          // Below root nodes found by id, every fragment expands from its parent: no whole-label read.
          const scans = summary.plan ? operatorTypes(summary.plan).filter((op) => WHOLE_READS.test(op)) : [];
          if (scans.length > 0) failures.push(`${keyOf(hop)} compiled reads whole labels: ${scans.join(', ')}`);
        } catch (error) {
          failures.push(`${keyOf(hop)} compiled: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    } finally {
      await session.close();
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it("compiles every path's batch statement (its fragment wrapped for the loader)", async () => {
    const failures: string[] = [];
    const session = db.driver.session();
    try {
      for (const hop of hops()) {
        if (hop.kind !== 'path') continue;
        try {
          await session.run(`EXPLAIN ${pathBatch(db.cypher, hop).text}`);
        } catch (error) {
          failures.push(`${hop.path}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    } finally {
      await session.close();
    }
    expect(failures).toEqual([]);
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
