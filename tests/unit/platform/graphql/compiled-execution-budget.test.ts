import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { Kind, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { CompiledExecution } from '../../../../src/platform/graphql/compiled-execution';
import { graphSchema } from '../../../../src/schema';
import { distinctOperations } from '../../../helpers/distinct-operations';

/** Runs a document through the executor Apollo gets from the gateway; resolvers fail without a database, no matter. */
async function run(execution: CompiledExecution, document: DocumentNode): Promise<void> {
  const loaded = await execution.gateway().load({
    apollo: { key: undefined, keyHash: undefined, graphRef: undefined, graphId: undefined, graphVariant: 'current' },
  } as never);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!loaded.executor) throw new Error('the gateway gave no executor');
  await loaded.executor({ document, operation, request: { variables: {} }, context: {} } as never);
}

/** V8's collector, asked for at run time: jest runs without --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * The compiled executors' memory budget, with the service's schema and distinct operations of every width:
 * the executors kept never pass the budget, and what they are estimated to keep (the budget's unit) is at least
 * what the heap really keeps for them, so a budget of bytes is a budget of the heap.
 */
describe("the compiled executors' budget", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await graphSchema();
  });

  it('never keeps more than its budget, whatever the operations', async () => {
    const budget = 3 * 1024 * 1024;
    await fc.assert(
      fc.asyncProperty(fc.array(distinctOperations(schema, 2), { minLength: 1, maxLength: 6 }), async (operations) => {
        const execution = new CompiledExecution(schema, budget);
        for (const { query } of operations) {
          await run(execution, parse(query));
          expect(execution.bytes).toBeLessThanOrEqual(budget);
        }
        // Every operation went through one engine or the other.
        const { compiled, fallback } = execution.counts;
        expect(compiled + fallback).toBe(operations.length);
      }),
      { numRuns: 4 },
    );
  });

  it('keeps at least as much heap in its estimate as the executors really keep', async () => {
    const gc = collector();
    const documents = fc
      .sample(distinctOperations(schema, 2), { numRuns: 12, seed: 20261127 })
      .map(({ query }) => parse(query));
    const execution = new CompiledExecution(schema, 1024 * 1024 * 1024);
    gc();
    gc();
    const before = getHeapStatistics().used_heap_size;
    for (const document of documents) await run(execution, document);
    gc();
    gc();
    const kept = getHeapStatistics().used_heap_size - before;
    expect(kept).toBeGreaterThan(0);
    expect(execution.bytes).toBeGreaterThanOrEqual(kept);
  });

  it('compiles nothing new for the pause it is told to shed for, and drops what it kept', async () => {
    const execution = new CompiledExecution(schema, 64 * 1024 * 1024);
    const [first, second] = fc
      .sample(distinctOperations(schema), { numRuns: 2, seed: 7 })
      .map(({ query }) => parse(query));
    await run(execution, first!);
    expect(execution.bytes).toBeGreaterThan(0);
    execution.shed(60_000);
    expect(execution.bytes).toBe(0);
    await run(execution, second!);
    expect(execution.bytes).toBe(0);
    expect(execution.counts.fallback).toBe(1);
  });
});
