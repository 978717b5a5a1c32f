import fc from 'fast-check';
import { getNamedType, isEnumType, isNonNullType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { RELATIONSHIPS, type RelatedType } from '../../../src/read/declared-relationships';
import { graphSchema } from '../../../src/schema';
import { openApi, type ApiFixture } from '../../helpers/api-fixture';
import type { GraphQLResponse } from '../../helpers/test-server';

type Json = Record<string, unknown>;

/**
 * The compiled statement reads each related node's sort key and the properties the operation asks in one map
 * projection, and what the hop's fragment read already (a kept measure's `status`) from the node
 * (src/read/prefetch/compile-prefetch.ts `readOnce`). Drawn over roots of every shape (a lookup, a short list,
 * a page) and any tree of relationship fields below them, two levels deep, each level selecting any of its
 * type's plain fields and sometimes `includeDeleted`: the compiled answer is the one the loaders give, node
 * for node and in the same order, through `node(id:)` (a root of interface type, which the compiler leaves to
 * the loaders, as selection-compiler.int.test.ts does for the benchmark's questions).
 */
const ROOTS: readonly { readonly query: (selected: string) => string; readonly type: RelatedType }[] = [
  { query: (s) => `{ measure(code: "5-1-3") { ${s} } }`, type: 'Measure' },
  { query: (s) => `{ department(ref: "危機管理課") { ${s} } }`, type: 'Department' },
  { query: (s) => `{ sdg(number: 11) { ${s} } }`, type: 'Sdg' },
  { query: (s) => `{ fields { ${s} } }`, type: 'PolicyField' },
  { query: (s) => `{ reformAreas { ${s} } }`, type: 'ReformArea' },
  { query: (s) => `{ policyItems(first: 4, filter: { detailed: true }) { nodes { ${s} } } }`, type: 'PolicyItem' },
];

/** A root's answer: its nodes, whatever its shape. */
function nodesOf(data: Json): Json[] {
  const [answer] = Object.values(data);
  if (Array.isArray(answer)) return answer as Json[];
  const page = answer as { nodes?: Json[] };
  return page.nodes ?? [answer as Json];
}

/** The fields of a type a selection may ask without arguments: scalars and enums, by the schema. */
function plainFields(schema: GraphQLSchema, type: string): string[] {
  const object = schema.getType(type);
  if (!isObjectType(object)) throw new Error(`${type} is no object type`);
  return Object.values(object.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
    .filter((field) => {
      const named = getNamedType(field.type);
      return isScalarType(named) || isEnumType(named);
    })
    .map((field) => field.name)
    .sort();
}

/** The GraphQL type a relationship field lists, by the schema. */
function relatedType(schema: GraphQLSchema, type: string, field: string): string {
  const object = schema.getType(type);
  if (!isObjectType(object)) throw new Error(`${type} is no object type`);
  const found = object.getFields()[field];
  if (found === undefined) throw new Error(`${type}.${field} is not in the schema`);
  return getNamedType(found.type).name;
}

function isRelated(type: string): type is RelatedType {
  return Object.hasOwn(RELATIONSHIPS, type);
}

/** A selection on `type`: some plain fields and, while `depth` allows, up to two relationship fields below. */
function selectionOn(schema: GraphQLSchema, type: string, depth: number): fc.Arbitrary<string> {
  const fields = plainFields(schema, type);
  const plain = fc.subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) });
  const relationships = isRelated(type) ? Object.entries(RELATIONSHIPS[type]) : [];
  if (depth === 0 || relationships.length === 0) return plain.map((fields) => fields.join(' '));
  const below = fc.subarray(relationships, { maxLength: Math.min(2, relationships.length) }).chain((chosen) =>
    chosen.length === 0
      ? fc.constant([] as string[])
      : fc.tuple(
          ...chosen.map(([field, relationship]) =>
            fc
              .tuple(selectionOn(schema, relatedType(schema, type, field), depth - 1), fc.boolean())
              .map(([inner, withDeleted]) => {
                const args = relationship.deletable && withDeleted ? '(includeDeleted: true)' : '';
                return `${field}${args} { ${inner} }`;
              }),
          ),
        ),
  );
  return fc.tuple(plain, below).map(([fields, related]) => [...fields, ...related].join(' '));
}

describe('related nodes read in one pass, ordered by their sort key', () => {
  let api: ApiFixture;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    api = await openApi();
    schema = await graphSchema();
  });
  afterAll(() => api.close());

  async function throughLoaders(ids: readonly string[], fragment: string): Promise<GraphQLResponse<Json>> {
    const aliases = ids.map((_, i) => `n${i}: node(id: $id${i}) { ...Selected }`).join(' ');
    const variables = ids.map((_, i) => `$id${i}: ID!`).join(', ');
    return api.server.query<Json>(
      `query (${variables}) { ${aliases} } ${fragment}`,
      Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
    );
  }

  it('answers any tree of relationship fields below any root as the loaders do', async () => {
    const draws = fc.constantFrom(...ROOTS).chain((root) =>
      selectionOn(schema, root.type, 2).map((selection) => ({
        query: root.query('...Selected'),
        fragment: `fragment Selected on ${root.type} { id ${selection} }`,
      })),
    );
    await fc.assert(
      fc.asyncProperty(draws, async ({ query, fragment }) => {
        const compiled = await api.server.query<Json>(`${query} ${fragment}`);
        expect(compiled.errors).toBeUndefined();
        const nodes = nodesOf(compiled.data as Json);
        expect(nodes.length).toBeGreaterThan(0);
        const reference = await throughLoaders(
          nodes.map((node) => node.id as string),
          fragment,
        );
        expect(reference.errors).toBeUndefined();
        expect(nodes).toEqual(Object.values(reference.data as Json));
      }),
      { numRuns: 40 },
    );
  });

  const SHORT_LISTS: readonly (readonly [string, RelatedType])[] = [
    ['sdgs', 'Sdg'],
    ['fields', 'PolicyField'],
    ['reformAreas', 'ReformArea'],
    ['linkagePlans', 'LinkagePlan'],
  ];
  it.each(SHORT_LISTS)(
    '%s: the short list in number order, its sort key read with its properties, with or without fields below',
    async (list, type) => {
      // The numbered kinds' sort keys follow their numbers (`01`, `02` … for the SDGs): the documents number them.
      // With a relationship field below, the list's template returns its nodes as well (src/graph/root-entity.ts).
      const [related] = Object.keys(RELATIONSHIPS[type]);
      for (const below of ['', `${String(related)} { id }`]) {
        const response = await api.server.query<Record<string, { number: number }[]>>(
          `{ ${list} { number ${below} } }`,
        );
        expect(response.errors).toBeUndefined();
        const numbers = (response.data?.[list] ?? []).map((node) => node.number);
        expect(numbers.length).toBeGreaterThan(1);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      }
    },
  );
});
