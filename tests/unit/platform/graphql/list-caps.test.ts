import { getMetadataStorage as validationMetadata } from 'class-validator';
import { getNullableType, isInputObjectType, isListType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { MAX_ORDER_KEYS } from '../../../../src/read/page/sort-order';
import { graphSchema } from '../../../../src/schema';

/**
 * Every list a client can send is capped (issue 40: the export's `status` list was not): each list field of an
 * input type and each list argument carries class-validator's ArrayMaxSize, except `orderBy`, which the sort
 * order refuses past MAX_ORDER_KEYS. Read from the schema and the decorators, so a list added without a cap
 * fails here.
 */
describe('list inputs', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await graphSchema();
  });

  /** The ArrayMaxSize cap on a class's property, if any. */
  function capOf(target: abstract new (...args: never[]) => unknown, property: string): number | undefined {
    const rules = validationMetadata().getTargetValidationMetadatas(target, '', true, false);
    const rule = rules.find((r) => r.propertyName === property && r.name === 'arrayMaxSize');
    return rule?.constraints[0] as number | undefined;
  }

  function classOf(name: string): (abstract new (...args: never[]) => unknown) | undefined {
    const storage = getMetadataStorage();
    return [...storage.inputTypes, ...storage.argumentTypes].find((type) => type.name === name)?.target as
      (abstract new (...args: never[]) => unknown) | undefined;
  }

  it('caps every list field of every input type', () => {
    const uncapped: string[] = [];
    let lists = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isListType(getNullableType(field.type))) continue;
        lists += 1;
        const target = classOf(type.name);
        const cap = target ? capOf(target, field.name) : undefined;
        if (cap === undefined || cap > 100) uncapped.push(`${type.name}.${field.name}`);
      }
    }
    expect(uncapped).toEqual([]);
    expect(lists).toBeGreaterThan(20);
  });

  it('caps every list argument (orderBy by the sort order)', () => {
    const uncapped: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type) || isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        for (const argument of 'args' in field ? field.args : []) {
          if (!isListType(getNullableType(argument.type)) || argument.name === 'orderBy') continue;
          const target = classOf('SearchArgs');
          if (argument.name !== 'types' || target === undefined || capOf(target, 'types') === undefined) {
            uncapped.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
    }
    expect(uncapped).toEqual([]);
    expect(MAX_ORDER_KEYS).toBe(4);
  });
});
