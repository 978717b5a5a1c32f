/**
 * The shapes of the settings the configuration (config.ts) reads from the environment, owned here, next to
 * config.ts, so that the configuration depends on no module that takes its settings: the logger, the query
 * limits and the export route import their settings' types from here, never the other way round. It imports
 * nothing, so nothing can make a cycle through it.
 */

/** The levels LOG_LEVEL accepts, most severe first; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The cost rule's limits (QUERY_MAX_COST, QUERY_MAX_ROOT_FIELDS). */
export interface CostLimits {
  /** Largest estimated number of values (expensive fields weighted) a request may resolve. */
  readonly maxCost: number;
  /** Most top-level fields one operation may ask for. */
  readonly maxRootFields: number;
}

/** The limits counted by graphql-armor's rules (QUERY_MAX_DEPTH, QUERY_MAX_ALIASES, QUERY_MAX_DIRECTIVES). */
export interface CountedLimits {
  /** Deepest field nesting (`{ a { b } }` has depth 2), fragments flattened. */
  readonly maxDepth: number;
  /** Most aliases per operation (`__typename` aliases are free). */
  readonly maxAliases: number;
  /** Most directives per operation. */
  readonly maxDirectives: number;
}

/** Every limit a GraphQL request is checked against before anything runs (set by QUERY_MAX_* variables). */
export interface QueryLimits extends CostLimits, CountedLimits {
  /** Most lexical tokens in a document; parsing stops there (graphql-js's own `maxTokens`). */
  readonly maxTokens: number;
  /** Deepest nesting of braces, brackets and parentheses in a document, checked before parsing. */
  readonly maxNesting: number;
}

/** The export route's settings (EXPORT_MAX_ROWS). */
export interface ExportSettings {
  /** Most rows one export may have (EXPORT_MAX_ROWS); a larger set is refused before its first byte. */
  readonly maxRows: number;
  /** Rows asked for per connection page (at most the connections' limit of 100). */
  readonly pageSize?: number;
}
