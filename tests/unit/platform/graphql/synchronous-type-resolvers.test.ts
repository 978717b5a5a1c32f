import 'reflect-metadata';
import { buildSchema as buildSdlSchema, isAbstractType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { IndicatorResult, SheetEvaluation } from '../../../../src/write/record.types';
import { resolveTypesAtOnce } from '../../../../src/platform/graphql/synchronous-type-resolvers';
import { graphSchema } from '../../../../src/schema';

/** A value of each interface and union of the schema, and the object type it must resolve to. */
const SAMPLES: Readonly<Record<string, ReadonlyArray<readonly [unknown, string]>>> = {
  Node: [
    [{ kind: 'Measure', id: 'measure:5-1-1' }, 'Measure'],
    [{ kind: 'Sdg', id: 'sdg:17' }, 'Sdg'],
  ],
  YearRecord: [
    [Object.assign(new IndicatorResult(), { id: 'indicator-result:5-1-1:2024:r1' }), 'IndicatorResult'],
    [Object.assign(new SheetEvaluation(), { id: 'sheet-evaluation:1:2024:r1' }), 'SheetEvaluation'],
  ],
};

describe('type resolvers of interfaces and unions', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await graphSchema();
  });

  it('name every value of every abstract type of the schema at once, not through a promise', () => {
    const abstractTypes = Object.values(schema.getTypeMap()).filter(isAbstractType);
    expect(abstractTypes.map((type) => type.name).sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const type of abstractTypes) {
      for (const [value, expected] of SAMPLES[type.name] ?? []) {
        const named = type.resolveType?.(value, {}, {} as GraphQLResolveInfo, type);
        // type-graphql's own wrapper answers a Promise here, whatever the declared function returns.
        expect({ type: type.name, named }).toEqual({ type: type.name, named: expected });
      }
    }
  });

  it('refuses a name that is not an interface or union of the schema', () => {
    const sdl = buildSdlSchema('type Query { a: Int } interface Named { name: String }');
    expect(() => resolveTypesAtOnce(sdl, { Query: () => 'Query' })).toThrow(
      'resolveTypesAtOnce: Query is not an interface or union of the schema',
    );
    expect(() => resolveTypesAtOnce(sdl, { Missing: () => 'Query' })).toThrow(/Missing is not/);
    resolveTypesAtOnce(sdl, { Named: () => 'Query' });
    const named = sdl.getType('Named');
    expect(isAbstractType(named) && named.resolveType?.({}, {}, {} as GraphQLResolveInfo, named)).toBe('Query');
  });
});
