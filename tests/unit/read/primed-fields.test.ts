import 'reflect-metadata';
import { isObjectType, Kind, parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { CompiledStatement, Params } from '../../../src/db/graph-gateway';
import type { PlainRow } from '../../../src/db/plain-values';
import { RowReader } from '../../../src/db/row-reader';
import { Measure } from '../../../src/model/measure/measure.type';
import { CypherRegistry } from '../../../src/db/cypher-registry';
import { GraphLoaders, type BatchReader } from '../../../src/read/graph-loaders';
import type { RequestContext } from '../../../src/read/request-context';
import { primeHop, related, relationshipOf, type FieldArguments } from '../../../src/read/declared-relationships';
import { graphSchema } from '../../../src/schema';

/** Stands in for the gateway: counts the batch reads the resolvers fall back to and answers them with no rows. */
class CountingReader implements BatchReader {
  reads = 0;
  read(): Promise<PlainRow[]> {
    this.reads += 1;
    return Promise.resolve([]);
  }
  readStatement(_statement: CompiledStatement, _params?: Params): Promise<PlainRow[]> {
    return this.read();
  }

  readonly statements = CypherRegistry.load();
}

/** A measure's properties as a compiled statement projects them for `{ code name status }`. */
const measure = (code: string, status: string): RowReader =>
  new RowReader({ id: `measure:${code}`, code, name: `施策 ${code}`, status }, true);

const ITEM = { id: 'policy-item:5-1' };
const MEASURES = [measure('5-1-1', 'UNCHANGED'), measure('5-1-2', 'DELETED'), measure('5-1-3', 'NEW')];

describe('primed relationship fields', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await graphSchema();
  });

  /** What graphql-js tells a resolver about the operation: here only the document matters. */
  function infoFor(query: string): GraphQLResolveInfo {
    const [operation] = parse(query).definitions;
    if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('not an operation');
    return { operation, fragments: {}, schema } as unknown as GraphQLResolveInfo;
  }

  /** `PolicyItem.measures` resolved for `parent`, within an operation reading the measures' code, name and status. */
  function resolve(
    loaders: GraphLoaders,
    args: FieldArguments,
    parent: object = ITEM,
    query = '{ policyItem(code: "5-1") { measures { code name status } } }',
  ): unknown {
    const type = schema.getType('PolicyItem');
    if (!isObjectType(type)) throw new Error('no PolicyItem type');
    const field = type.getFields()['measures'];
    if (!field?.resolve) throw new Error('PolicyItem.measures has no resolver');
    const ctx = { loaders } as unknown as RequestContext;
    return field.resolve(parent, args, ctx, infoFor(query));
  }

  function primed(reader: CountingReader): GraphLoaders {
    const loaders = new GraphLoaders(reader);
    const relationship = relationshipOf('PolicyItem', 'measures');
    if (!relationship) throw new Error('PolicyItem.measures is not in the table');
    // A statement asking with and without includeDeleted primes each its own hop (the one without filters
    // deleted measures out itself; what reaches the resolver is still held to `keep`).
    for (const includeDeleted of [false, true])
      primeHop(loaders, relationship.hop({ includeDeleted }), ITEM.id, MEASURES);
    return loaders;
  }

  it('answers what the statement primed at once, mapped like the resolver, deleted ones only when asked', () => {
    const reader = new CountingReader();
    const loaders = primed(reader);
    const listed = resolve(loaders, { includeDeleted: false });
    expect(listed).toBeInstanceOf(Array);
    expect((listed as Measure[]).map((m) => [m instanceof Measure, m.code, m.status])).toEqual([
      [true, '5-1-1', 'UNCHANGED'],
      [true, '5-1-3', 'NEW'],
    ]);
    const all = resolve(loaders, { includeDeleted: true }) as Measure[];
    expect(all.map((m) => m.code)).toEqual(['5-1-1', '5-1-2', '5-1-3']);
    expect(reader.reads).toBe(0);
  });

  it('answers with the rows themselves when the operation reads only what they hold as the objects would', () => {
    const reader = new CountingReader();
    const loaders = primed(reader);
    // `status` is mapped (ChangeStatus), so the operation above gets objects; `code` and `name` are taken as stored.
    const listed = resolve(loaders, {}, ITEM, '{ policyItem(code: "5-1") { measures { id code name } } }');
    expect(listed).toEqual([MEASURES[0]?.values, MEASURES[2]?.values]);
    expect((listed as object[]).some((m) => m instanceof Measure)).toBe(false);
    const mapped = (resolve(loaders, {}) as Measure[]).map((m) => ({ id: m.id, code: m.code, name: m.name }));
    expect((listed as Measure[]).map((m) => ({ id: m.id, code: m.code, name: m.name }))).toEqual(mapped);
    expect(reader.reads).toBe(0);
  });

  it('leaves what nobody primed to the resolver and its loader', async () => {
    const reader = new CountingReader();
    const loaders = primed(reader);
    const other = resolve(loaders, { includeDeleted: false }, { id: 'policy-item:5-2' });
    expect(other).toBeInstanceOf(Promise);
    await expect(other).resolves.toEqual([]);
    expect(reader.reads).toBe(1);
  });

  it('answers the same through the loader the statement primed', async () => {
    const reader = new CountingReader();
    const loaders = primed(reader);
    const loaded = await related(loaders, 'PolicyItem', 'measures', ITEM.id, { includeDeleted: false });
    expect(loaded.map((node) => node.string('id'))).toEqual(['measure:5-1-1', 'measure:5-1-3']);
    expect(reader.reads).toBe(0);
  });
});
