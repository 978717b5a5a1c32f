import { GraphQLError, type ASTNode } from 'graphql';
import { ErrorCode } from '../../../core/errors';

/** Each limit checked before a request runs: the variable that sets it, what it counts, how to ask less. */
export const QUERY_LIMIT_RULES = {
  QUERY_MAX_DEPTH: {
    counts: (n: string) => `is nested ${n} levels deep`,
    advice: 'Nest fewer fields, or start from a closer entry point (e.g. `measure(code:)` rather than `fields`).',
  },
  QUERY_MAX_COST: {
    counts: (n: string) => `may resolve about ${n} values`,
    advice:
      'Ask for fewer items (`first` on connections), fewer nested lists, or fewer expensive fields (paths, search, sdgCoverage, collaborators, neighbours); or split the request.',
  },
  QUERY_MAX_ALIASES: {
    counts: (n: string) => `uses ${n} aliases`,
    advice: 'Ask for each field once and filter or page instead of repeating it under aliases; or split the request.',
  },
  QUERY_MAX_DIRECTIVES: {
    counts: (n: string) => `uses ${n} directives`,
    advice: 'Use fewer @include/@skip directives (one on a fragment covers all its fields).',
  },
  QUERY_MAX_ROOT_FIELDS: {
    counts: (n: string) => `asks for ${n} top-level fields`,
    advice: 'Ask for fewer top-level fields per request, or split the request.',
  },
} as const;

export type QueryLimitName = keyof typeof QUERY_LIMIT_RULES;

/**
 * The QUERY_TOO_COMPLEX refusal: names the limit (its environment variable), the value found and the limit,
 * and says how to ask less. `extensions` carries the same facts for programs.
 */
export function queryTooComplex(
  limit: QueryLimitName,
  value: number,
  max: number,
  operation: { readonly name?: { readonly value: string } } & ASTNode,
): GraphQLError {
  const rule = QUERY_LIMIT_RULES[limit];
  const name = operation.name ? `Operation ${operation.name.value}` : 'The operation';
  return new GraphQLError(
    `${name} ${rule.counts(formatCount(value))}; the limit is ${max} (${limit}). ${rule.advice}`,
    { nodes: [operation], extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, value, max } },
  );
}

/** Whole numbers as such; astronomic estimates (fragment chains) in exponent form instead of 1e+300 digits. */
function formatCount(value: number): string {
  if (!Number.isFinite(value)) return 'more than 1e308';
  return value >= 1e15 ? value.toExponential(1) : String(Math.round(value));
}
