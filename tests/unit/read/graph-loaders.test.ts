import type { CompiledStatement, Params } from '../../../src/db/graph-gateway';
import type { PlainRow } from '../../../src/db/plain-values';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { GraphLoaders, type BatchReader } from '../../../src/read/graph-loaders';
import { related, relatedOne, RELATIONSHIPS } from '../../../src/read/declared-relationships';

interface Call {
  readonly name: string;
  readonly params: Params;
}

/**
 * Stands in for the gateway's batch reads: records every call and answers from a fixed table of
 * (statement → rows), returning rows in an order of its own (not the keys' order), as a database may.
 */
class RecordingReader implements BatchReader {
  readonly calls: Call[] = [];
  constructor(private readonly rows: Readonly<Record<string, readonly PlainRow[]>>) {}

  private readonly cypher = CypherRegistry.load();
  /** Texts of the compiled statements run, by their origin. */
  readonly texts = new Map<string, string>();

  read(name: string, params: Params = {}): Promise<PlainRow[]> {
    this.calls.push({ name, params });
    const ids = new Set(Array.isArray(params.ids) ? params.ids : []);
    const answer = (this.rows[name] ?? []).filter((row) => ids.has(row.id));
    return Promise.resolve([...answer].reverse());
  }

  readStatement(statement: CompiledStatement, params: Params = {}): Promise<PlainRow[]> {
    this.texts.set(statement.origin, statement.text);
    return this.read(statement.origin, params);
  }

  get statements(): CypherRegistry {
    return this.cypher;
  }
}

const node = (id: string, name: string): PlainRow => ({ id, name });
const edge = (from: string, to: PlainRow): PlainRow => ({ id: from, node: to });

/** 5-1 has three measures (in display order), 5-2 one; 5-3 none. */
const HAS_MEASURE_ROWS = [
  edge('policy-item:5-1', node('measure:5-1-1', '自治会の支援')),
  edge('policy-item:5-1', node('measure:5-1-2', 'コミュニティ活動団体の支援')),
  edge('policy-item:5-1', node('measure:5-1-3', '市民参加の促進')),
  edge('policy-item:5-2', node('measure:5-2-1', '人権教育・啓発の推進')),
];

