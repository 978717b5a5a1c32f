import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import { costRule, type CostLimits } from './limits/cost-rule';
import { countedLimitRules, type CountedLimits } from './limits/counted-limits';
import type { GraphSizes } from './limits/graph-statistics';
import { nestingLimitPlugin } from './limits/nesting-limit.plugin';
import { knownOperationTypesRule } from './known-operation-types.rule';

/** Every limit a GraphQL request is checked against before anything runs (set by QUERY_MAX_* variables). */
export interface QueryLimits extends CostLimits, CountedLimits {
  /** Most lexical tokens in a document; parsing stops there (graphql-js's own `maxTokens`). */
  readonly maxTokens: number;
  /** Deepest nesting of braces, brackets and parentheses in a document, checked before parsing. */
  readonly maxNesting: number;
}

/**
 * The validation rules that refuse a request before any resolver runs: unknown operation types, depth,
 * aliases, directives (graphql-armor's counters), root fields and cost (ours: it knows the graph's list
 * sizes and which fields are expensive). All are linear in the size of the document.
 */
export function queryLimitRules(limits: QueryLimits, graph: GraphSizes): ValidationRule[] {
  return [knownOperationTypesRule, ...countedLimitRules(limits), costRule(limits, graph)];
}

/** Apollo's `parseOptions`: graphql-js stops parsing a document past the token limit. */
export function queryParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/** Checks on the document's text before it is parsed: its nesting (the parser recurses once per level). */
export function queryLimitPlugins(limits: QueryLimits): ApolloServerPlugin[] {
  return [nestingLimitPlugin(limits.maxNesting)];
}
