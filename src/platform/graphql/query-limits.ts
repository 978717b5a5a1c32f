import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { QueryLimits } from '../../core/config';
import { costRule } from './limits/cost-rule';
import type { OperationCosts } from './limits/operation-costs';
import { countedLimitRules } from './limits/counted-limits';
import type { GraphSizes } from '../../read/graph-sizes';
import { nestingLimitPlugin } from '../plugins/nesting-limit.plugin';
import { knownOperationTypesRule } from './known-operation-types.rule';
import { argumentLengthRule } from './limits/argument-length.rule';

// The limits' type belongs to the configuration (config.ts reads QUERY_MAX_*); callers may take it from here.
export type { QueryLimits };

/**
 * The validation rules that refuse a request before any resolver runs: unknown operation types, depth,
 * aliases, directives (graphql-armor's counters), root fields and cost (ours: it knows the graph's list
 * sizes and which fields are expensive), and strings longer than their argument declares. All are linear in the
 * size of the document.
 */
export function queryLimitRules(limits: QueryLimits, graph: GraphSizes, costs?: OperationCosts): ValidationRule[] {
  return [knownOperationTypesRule, ...countedLimitRules(limits), costRule(limits, graph, costs), argumentLengthRule];
}

/** Apollo's `parseOptions`: graphql-js stops parsing a document past the token limit. */
export function queryParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/** Checks on the document's text before it is parsed: its nesting (the parser recurses once per level). */
export function queryLimitPlugins(limits: QueryLimits): ApolloServerPlugin[] {
  return [nestingLimitPlugin(limits.maxNesting)];
}
