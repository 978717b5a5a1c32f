import fc from 'fast-check';
import { Kind, parse, print, type FieldNode, type GraphQLSchema, type SelectionNode } from 'graphql';
import { rootReadFields } from '../../../../src/read/root-reads';
import { graphSchema } from '../../../../src/schema';
import { compiledSelection } from '../../../helpers/compiled-selection';
import { acceptedByDefaultLimits, sameStatementsOperations } from '../../../helpers/distinct-operations';

/** The root fields an operation selects, through the fragments spread at its root, without `__typename`. */
function rootFields(text: string): FieldNode[] {
  const document = parse(text);
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const fieldsOf = (selections: readonly SelectionNode[]): FieldNode[] =>
    selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [selection];
      if (selection.kind === Kind.FRAGMENT_SPREAD)
        return fieldsOf(fragments.get(selection.name.value)?.selectionSet.selections ?? []);
      return fieldsOf(selection.selectionSet.selections);
    });
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? fieldsOf(operation.selectionSet.selections) : [];
}

/** Where a variant's root field was in its shape: its alias ends with that index (`<tag>_<i>`). */
const shapeIndex = (field: FieldNode): number => Number(/_(\d+)$/.exec(field.alias?.value ?? '')?.[1]);

/**
 * The memory test's operations (tests/helpers/distinct-operations.ts, sameStatementsOperations): every draw is
 * new text the service accepts, and each of its root fields compiles to the very statement and parameters of
 * the shape's root field it came from, so the database plans nothing new for it.
 */
describe('operations that differ only where no statement does', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await graphSchema();
  });

  it('are new text every draw, within the default limits', () => {
    const accepts = acceptedByDefaultLimits(schema);
    const drawn = fc.sample(sameStatementsOperations(schema), { numRuns: 150, seed: 7 });
    expect(new Set(drawn.map((operation) => operation.query)).size).toBe(drawn.length);
    expect(drawn.filter((operation) => operation.query === operation.shape)).toEqual([]);
    expect(drawn.filter((operation) => !accepts(operation.query))).toEqual([]);
  });

  it("compile each root field to its shape's statement and parameters", async () => {
    await fc.assert(
      fc.asyncProperty(sameStatementsOperations(schema, { shapes: 8 }), async ({ shape, query }) => {
        const ours = rootFields(shape);
        const theirs = rootFields(query).sort((a, b) => shapeIndex(a) - shapeIndex(b));
        expect(theirs.map(shapeIndex)).toEqual(ours.map((_, i) => i));
        // The root fields that read without a statement of their own (`departments` …) have none to compare.
        const compiles = new Set(rootReadFields(schema));
        for (const [i, field] of theirs.entries())
          if (compiles.has(field.name.value))
            expect(await compiledSelection(`{ ${print(field)} }`)).toBe(
              await compiledSelection(`{ ${print(ours[i]!)} }`),
            );
      }),
      { numRuns: 40 },
    );
  });
});
