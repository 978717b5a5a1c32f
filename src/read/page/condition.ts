import type { CypherPart } from './cypher-part';

/**
 * A filter as the page compiler sees it: a tree of conditions whose leaves name a fixed fragment of
 * cypher/fragments/ and carry the user's value, which only ever reaches Cypher as a parameter.
 */
export type Condition =
  | { readonly kind: 'all'; readonly of: readonly Condition[] }
  | { readonly kind: 'any'; readonly of: readonly Condition[] }
  | { readonly kind: 'not'; readonly of: Condition }
  /** `fragment` is a predicate without parameters. */
  | { readonly kind: 'holds'; readonly fragment: CypherPart }
  /** `fragment` is a predicate using `$value`. */
  | { readonly kind: 'match'; readonly fragment: CypherPart; readonly value: unknown }
  /**
   * None of the values: `fragment` (using `$value`) does not hold, a node without the property included
   * (where the predicate is null, as a sheet without an evaluation; `not` would leave it out).
   */
  | { readonly kind: 'none'; readonly fragment: CypherPart; readonly value: unknown }
  /** `quantity` is an expression fragment (no parameter), compared with `value` by `operator`. */
  | {
      readonly kind: 'compare';
      readonly quantity: CypherPart;
      readonly operator: ComparisonOperator;
      readonly value: number;
    };

/** The comparisons a numeric filter offers, by their GraphQL names. */
export const COMPARISON_OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[keyof typeof COMPARISON_OPERATORS];

export const all = (of: readonly Condition[]): Condition => ({ kind: 'all', of });
export const any = (of: readonly Condition[]): Condition => ({ kind: 'any', of });
export const not = (of: Condition): Condition => ({ kind: 'not', of });
export const holds = (fragment: CypherPart): Condition => ({ kind: 'holds', fragment });
export const matches = (fragment: CypherPart, value: unknown): Condition => ({ kind: 'match', fragment, value });
export const noneOf = (fragment: CypherPart, value: unknown): Condition => ({ kind: 'none', fragment, value });

/** The conditions that must hold for every answer: the root and, through nested ANDs, its children. */
export function requiredConditions(condition: Condition): Condition[] {
  return condition.kind === 'all' ? condition.of.flatMap(requiredConditions) : [condition];
}
