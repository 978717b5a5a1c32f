import fc from 'fast-check';
import { getVariableValues, Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { badVariablesRequest } from '../../../../bench/lib/distinct-operations';
import { loadConfig } from '../../../../src/core/config';
import { jsonNesting } from '../../../../src/platform/http/json-nesting';
import { graphSchema } from '../../../../src/schema';
import { acceptedByDefaultLimits } from '../../../helpers/distinct-operations';

/**
 * The memory benchmark's hostile requests with variables (bench/lib/distinct-operations.js, badVariablesRequest):
 * every draw is turned away before anything runs: by the HTTP front's nesting limit on the variables
 * (QUERY_MAX_NESTING), by the service's validation (its limits included) or by coercing its variables, so the benchmark's "every hostile request refused" is about the service, not about a
 * request that happened to be valid.
 */
describe('hostile requests with bad variables', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await graphSchema();
  });

  it('are refused by the nesting limit, validation or their variables, every draw', () => {
    const accepts = acceptedByDefaultLimits(schema);
    const { maxNesting } = loadConfig({}).queryLimits;
    let drawn = 0;
    fc.assert(
      fc.property(fc.gen(), (draw) => {
        const pick = (n: number): number => draw(fc.integer, { min: 0, max: Math.max(0, n - 1) });
        drawn += 1;
        const { query, variables } = badVariablesRequest(pick, `b${drawn}`);
        if (jsonNesting(variables, maxNesting) > maxNesting || !accepts(query)) return;
        const operation = parse(query).definitions.find(
          (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
        );
        const isObject = typeof variables === 'object' && variables !== null && !Array.isArray(variables);
        if (!isObject) return;
        const coerced = getVariableValues(
          schema,
          operation?.variableDefinitions ?? [],
          variables as Record<string, unknown>,
        );
        expect(coerced.errors?.length ?? 0).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
