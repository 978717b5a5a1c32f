import { resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './config-error';
import { isSecretSetting, secretSettingValue } from './secret-settings';
import { memoryBudget, memoryLimitMb } from './memory-limit';
import { brokenRule } from './setting-rules';
import { SETTING_DOCS, SETTING_NAMES, SETTINGS, type EnvironmentVariable, type Settings } from './settings';

export { ConfigError } from './config-error';
export { SECRET_SETTINGS } from './secret-settings';
export type { EnvironmentVariable } from './settings';
export type { LogLevel } from './setting-kinds';

/**
 * The service's configuration, read from the environment once at start-up (loadConfig): every variable parsed
 * by its declaration (settings.ts), so a typo stops the process with a message naming the variable, instead
 * of surfacing later as a confusing connection error. Its type is derived, not written: each setting's value
 * type from its schema (`z.output`, Settings), its place from configOf below. The parts that take a group of
 * settings name it here; they import these types only (erased when compiled), so this module depends on
 * none of them.
 */
export type Config = ReturnType<typeof configOf>;
export type EmbeddedNeo4jSettings = Config['embedded'];
export type QueryLimits = Config['queryLimits'];
export type SignInSettings = NonNullable<Config['signIn']>;
export type RequestBudgetSettings = Config['requestBudget'];
export type RequestSlotSettings = Config['requestSlots'];
export type HttpSettings = Config['http'];
export type LiveSettings = Config['live'];
export type IdempotencySettings = Config['idempotency'];
/** The per-client rate limit (RATE_LIMIT_*); absent: no limit. */
export type RateLimitSettings = NonNullable<Config['rateLimit']>;

/** Every environment variable the service reads, with its meaning (src/core/settings.ts declares them). */
export const ENVIRONMENT_VARIABLES: Readonly<Record<EnvironmentVariable, string>> = Object.freeze(
  Object.fromEntries(
    SETTING_NAMES.map((name) => [name, SETTING_DOCS.get(SETTINGS.shape[name])?.meaning ?? '']),
  ) as Record<EnvironmentVariable, string>,
);

type Env = Readonly<Partial<Record<string, string>>>;

/**
 * The service's configuration, read from the environment once at start-up. Every variable is parsed by its
 * declaration (src/core/settings.ts), then the rules between them are checked (setting-rules.ts), so a typo stops
 * the process with a ConfigError naming the variable, what it expects and what it got, instead of surfacing
 * later as a confusing connection error. Every variable found wrong is named, one a line.
 */
export function loadConfig(env: Env = process.env): Config {
  const given = givenValues(env);
  const parsed = SETTINGS.safeParse(given);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map(describeIssue).join('\n'));
  const broken = brokenRule(parsed.data, (name) => given[name] !== undefined);
  if (broken !== undefined) throw new ConfigError(broken);
  return configOf(parsed.data, env);
}

/**
 * Each variable's text as the operator gave it: a secret from the file its `<NAME>_FILE` names
 * (src/core/secret-settings.ts), trimmed, and empty taken as unset, but for a setting taken as given.
 */
function givenValues(env: Env): Partial<Record<EnvironmentVariable, string>> {
  const given: Partial<Record<EnvironmentVariable, string>> = {};
  for (const name of SETTING_NAMES) {
    const value = isSecretSetting(name) ? secretSettingValue(env, name) : env[name];
    const text = SETTING_DOCS.get(SETTINGS.shape[name])?.asGiven ? value : value?.trim();
    if (text !== undefined && (text !== '' || SETTING_DOCS.get(SETTINGS.shape[name])?.asGiven)) given[name] = text;
  }
  return given;
}

/** `NAME must …, got …`: the schemas' messages say what follows the name (src/core/setting-kinds.ts). */
function describeIssue(issue: z.core.$ZodIssue): string {
  return `${String(issue.path[0])} ${issue.message}`;
}

/** Which variable gave the embedded password: the file variable when it names one (secretSettingValue's rule). */
function passwordSettingOf(
  password: string | undefined,
  env: Env,
): 'EMBEDDED_NEO4J_PASSWORD' | 'EMBEDDED_NEO4J_PASSWORD_FILE' | undefined {
  if (password === undefined) return undefined;
  return env.EMBEDDED_NEO4J_PASSWORD_FILE?.trim() ? 'EMBEDDED_NEO4J_PASSWORD_FILE' : 'EMBEDDED_NEO4J_PASSWORD';
}

