import type { ParseOptions, ValidationRule } from 'graphql';
import { costRule, type CostLimits } from './limits/cost-rule';
import { countedLimitRules, type CountedLimits } from './limits/counted-limits';
import type { GraphSizes } from './limits/graph-statistics';
import { knownOperationTypesRule } from './known-operation-types.rule';

/** Every limit a GraphQL request is checked against before anything runs (set by QUERY_MAX_* variables). */
export interface QueryLimits extends CostLimits, CountedLimits {
  /** Most lexical tokens in a document; parsing stops there (graphql-js's own `maxTokens`). */
  readonly maxTokens: number;
}

/**
 * The validation rules that refuse a request before any resolver runs: unknown operation types, depth,
 * aliases, directives (graphql-armor's counters), root fields and cost (ours: it knows the graph's list
 * sizes and which fields are expensive). All are linear in the size of the document.
 */
export function queryLimitRules(limits: QueryLimits, graph: GraphSizes): ValidationRule[] {
  return [knownOperationTypesRule, ...countedLimitRules(limits), costRule(limits, graph)];
}

/**
 * Apollo's `parseOptions`: the token limit stops a hostile document while it is being parsed, before the
 * parser's recursion can overflow the stack (5,000 nested list brackets) or validation can start.
 */
export function queryParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}
