/**
 * The shapes of the settings the configuration (config.ts) reads from the environment, the whole Config among
 * them, owned here, next to
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

/**
 * The service's configuration, read from the environment once at start-up (loadConfig in config.ts): every
 * variable parsed by its declaration (settings.ts), so a typo stops the process with a message naming the
 * variable, instead of surfacing later as a confusing connection error.
 */
export interface Config {
  /** HTTP port of the GraphQL endpoint. */
  readonly port: number;
  /** Address the HTTP server binds to: loopback unless configured, so nothing is exposed by accident. */
  readonly host: string;
  /** `production` masks more and drops the per-response cost report. */
  readonly nodeEnv: string;
  /** An external Neo4j; when absent, the service starts the embedded one. */
  readonly neo4j: ExternalNeo4j | undefined;
  readonly embedded: EmbeddedNeo4jSettings;
  /** GraphQL introspection (the IDE needs it); on unless INTROSPECTION=false. */
  readonly introspection: boolean;
  /** Limits checked before a request runs. */
  readonly queryLimits: QueryLimits;
  /** How bearer tokens are verified, and whether anonymous requests may read. */
  readonly auth: AuthSettings;
  /** How the dashboard signs staff in (OpenID Connect); the dashboard stays read-only when absent. */
  readonly signIn: SignInSettings | undefined;
  /** What one request may spend once it runs. */
  readonly requestBudget: RequestBudgetSettings;
  readonly http: HttpSettings;
  /** Limits of the spreadsheet exports (/export/…). */
  readonly export: ExportSettings;
  /** Least severe level written to the log (LOG_LEVEL). */
  readonly logLevel: LogLevel;
  /** Where spans go (OpenTelemetry, OTLP/HTTP); tracing is off, and costs nothing, when absent. */
  readonly tracing: TracingSettings | undefined;
  /** Where Prometheus metrics are served, if anywhere. */
  readonly metrics: MetricsSettings;
  /** How often the data version is read again, so writes through other instances show (DATA_VERSION_POLL_MS). */
  readonly dataVersionPollMs: number;
  /** Limits of the GraphQL subscriptions over WebSocket (docs/dashboard-developers.md "Subscriptions"). */
  readonly live: LiveSettings;
  /** How long the Idempotency-Keys of writes are kept (docs/operators.md "Settings added for safe writes"). */
  readonly idempotency: IdempotencySettings;
}

/** What WebSocket connections to /graphql (GraphQL subscriptions, graphql-transport-ws) may take. */
export interface LiveSettings {
  /** Open connections one client address may hold at once (LIVE_MAX_CONNECTIONS_PER_CLIENT). */
  readonly maxConnectionsPerClient: number;
  /** Open connections in all (LIVE_MAX_CONNECTIONS). */
  readonly maxConnections: number;
  /** Largest message a client may send, in bytes; a larger one closes the connection (LIVE_MAX_MESSAGE_BYTES). */
  readonly maxMessageBytes: number;
  /** A connection that has not sent `connection_init` within this is closed (LIVE_INIT_TIMEOUT_MS). */
  readonly initTimeoutMs: number;
  /** The server pings this often; a connection that has not answered by the next ping is dropped (LIVE_KEEPALIVE_MS). */
  readonly keepAliveMs: number;
}

export interface TracingSettings {
  /** OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-only OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) as given. */
  readonly endpoint: string;
}

/** Metrics are served on a port of their own, or on /metrics of the API behind a token, or not at all. */
export interface MetricsSettings {
  /** A listener of their own (METRICS_PORT); none when absent. */
  readonly port: number | undefined;
  /** Its address: loopback unless METRICS_HOST says otherwise. */
  readonly host: string;
  /** /metrics on the API's port, for requests bearing this token (METRICS_TOKEN); no route when absent. */
  readonly token: string | undefined;
}

export interface RequestBudgetSettings {
  /** Total time of one request from its arrival; also each transaction's Neo4j timeout (the time left). */
  readonly timeoutMs: number;
  /** Database sessions one request may hold at once. */
  readonly maxSessions: number;
  /** Largest answer sent; a larger one is replaced by a RESPONSE_TOO_LARGE error. */
  readonly maxResponseBytes: number;
}

export interface HttpSettings {
  /** Origins whose pages may call the API from a browser; `*` is any origin (never with credentials). */
  readonly corsOrigins: '*' | readonly string[];
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
  /** A connection with no byte moving either way for this long is closed (e.g. a client that never reads). */
  readonly idleTimeoutMs: number;
  /** How long the response cache keeps a successful read (browsers revalidate by ETag); 0 turns caching off. */
  readonly cacheMaxAgeSeconds: number;
  /** Memory for whole answers of repeated reads, in bytes (serialized); 0 turns the response cache off. */
  readonly responseCacheBytes: number;
  /**
   * Apollo's CSRF prevention (GET and form-like POSTs need a preflight header). Off by default: the service
   * reads no ambient credentials; on when a proxy in front adds cookies or integrated sign-in.
   */
  readonly csrfPrevention: boolean;
  /**
   * Host names the service answers to beside its own (ALLOWED_HOSTS); any other `Host` is refused with 421.
   * `*`: any name; undefined: only its own, localhost, 127.0.0.1, [::1] and the address bound (see
   * AllowedHosts.of), which are answered whatever the list says.
   */
  readonly allowedHosts: '*' | readonly string[] | undefined;
  /**
   * The proxies whose `Forwarded` / `X-Forwarded-*` headers are believed (TRUSTED_PROXIES): addresses, CIDR
   * ranges and proxy-addr's keywords, each checked here; empty: none, the peer is the client.
   */
  readonly trustedProxies: readonly string[];
}

export interface ExternalNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface EmbeddedNeo4jSettings {
  readonly port: number;
  readonly dataDirectory: string;
  /** Java heap for the embedded DBMS, in MiB. */
  readonly heapMb: number;
  /** Neo4j page cache, in MiB. */
  readonly pageCacheMb: number;
  /** Password of its `neo4j` user; when absent, one is generated and kept in the data directory. */
  readonly password: string | undefined;
  /** The setting the password was read from, for the start-up line (absent: none was given). */
  readonly passwordSetting?: 'EMBEDDED_NEO4J_PASSWORD' | 'EMBEDDED_NEO4J_PASSWORD_FILE';
}