/** Milliseconds in an hour. */
const HOUR_MS = 3_600_000;

/** Bytes in a MiB. */
const MIB = 1024 * 1024;

/**
 * The parsed settings in the shape the service takes them, frozen so no code changes them after start-up. The
 * one place a setting is given its place: Config is this function's type. A declared setting this module does
 * not read is named by tests/unit/core/every-setting-read.test.ts (the secrets' `_FILE` forms excepted).
 */
function configOf(s: Settings, env: Env) {
  const memory = memoryBudget(memoryLimitMb(s.MEMORY_LIMIT_MB));
  return Object.freeze({
    /** What MEMORY_LIMIT_MB gives V8's heap and each cache; `idleMs`: no request this long empties them. */
    memory: { ...memory, idleMs: s.MEMORY_IDLE_SECONDS * 1000 },
    /** HTTP port of the GraphQL endpoint. */
    port: s.PORT,
    /** Address the HTTP server binds to: loopback unless configured, so nothing is exposed by accident. */
    host: s.HOST,
    /** `production` masks more and drops the per-response cost report. */
    nodeEnv: s.NODE_ENV,
    /** An external Neo4j; when absent, the service starts the embedded one. */
    neo4j: externalNeo4jOf(s),
    embedded: Object.freeze({
      /** Bolt port, always on 127.0.0.1. */
      port: s.EMBEDDED_NEO4J_PORT,
      dataDirectory: resolve(s.EMBEDDED_NEO4J_DATA),
      /** Java heap for the embedded DBMS, in MiB. */
      heapMb: s.EMBEDDED_NEO4J_HEAP_MB,
      /** Neo4j page cache, in MiB. */
      pageCacheMb: s.EMBEDDED_NEO4J_PAGECACHE_MB,
      /** Keep a standby JVM to take over when the database's dies (src/db/standby-neo4j.ts). */
      standby: s.EMBEDDED_NEO4J_STANDBY,
      /** Password of its `neo4j` user; when absent, one is generated and kept in the data directory. */
      password: s.EMBEDDED_NEO4J_PASSWORD,
      /** The setting the password was read from, for the start-up line (absent: none was given). */
      passwordSetting: passwordSettingOf(s.EMBEDDED_NEO4J_PASSWORD, env),
    }),
    /**
     * The file of the manifest of the only operations /graphql runs (TRUSTED_DOCUMENTS), resolved; any operation
     * runs when absent. The start reads and checks it (OperationManifest.read).
     */
    trustedDocuments: s.TRUSTED_DOCUMENTS === undefined ? undefined : resolve(s.TRUSTED_DOCUMENTS),
    /**
     * The GraphiQL IDE on GET /graphql for browsers and its files under /ide/: as IDE says; unset, on without a
     * manifest and off with one (production's default: a deployment that lists its operations serves no editor).
     */
    ide: s.IDE ?? s.TRUSTED_DOCUMENTS === undefined,
    /** GraphQL introspection (the IDE needs it): as INTROSPECTION says; unset, on without a manifest, off with one. */
    introspection: s.INTROSPECTION ?? s.TRUSTED_DOCUMENTS === undefined,
    /** Every limit a GraphQL request is checked against before anything runs. */
    queryLimits: Object.freeze({
      /** Deepest field nesting (`{ a { b } }` has depth 2), fragments flattened. */
      maxDepth: s.QUERY_MAX_DEPTH,
      /** Largest estimated number of values (expensive fields weighted) a request may resolve. */
      maxCost: s.QUERY_MAX_COST,
      /** Most aliases per operation (`__typename` aliases are free). */
      maxAliases: s.QUERY_MAX_ALIASES,
      /** Most directives per operation. */
      maxDirectives: s.QUERY_MAX_DIRECTIVES,
      /** Most top-level fields one operation may ask for. */
      maxRootFields: s.QUERY_MAX_ROOT_FIELDS,
      /** Most lexical tokens in a document; parsing stops there (graphql-js's own `maxTokens`). */
      maxTokens: s.QUERY_MAX_TOKENS,
      /** Deepest nesting of braces, brackets and parentheses in a document, checked before parsing. */
      maxNesting: s.QUERY_MAX_NESTING,
    }),
    /** How bearer tokens are verified, and whether anonymous requests may read. */
    auth: Object.freeze({
      /** Shared secret for HS256 tokens; undefined when the service accepts none. */
      secret: s.AUTH_SECRET,
      /** URL of a JSON Web Key Set (an identity provider's public keys) for RS/ES/PS/EdDSA tokens. */
      jwksUrl: s.AUTH_JWKS_URL,
      /** Whether a request without a token may read. */
      anonymousRead: s.ANONYMOUS_READ,
      /** The `iss` every token must carry; unchecked when undefined. */
      issuer: s.AUTH_ISSUER,
      /** The `aud` every token must name; unchecked when undefined. */
      audience: s.AUTH_AUDIENCE,
      /** The claim holding the role. */
      roleClaim: s.AUTH_ROLE_CLAIM,
      /** The claim holding the departments. */
      departmentsClaim: s.AUTH_DEPARTMENTS_CLAIM,
    }),
    /** How the dashboard signs staff in (OpenID Connect); the dashboard stays read-only when absent. */
    signIn: signInOf(s),
    /** What one request may spend once it runs. */
    requestBudget: Object.freeze({
      /** Total time of one request from its arrival; also each transaction's Neo4j timeout (the time left). */
      timeoutMs: s.REQUEST_TIMEOUT_MS,
      /**
       * Database sessions one request may hold at once. The driver's pool holds 50 connections
       * (src/db/driver.ts); a request may never need all of them.
       */
      maxSessions: s.REQUEST_MAX_SESSIONS,
      /** Largest answer sent; a larger one is replaced by a RESPONSE_TOO_LARGE error. */
      maxResponseBytes: s.MAX_RESPONSE_BYTES,
    }),
    /** How many API requests are worked on at once, and how long another waits its turn before SERVICE_BUSY. */
    requestSlots: Object.freeze({
      maxConcurrent: s.REQUEST_MAX_CONCURRENT,
      maxWaitMs: s.REQUEST_QUEUE_MS,
      /** The estimated cost run at once; 0: not bounded (no admission by cost). */
      maxCostInFlight: s.REQUEST_MAX_COST_IN_FLIGHT,
    }),
    http: Object.freeze({
      /** Origins whose pages may call the API from a browser; `*` is any origin (never with credentials). */
      corsOrigins: s.CORS_ORIGINS,
      /** How long an idle keep-alive connection stays open. */
      keepAliveTimeoutMs: s.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      /** A connection with no byte moving either way for this long is closed (e.g. a client that never reads). */
      idleTimeoutMs: s.HTTP_IDLE_TIMEOUT_MS,
      /** How long the response cache keeps a successful read (browsers revalidate by ETag); 0 turns caching off. */
      cacheMaxAgeSeconds: s.CACHE_MAX_AGE_SECONDS,
      /**
       * Memory for whole answers of repeated reads, in bytes as the heap holds them; 0 turns the response cache
       * off. RESPONSE_CACHE_MAX_MB, at most the response cache's share of MEMORY_LIMIT_MB.
       */
      responseCacheBytes: Math.min(s.RESPONSE_CACHE_MAX_MB * MIB, memory.responseCacheBytes),
      /**
       * Apollo's CSRF prevention (GET and form-like POSTs need a preflight header). Off by default: the service
       * reads no ambient credentials; on when a proxy in front adds cookies or integrated sign-in.
       */
      csrfPrevention: s.CSRF_PREVENTION,
      /**
       * Host names the service answers to beside its own; any other `Host` is refused with 421. `*`: any
       * name; undefined: only its own, localhost, 127.0.0.1, [::1] and the address bound (see AllowedHosts.of),
       * which are answered whatever the list says.
       */
      allowedHosts: s.ALLOWED_HOSTS,
      /**
       * The proxies whose `Forwarded` / `X-Forwarded-*` headers are believed: addresses, CIDR ranges and
       * proxy-addr's keywords, each checked here; empty: none, the peer is the client.
       */
      trustedProxies: s.TRUSTED_PROXIES,
    }),
    /** Requests one client may send per window to /graphql and /export; no limit when absent (the default). */
    rateLimit:
      s.RATE_LIMIT_REQUESTS === undefined
        ? undefined
        : Object.freeze({ requests: s.RATE_LIMIT_REQUESTS, windowMs: s.RATE_LIMIT_WINDOW_SECONDS * 1000 }),
    /** Limits of the spreadsheet exports (/export/…): most rows one export may have. */
    export: Object.freeze({ maxRows: s.EXPORT_MAX_ROWS }),
    /** Least severe level written to the log. */
    logLevel: s.LOG_LEVEL,
    /** Where spans go (OpenTelemetry, OTLP/HTTP); tracing is off, and costs nothing, when absent. */
    tracing: tracingOf(s),
    /** Metrics on a port of their own, or on /metrics of the API behind a token, or not at all. */
    metrics: Object.freeze({ port: s.METRICS_PORT, host: s.METRICS_HOST, token: s.METRICS_TOKEN }),
    /** How often the data version is read again, so writes through other instances show. */
    dataVersionPollMs: s.DATA_VERSION_POLL_MS,
    /** Limits of the GraphQL subscriptions over WebSocket (docs/dashboard-developers.md "Subscriptions"). */
    live: Object.freeze({
      /** Open connections in all. */
      maxConnections: s.LIVE_MAX_CONNECTIONS,
      /** Open connections one client address may hold at once. */
      maxConnectionsPerClient: s.LIVE_MAX_CONNECTIONS_PER_CLIENT,
      /**
       * Largest message a client may send, in bytes; a larger one closes the connection. At most what a POST
       * body may carry: a subscription is a GraphQL document like any other.
       */
      maxMessageBytes: s.LIVE_MAX_MESSAGE_BYTES,
      /** A connection that has not sent `connection_init` within this is closed. */
      initTimeoutMs: s.LIVE_INIT_TIMEOUT_MS,
      /** The server pings this often; a connection that has not answered by the next ping is dropped. */
      keepAliveMs: s.LIVE_KEEPALIVE_MS,
    }),
    /**
     * How long the Idempotency-Keys of writes are kept after a key's first request: within it the same request
     * with the same key gets that answer again; after it the key is forgotten and a request with it writes anew.
     */
    idempotency: Object.freeze({ retentionMs: s.IDEMPOTENCY_KEY_RETENTION_HOURS * HOUR_MS }),
  });
}

