import { getMetadataStorage as validationMetadata, ValidationTypes } from 'class-validator';
import fc from 'fast-check';
import { buildSchema, graphql, isInputObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import {
  JAPANESE_RULE_SENTENCES,
  japaneseFieldName,
  japaneseRefusedValueMessage,
  japaneseViolationMessage,
} from '../../../../src/platform/graphql/japanese-violations';
import { graphSchema, RESOLVERS } from '../../../../src/schema';

/** Japanese script: kana or kanji. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/**
 * Issue 77: a refused input field's message is Japanese under `Accept-Language: ja`. The rules and field names
 * are read from the decorators of every argument and input type of the schema, so a rule or a validated field
 * added without its Japanese text fails here.
 */
describe('Japanese messages of input violations', () => {
  /** Every rule that can refuse a value (not `IsOptional`, which only skips the others), by class and property. */
  let declared: { readonly type: string; readonly property: string; readonly rule: string }[];

  beforeAll(async () => {
    const schema = await graphSchema();
    const storage = getMetadataStorage();
    // type-graphql keeps its metadata process-wide, and under --runInBand it also holds the classes other test
    // files declared (the recipe tests' added texts). Only what the service's schema is built from counts: its
    // input types by name, and the argument classes its own resolvers (or their base classes) take.
    const ofService = (target: object): boolean =>
      RESOLVERS.some((resolver) => resolver === target || Object.prototype.isPrototypeOf.call(target, resolver));
    const serviceArgs = new Set(
      [...storage.queries, ...storage.mutations, ...storage.subscriptions, ...storage.fieldResolvers]
        .filter((handler) => ofService(handler.target))
        .flatMap((handler) => handler.params ?? [])
        .flatMap((param) => (param.kind === 'args' ? [param.getType()] : [])),
    );
    const inputs = storage.inputTypes.filter((type) => isInputObjectType(schema.getType(type.name)));
    const args = storage.argumentTypes.filter((type) => serviceArgs.has(type.target));
    declared = [...inputs, ...args].flatMap((type) =>
      validationMetadata()
        .getTargetValidationMetadatas(type.target, '', true, false)
        .filter((rule) => rule.type !== ValidationTypes.CONDITIONAL_VALIDATION)
        .map((rule) => ({ type: type.name, property: rule.propertyName, rule: rule.name ?? rule.type })),
    );
  });

  it('reads the rules of the schema (the walk is not empty)', () => {
    expect(declared.length).toBeGreaterThan(100);
    expect(declared).toContainEqual({ type: 'RecordIndicatorResultInput', property: 'value', rule: 'isRecordedValue' });
  });

  it('has a sentence for every rule the schema declares', () => {
    const without = [...new Set(declared.map((d) => d.rule))].filter(
      (rule) => !Object.hasOwn(JAPANESE_RULE_SENTENCES, rule),
    );
    expect(without).toEqual([]);
  });

  it('names every validated field in Japanese', () => {
    const without = [...new Set(declared.map((d) => d.property))].filter(
      (name) => japaneseFieldName(name) === undefined,
    );
    expect(without).toEqual([]);
  });

  it('gives every rule and field a Japanese sentence naming the field, whatever the figures', () => {
    const rules = [...new Set(declared.map((d) => d.rule))];
    const fields = [...new Set(declared.map((d) => d.property))];
    const path = fc
      .tuple(
        fc.array(fc.constantFrom('input', 'filter', 'or', 'not', '0'), { maxLength: 3 }),
        fc.constantFrom(...fields),
      )
      .map(([parents, field]) => [...parents, field].join('.'));
    const figures = fc.record(
      {
        constraints: fc.array(fc.oneof(fc.integer(), fc.array(fc.string(), { maxLength: 4 }), fc.constant(null))),
        example: fc.string({ minLength: 1 }),
        value: fc.oneof(fc.double(), fc.string(), fc.constant(null)),
      },
      { requiredKeys: ['constraints', 'value'] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...rules), path, figures, (rule, field, given) => {
        const message = japaneseViolationMessage(field, rule, given);
        expect(message).toMatch(JAPANESE);
        expect(message).toContain(`（${field}）`);
        expect(message).toContain(japaneseFieldName(field.slice(field.lastIndexOf('.') + 1)));
        expect(message).not.toMatch(/undefined|NaN|\[object/);
      }),
    );
  });

  it('names a field it has no Japanese name for by its path, in a Japanese sentence', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{3,12}Q$/),
        fc.constantFrom(...Object.keys(JAPANESE_RULE_SENTENCES), 'someRuleNotKnown'),
        (field, rule) => {
          const message = japaneseViolationMessage(field, rule, { constraints: [1, 2], value: 0 });
          expect(message).toMatch(JAPANESE);
          expect(message).toContain(field);
        },
      ),
    );
  });
});

describe('the Japanese message of a value graphql-js refused (null, missing, another type)', () => {
  /** A GraphQL name for an argument or a variable; some are names staff have a Japanese name for. */
  const names = fc.oneof(
    fc.stringMatching(/^[A-Za-z][_0-9A-Za-z]{0,15}$/), // not `__…`: reserved for introspection
    fc.constantFrom('first', 'fiscalYear', 'department', 'text'),
  );
  /** How the value is refused: in a variable of the operation, or at the argument a nullable variable fills. */
  const refusals = fc.constantFrom('variable null', 'variable missing', 'variable wrong type', 'argument null');

  it("names the argument (and its Japanese name) or the variable, whatever graphql-js's wording of the refusal", async () => {
    await fc.assert(
      fc.asyncProperty(names, names, refusals, async (argument, variable, refusal) => {
        const schema = buildSchema(`type Query { value(${argument}: Int! = 1): Int }`);
        const type = refusal === 'argument null' ? 'Int' : 'Int!';
        const values =
          refusal === 'variable missing' ? {} : { [variable]: refusal === 'variable wrong type' ? 'many' : null };
        const result = await graphql({
          schema,
          source: `query ($${variable}: ${type}) { value(${argument}: $${variable}) }`,
          variableValues: values,
          rootValue: { value: () => 1 },
        });
        const english = result.errors?.[0]?.message ?? '';
        const japanese = japaneseRefusedValueMessage(english);
        expect(japanese).toMatch(JAPANESE);
        const named = refusal === 'argument null' ? `引数 ${argument}` : `変数 $${variable}`;
        expect(japanese).toContain(named);
        const staffName = japaneseFieldName(argument);
        if (refusal === 'argument null' && staffName !== undefined)
          expect(japanese).toContain(`${staffName}（${named}）`);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves every other message alone (the generic Japanese message is used)', () => {
    fc.assert(
      fc.property(fc.string(), (message) => {
        fc.pre(!/^(Argument|Variable) "/.test(message));
        expect(japaneseRefusedValueMessage(message)).toBeUndefined();
      }),
    );
  });
});