describe('GraphLoaders', () => {
  it('batches the keys of one tick into one statement, in the order they were asked for', async () => {
    const reader = new RecordingReader({ 'graph/outgoing': HAS_MEASURE_ROWS });
    const loaders = new GraphLoaders(reader);
    const keys = ['policy-item:5-3', 'policy-item:5-1', 'policy-item:5-2', 'policy-item:5-1'];
    const lists = await Promise.all(keys.map((key) => loaders.outgoing('HAS_MEASURE').load(key)));

    expect(reader.calls).toEqual([
      {
        name: 'graph/outgoing',
        params: { type: 'HAS_MEASURE', ids: ['policy-item:5-3', 'policy-item:5-1', 'policy-item:5-2'] },
      },
    ]);
    // One answer per key, same length, same order; [] for a key without rows; rows grouped under their key.
    expect(lists.map((list) => list.map((p) => p.string('id')))).toEqual([
      [],
      ['measure:5-1-3', 'measure:5-1-2', 'measure:5-1-1'],
      ['measure:5-2-1'],
      ['measure:5-1-3', 'measure:5-1-2', 'measure:5-1-1'],
    ]);
  });

  it('keeps the order of the rows within a key (the statement orders them for display)', async () => {
    const rows = [...HAS_MEASURE_ROWS].reverse(); // the reader reverses again: display order restored
    const loaders = new GraphLoaders(new RecordingReader({ 'graph/outgoing': rows }));
    const measures = await loaders.outgoing('HAS_MEASURE').load('policy-item:5-1');
    expect(measures.map((p) => p.string('name'))).toEqual([
      '自治会の支援',
      'コミュニティ活動団体の支援',
      '市民参加の促進',
    ]);
  });

  it('uses one loader per relationship type and direction, reused within the request', async () => {
    const reader = new RecordingReader({});
    const loaders = new GraphLoaders(reader);
    expect(loaders.outgoing('HAS_MEASURE')).toBe(loaders.outgoing('HAS_MEASURE'));
    expect(loaders.outgoing('HAS_MEASURE')).not.toBe(loaders.incoming('HAS_MEASURE'));
    await Promise.all([
      loaders.outgoing('HAS_MEASURE').load('policy-item:5-1'),
      loaders.incoming('HAS_MEASURE').load('measure:5-1-1'),
      loaders.outgoing('CONTRIBUTES_TO').load('policy-item:5-1'),
    ]);
    expect(reader.calls).toEqual([
      { name: 'graph/outgoing', params: { type: 'HAS_MEASURE', ids: ['policy-item:5-1'] } },
      { name: 'graph/incoming', params: { type: 'HAS_MEASURE', ids: ['measure:5-1-1'] } },
      { name: 'graph/outgoing', params: { type: 'CONTRIBUTES_TO', ids: ['policy-item:5-1'] } },
    ]);
    // Cached per key: asking again runs nothing.
    await loaders.outgoing('HAS_MEASURE').load('policy-item:5-1');
    expect(reader.calls).toHaveLength(3);
  });

  it('answers null for an id with no node, and the node for the others', async () => {
    const reader = new RecordingReader({ 'graph/nodes-by-id': [edge('sdg:17', node('sdg:17', 'パートナーシップ'))] });
    const loaders = new GraphLoaders(reader);
    const [missing, found] = await loaders.node.loadMany(['sdg:99', 'sdg:17']);
    expect(missing).toBeNull();
    expect(found).not.toBeInstanceOf(Error);
    expect(found && !(found instanceof Error) ? found.string('name') : null).toBe('パートナーシップ');
    expect(reader.calls).toEqual([{ name: 'graph/nodes-by-id', params: { ids: ['sdg:99', 'sdg:17'] } }]);
  });

  it('finds the one parent or child of a relationship field, and says which relationship is missing', async () => {
    const loaders = new GraphLoaders(
      new RecordingReader({
        'graph/incoming': [edge('measure:5-1-1', node('policy-item:5-1', 'x'))],
        'graph/outgoing': [edge('reform-sheet:1-6', node('reform-area:1', 'y'))],
      }),
    );
    expect((await relatedOne(loaders, 'Measure', 'policyItem', 'measure:5-1-1')).string('id')).toBe('policy-item:5-1');
    expect((await relatedOne(loaders, 'ReformSheet', 'area', 'reform-sheet:1-6')).string('id')).toBe('reform-area:1');
    await expect(relatedOne(loaders, 'Measure', 'policyItem', 'measure:9-9-9')).rejects.toThrow(
      'measure:9-9-9 has no incoming HAS_MEASURE relationship',
    );
    await expect(relatedOne(loaders, 'ReformSheet', 'area', 'reform-sheet:9-9')).rejects.toThrow(
      'reform-sheet:9-9 has no outgoing IN_AREA relationship',
    );
  });

  it("runs a path as its fragment wrapped for batching, one loader per path, chosen by the field's arguments", async () => {
    const reader = new RecordingReader({});
    const loaders = new GraphLoaders(reader);
    const departments = RELATIONSHIPS.PolicyItem.departments.hop({});
    if (departments.kind !== 'path') throw new Error('PolicyItem.departments is declared as a path');
    expect(loaders.path(departments)).toBe(loaders.path({ ...departments }));
    await Promise.all([
      related(loaders, 'Department', 'reformSheets', 'department:a', { role: 'EXECUTING' }),
      related(loaders, 'Department', 'reformSheets', 'department:a', { role: 'ANY' }),
    ]);
    expect(reader.calls).toEqual([
      { name: 'graph/outgoing', params: { type: 'EXECUTES', ids: ['department:a'] } },
      { name: 'department/reform-sheets-by-ids', params: { ids: ['department:a'] } },
    ]);
    // The path's one fragment, inside the batch wrapper, as the registry keeps both (comments and indentation dropped).
    expect(reader.texts.get('department/reform-sheets-by-ids')).toBe(
      [
        'UNWIND $ids AS id',
        'MATCH (parent:Entity {id: id})',
        'CALL (parent) {',
        'MATCH (parent)-[:EXECUTES|PARTNERS_ON]->(node:ReformSheet)',
        'RETURN DISTINCT node',
        '}',
        'RETURN id, properties(node) AS node',
        'ORDER BY node.sortKey',
      ].join('\n'),
    );
  });

  it('groups whole rows per key for statements returning more than a node', async () => {
    const reader = new RecordingReader({
      'department/collaborators-by-ids': [
        { id: 'department:a', other: 'department:b', sharedMeasures: 2 },
        { id: 'department:a', other: 'department:c', sharedMeasures: 1 },
      ],
    });
    const loaders = new GraphLoaders(reader);
    const [a, z] = await Promise.all([
      loaders.rows('department/collaborators-by-ids').load('department:a'),
      loaders.rows('department/collaborators-by-ids').load('department:z'),
    ]);
    expect(a?.map((row) => row.string('other'))).toEqual(['department:c', 'department:b']);
    expect(z).toEqual([]);
    expect(reader.calls).toEqual([
      { name: 'department/collaborators-by-ids', params: { ids: ['department:a', 'department:z'] } },
    ]);
  });

  it('fails a batch whose rows lack the key column, naming it', async () => {
    const loaders = new GraphLoaders(new RecordingReader({ 'graph/outgoing': [{ id: 'x', node: null }] }));
    await expect(loaders.outgoing('HAS_ITEM').load('x')).rejects.toThrow("column 'node': expected a map");
  });
});

describe('GraphLoaders.oncePerSelection', () => {
  it('makes one value for the same field nodes, compared node by node, and another for other nodes', () => {
    const loaders = new GraphLoaders(new RecordingReader({}));
    const [a, b, c] = [{ field: 'a' }, { field: 'b' }, { field: 'c' }];
    let made = 0;
    const make = () => ++made;
    // The root's own collection of the nodes and graphql-js's are different arrays of the same nodes.
    expect(loaders.oncePerSelection([a, b], make)).toBe(1);
    expect(loaders.oncePerSelection([a, b], make)).toBe(1);
    expect(loaders.oncePerSelection([a], make)).toBe(2);
    expect(loaders.oncePerSelection([a, c], make)).toBe(3);
    expect(loaders.oncePerSelection([b, a], make)).toBe(4);
    expect(loaders.oncePerSelection([a, c], make)).toBe(3);
  });
});
