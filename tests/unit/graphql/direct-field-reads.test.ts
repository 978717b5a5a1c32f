import 'reflect-metadata';
import { graphql, isObjectType, type GraphQLFieldMap, type GraphQLSchema } from 'graphql';
import { Authorized, buildSchema, Field, FieldResolver, ObjectType, Query, Resolver } from 'type-graphql';
import { readFieldsDirectly } from '../../../src/graphql/direct-field-reads';
import { graphSchema } from '../../../src/schema';

@ObjectType({ description: 'A type of this test only.' })
class Probe {
  @Field({ description: 'Read as stored.' })
  plain!: string;

  @Authorized('admin')
  @Field({ description: 'Only for admins.' })
  guarded!: string;

  @Field({ description: 'Computed by its field resolver.' })
  computed!: string;
}

@Resolver(() => Probe)
class ProbeResolver {
  @Query(() => Probe, { description: 'The probe.' })
  probe(): Probe {
    return Object.assign(new Probe(), { plain: 'as stored', guarded: 'secret', computed: 'not this' });
  }

  @FieldResolver(() => String)
  computed(): string {
    return 'computed';
  }
}

function fieldsOf(schema: GraphQLSchema, typeName: string): GraphQLFieldMap<unknown, unknown> {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`no object type ${typeName}`);
  return type.getFields();
}

describe('plain fields read by graphql-js itself', () => {
  it('drops only the wrapper of plain fields: field resolvers, guarded fields and root fields keep theirs', async () => {
    const schema = await buildSchema({ resolvers: [ProbeResolver], authChecker: () => false, validate: false });
    readFieldsDirectly(schema);
    const probe = fieldsOf(schema, 'Probe');
    expect(probe['plain']?.resolve).toBeUndefined();
    expect(probe['guarded']?.resolve).toBeInstanceOf(Function);
    expect(probe['computed']?.resolve).toBeInstanceOf(Function);
    expect(fieldsOf(schema, 'Query')['probe']?.resolve).toBeInstanceOf(Function);

    const read = await graphql({ schema, source: '{ probe { plain computed } }' });
    expect(read).toEqual({ data: { probe: { plain: 'as stored', computed: 'computed' } } });
    // The auth check still runs: nobody passes this test's checker.
    const refused = await graphql({ schema, source: '{ probe { guarded } }' });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.message).toMatch(/Access denied/);
  });

  it("applies to the service's schema: stored fields are read directly, relationship fields keep their resolvers", async () => {
    const schema = await graphSchema();
    expect(fieldsOf(schema, 'Measure')['code']?.resolve).toBeUndefined();
    expect(fieldsOf(schema, 'Measure')['id']?.resolve).toBeUndefined();
    expect(fieldsOf(schema, 'PolicyItem')['measures']?.resolve).toBeInstanceOf(Function);
    expect(fieldsOf(schema, 'Indicator')['progress']?.resolve).toBeInstanceOf(Function);
  });
});
