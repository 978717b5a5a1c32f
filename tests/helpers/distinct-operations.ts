import fc from 'fast-check';
import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import {
  distinctOperation,
  roomForExtras,
  sameStatementsVariant,
  seededPick,
} from '../../bench/lib/distinct-operations';
import { loadConfig } from '../../src/core/config';
import { GraphStatistics } from '../../src/platform/graphql/limits/graph-statistics';
import { queryLimitRules, queryParseOptions } from '../../src/platform/graphql/query-limits';

/** An operation drawn, its text new (no other draw of the arbitrary has it) and whether it is a wide one. */
export interface DistinctOperation {
  readonly query: string;
  readonly wide: boolean;
}

/**
 * Whether the service with its default settings lets `text` through validation: graphql-js's rules and its own
 * limits, with the unmeasured list sizes (larger than the seed graph's), so what passes here passes the service.
 */
export function acceptedByDefaultLimits(schema: GraphQLSchema): (text: string) => boolean {
  const limits = loadConfig({}).queryLimits;
  const rules = [...specifiedRules, ...queryLimitRules(limits, new GraphStatistics())];
  return (text) => {
    try {
      return validate(schema, parse(text, queryParseOptions(limits)), rules).length === 0;
    } catch {
      return false;
    }
  };
}

/**
 * Distinct valid operations (bench/lib/distinct-operations.js, choices drawn by fast-check): root fields with
 * aliases of their own, random subsets of their types' fields, random list sizes; one in `wideOneIn` wide (every
 * field the limits allow, four levels deep). Every draw is new text, so the service parses, validates, compiles and
 * plans each one anew.
 */
export function distinctOperations(schema: GraphQLSchema, wideOneIn = 3): fc.Arbitrary<DistinctOperation> {
  const accepts = acceptedByDefaultLimits(schema);
  let drawn = 0;
  return fc.gen().map((draw) => {
    const pick = (n: number): number => draw(fc.integer, { min: 0, max: Math.max(0, n - 1) });
    const wide = pick(wideOneIn) === 0;
    drawn += 1;
    return { query: distinctOperation(schema, pick, `d${drawn}`, { wide, accepts }), wide };
  });
}

/** An operation's shape (what it asks the database) and one of its distinct texts. */
export interface VariantOperation extends DistinctOperation {
  readonly shape: string;
}

/**
 * Distinct operations that ask the database only `shapes` different things: `shapes` operations of
 * distinctOperations' kind (one in `wideOneIn` wide, drawn once from `seed`), each sent as ever new text
 * (bench/lib/distinct-operations.js, sameStatementsVariant: names, aliases, order, a root `__typename`, a
 * fragment). The service parses, validates and compiles every draw anew, as it does a new operation, while the
 * database plans each shape's statements once: what the service keeps per document is measured with thousands
 * of documents, in minutes rather than the hours thousands of new statements take Neo4j to plan.
 */
export function sameStatementsOperations(
  schema: GraphQLSchema,
  { shapes = 24, wideOneIn = 3, seed = 20261128 } = {},
): fc.Arbitrary<VariantOperation> {
  const accepts = acceptedByDefaultLimits(schema);
  const pickShape = seededPick(seed);
  const drawnShapes = Array.from({ length: shapes }, (_, i) => {
    const wide = i % wideOneIn === 0;
    const query = distinctOperation(schema, pickShape, `s${i}`, { wide, accepts });
    return { query, wide, extras: roomForExtras(query, { accepts }) };
  });
  let drawn = 0;
  return fc.gen().map((draw) => {
    const pick = (n: number): number => draw(fc.integer, { min: 0, max: Math.max(0, n - 1) });
    const shape = drawnShapes[pick(drawnShapes.length)]!;
    drawn += 1;
    return {
      shape: shape.query,
      wide: shape.wide,
      query: sameStatementsVariant(shape.query, pick, `v${drawn}`, { extras: shape.extras }),
    };
  });
}
