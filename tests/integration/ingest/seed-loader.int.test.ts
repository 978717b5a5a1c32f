import type { GraphFile } from '../../../src/graph/graph-model';
import { loadGraph } from '../../../src/ingest/load/graph-loader';
import { GraphValidationError } from '../../../src/ingest/load/graph-validation';
import { seedDatabase } from '../../../src/ingest/load/seed-database';
import { readSeedFile } from '../../../src/ingest/load/seed-file';
import { RowReader } from '../../../src/db/row-reader';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database';

/** The loader against the real test database (global setup already loaded seed/graph.json once). */
describe('loading the seed graph', () => {
  let db: TestDatabase;
  const seed = readSeedFile();
  if (!seed) throw new Error('seed/graph.json is missing: run `npm run ingest`');

  beforeAll(() => {
    db = openTestDatabase();
  });
  afterAll(() => db.close());

  const snapshot = async () => {
    const counts = await db.gateway.read('load/count-by-label');
    const session = db.driver.session();
    try {
      const ids = await session.run('MATCH (n:Entity) RETURN n.id AS id, elementId(n) AS element ORDER BY id');
      return { counts, elements: ids.records.map((r) => `${String(r.get('id'))}=${String(r.get('element'))}`) };
    } finally {
      await session.close();
    }
  };

  it('holds every node and relationship of seed/graph.json', async () => {
    const counts = (await db.gateway.read('load/count-by-label')).map((r) => new RowReader(r));
    const total = (kind: string) =>
      counts.filter((c) => c.string('kind') === kind).reduce((sum, c) => sum + c.number('count'), 0);
    expect(total('node')).toBe(seed.graph.nodes.length);
    expect(total('relationship')).toBe(seed.graph.relationships.length);
  });

  it('is idempotent: loading again keeps the same nodes, element ids and counts', async () => {
    const before = await snapshot();
    const result = await seedDatabase(db.gateway, db.cypher, seed, () => undefined);
    expect(result.nodesDeleted).toBe(0);
    expect(result.relationshipsDeleted).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('is atomic for readers: a load that fails midway leaves the previous graph as it was', async () => {
    const before = await snapshot();
    // A nested map is not a storable property: Neo4j rejects the last batch after the earlier ones ran.
    const broken: GraphFile = {
      ...seed.graph,
      relationships: [
        ...seed.graph.relationships,
        {
          type: 'HAS_ITEM',
          from: 'field:5',
          to: 'policy-item:5-1',
          properties: { nested: { not: 'storable' } } as never,
        },
      ],
    };
    await expect(loadGraph(db.gateway, broken, 'broken', () => undefined)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an invalid graph before touching the database, naming document and line', async () => {
    const first = seed.graph.nodes.find((n) => n.label === 'Measure');
    if (!first) throw new Error('no measure in the seed');
    const invalid: GraphFile = {
      ...seed.graph,
      nodes: [...seed.graph.nodes, { ...first, properties: { ...first.properties, status: 'MAYBE' } }],
    };
    // The real gateway, watched: every call the seeding makes on it is recorded, then passed on.
    const calls: string[] = [];
    const watched = new Proxy(db.gateway, {
      get(target, key, receiver): unknown {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          calls.push(String(key));
          return Reflect.apply(value, target, args);
        };
      },
    });
    const before = await snapshot();
    const seeding = seedDatabase(watched, db.cypher, { ...seed, graph: invalid }, () => undefined);
    await expect(seeding).rejects.toThrow(GraphValidationError);
    await expect(seeding).rejects.toThrow(
      new RegExp(
        `${String(first.properties.sourceDocument)}:${String(first.properties.sourceLine)}: ${first.id}: .*status`,
      ),
    );
    expect(calls).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("answers the user's example in Cypher: measures of SDG 17 items owned by 市民活動推進課", async () => {
    const rows = await db.gateway.read('analytics/measures-for-sdg-and-department', {
      sdg: 17,
      department: 'department:citizen-activity-promotion',
    });
    expect(rows.map((r) => new RowReader(r).string('code'))).toEqual([
      '5-1-1',
      '5-1-2',
      '5-1-3',
      '5-1-4',
      '5-2-1',
      '5-2-2',
      '5-2-3',
      '5-2-4',
      '5-2-5',
    ]);
  });
});