/** NEO4J_URI and its login, or undefined (then the embedded database runs). */
function externalNeo4jOf(s: Settings) {
  if (s.NEO4J_URI === undefined) return undefined;
  return Object.freeze({
    uri: s.NEO4J_URI,
    user: s.NEO4J_USER,
    password: s.NEO4J_PASSWORD,
    database: s.NEO4J_DATABASE,
  });
}

/**
 * The dashboard's sign-in: on with OIDC_ISSUER and OIDC_CLIENT_ID (setting-rules.ts has them come together).
 * OpenID Connect's authorization code flow with PKCE, run in the browser against the city's identity provider.
 * The service itself never sees the provider's login; it only verifies the access tokens the dashboard sends
 * (AUTH_JWKS_URL), so these settings are all the page needs to learn, and none of them is a secret (a public
 * client has no secret).
 */
function signInOf(s: Settings) {
  if (s.OIDC_ISSUER === undefined || s.OIDC_CLIENT_ID === undefined) return undefined;
  return Object.freeze({
    /** The identity provider's issuer URL; its discovery document is `<issuer>/.well-known/openid-configuration`. */
    issuer: s.OIDC_ISSUER,
    /** The dashboard's client id, registered at the provider as a public client with PKCE. */
    clientId: s.OIDC_CLIENT_ID,
    /** Scopes asked for, space-separated, `openid` among them. */
    scope: s.OIDC_SCOPE,
    /**
     * The resource indicator (RFC 8707) the access token is for: the service's AUTH_AUDIENCE, so the provider
     * issues a token whose `aud` names this service; none when AUTH_AUDIENCE is unset.
     */
    resource: s.AUTH_AUDIENCE,
    /** The claims the page reads to show who is signed in (the same AUTH_ROLE_CLAIM and AUTH_DEPARTMENTS_CLAIM). */
    roleClaim: s.AUTH_ROLE_CLAIM,
    departmentsClaim: s.AUTH_DEPARTMENTS_CLAIM,
  });
}

/**
 * Tracing is on when an OTLP endpoint is set (the OpenTelemetry variables; the exporter reads them again itself,
 * the traces-only one first) and OTEL_SDK_DISABLED is not true.
 */
function tracingOf(s: Settings) {
  const endpoint = s.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? s.OTEL_EXPORTER_OTLP_ENDPOINT;
  return s.OTEL_SDK_DISABLED || endpoint === undefined ? undefined : Object.freeze({ endpoint });
}
