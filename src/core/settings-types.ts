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

/** How tokens are checked (from AUTH_SECRET, AUTH_JWKS_URL, ANONYMOUS_READ and the AUTH_* claim settings). */
export interface AuthSettings {
  /** Shared secret for HS256 tokens; undefined when the service accepts none. */
  readonly secret: string | undefined;
  /** URL of a JSON Web Key Set (an identity provider's public keys) for RS/ES/PS/EdDSA tokens. */
  readonly jwksUrl: string | undefined;
  /** Whether a request without a token may read. */
  readonly anonymousRead: boolean;
  /** The `iss` every token must carry (AUTH_ISSUER); unchecked when undefined. */
  readonly issuer?: string;
  /** The `aud` every token must name (AUTH_AUDIENCE); unchecked when undefined. */
  readonly audience?: string;
  /** The claim holding the role (AUTH_ROLE_CLAIM); `role` when undefined. */
  readonly roleClaim?: string;
  /** The claim holding the departments (AUTH_DEPARTMENTS_CLAIM); `departments` when undefined. */
  readonly departmentsClaim?: string;
}

/**
 * How the dashboard signs staff in (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_SCOPE): OpenID Connect's authorization
 * code flow with PKCE, run in the browser against the city's identity provider. The service itself never sees
 * the provider's login; it only verifies the access tokens the dashboard sends (AUTH_JWKS_URL), so these
 * settings are all the page needs to learn, and none of them is a secret (a public client has no secret).
 */
export interface SignInSettings {
  /** The identity provider's issuer URL; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** The dashboard's client id, registered at the provider as a public client with PKCE. */
  readonly clientId: string;
  /** Scopes asked for, space-separated, `openid` among them. */
  readonly scope: string;
  /**
   * The resource indicator (RFC 8707) the access token is for: the service's AUTH_AUDIENCE, so the provider
   * issues a token whose `aud` names this service; none when AUTH_AUDIENCE is unset.
   */
  readonly resource: string | undefined;
  /** The claims the page reads to show who is signed in (the same AUTH_ROLE_CLAIM and AUTH_DEPARTMENTS_CLAIM). */
  readonly roleClaim: string;
  readonly departmentsClaim: string;
}

/** How the Idempotency-Keys of writes are kept (IDEMPOTENCY_KEY_RETENTION_HOURS). */
export interface IdempotencySettings {
  /**
   * How long a key and the answer it gave are kept after its first request: within it the same request with
   * the same key gets that answer again; after it the key is forgotten and a request with it writes anew.
   */
  readonly retentionMs: number;
}
