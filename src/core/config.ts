import { isIP } from 'node:net';
import { resolve } from 'node:path';
import proxyAddr from 'proxy-addr';
import {
  LOG_LEVELS,
  type AuthSettings,
  type ExportSettings,
  type IdempotencySettings,
  type LogLevel,
  type QueryLimits,
  type SignInSettings,
} from './settings-types';
import { ConfigError } from './config-error';
import { isSecretSetting, SECRET_FILE_VARIABLES, secretSettingValue } from './secret-settings';

export { ConfigError } from './config-error';
export { SECRET_SETTINGS } from './secret-settings';

/**
 * The service's configuration, read from the environment once at start-up. Every variable is validated
 * here so a typo stops the process with a message naming the variable, instead of surfacing later as a
 * confusing connection error.
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
}

/** Every environment variable the service reads, with its meaning (the README's table and .env.example match it). */
export const ENVIRONMENT_VARIABLES = {
  PORT: 'HTTP port of the GraphQL endpoint (default 4000)',
  HOST: 'address the HTTP server listens on (default 127.0.0.1, loopback only; 0.0.0.0 or :: to listen on every interface)',
  NODE_ENV: '`production` hides the per-response cost report (default development)',
  NEO4J_URI: 'bolt:// or neo4j:// URI of an external Neo4j; when unset the embedded Neo4j is started',
  NEO4J_USER: 'user for NEO4J_URI (default neo4j)',
  NEO4J_PASSWORD: 'password for NEO4J_URI (default empty: no authentication)',
  NEO4J_DATABASE: 'database name on NEO4J_URI (default neo4j)',
  EMBEDDED_NEO4J_PORT: 'Bolt port of the embedded Neo4j (default 7687)',
  EMBEDDED_NEO4J_DATA: 'data directory of the embedded Neo4j (default .data/neo4j)',
  EMBEDDED_NEO4J_HEAP_MB: 'Java heap of the embedded Neo4j in MiB (default 1024)',
  EMBEDDED_NEO4J_PAGECACHE_MB: 'page cache of the embedded Neo4j in MiB (default 256)',
  EMBEDDED_NEO4J_PASSWORD:
    'password of the embedded Neo4j user neo4j, 8+ characters (default: generated once, kept owner-only in the data directory)',
  INTROSPECTION: 'GraphQL introspection, true or false (default true)',
  QUERY_MAX_DEPTH: 'deepest field nesting a request may have (default 8)',
  QUERY_MAX_COST:
    'largest estimated number of values a request may resolve, expensive fields weighted (default 100000)',
  QUERY_MAX_ALIASES: 'most aliases one operation may use (default 15)',
  QUERY_MAX_DIRECTIVES: 'most directives one operation may use (default 50)',
  QUERY_MAX_ROOT_FIELDS: 'most top-level fields one operation may ask for (default 20)',
  QUERY_MAX_TOKENS: 'most lexical tokens a GraphQL document may have (default 2000)',
  QUERY_MAX_NESTING: 'deepest nesting of braces, brackets and parentheses in a document (default 64)',
  AUTH_SECRET:
    'shared secret (at least 32 characters) verifying HS256 bearer tokens and minting them with `npm run token`; unset: no HS256 tokens',
  AUTH_JWKS_URL: "URL of the identity provider's JSON Web Key Set for RS/ES/PS/EdDSA tokens; unset: none",
  AUTH_ISSUER:
    'the `iss` every bearer token must carry (the identity provider, e.g. https://idp.example.org); `npm run token` sets it; unset: not checked',
  AUTH_AUDIENCE:
    'the `aud` every bearer token must name (this service, e.g. honjo-policy-graph); `npm run token` sets it; unset: not checked',
  AUTH_ROLE_CLAIM:
    'the token claim holding the role (viewer, editor or admin), e.g. a namespaced claim of the identity provider (default role)',
  AUTH_DEPARTMENTS_CLAIM:
    'the token claim holding the list of department ids or names the signer answers for (default departments)',
  OIDC_ISSUER:
    "the identity provider's issuer URL (https://idp.example.org/realms/honjo) the dashboard signs staff in with, OpenID Connect code flow with PKCE; unset: the dashboard is read-only",
  OIDC_CLIENT_ID:
    "the dashboard's client id at that identity provider (a public client, no secret); set with OIDC_ISSUER",
  OIDC_SCOPE: 'scopes the dashboard asks for, space-separated, openid among them (default openid)',
  ANONYMOUS_READ: 'whether requests without a token may read, true or false (default true); writes always need one',
  REQUEST_TIMEOUT_MS:
    'time budget of one request in ms, from its arrival to its answer, body upload included; each Neo4j transaction gets the time left as its timeout (default 10000)',
  REQUEST_MAX_SESSIONS:
    'database sessions one request may hold at once, so one request cannot take the whole connection pool (default 4)',
  MAX_RESPONSE_BYTES:
    'largest answer in bytes; a larger one is replaced by a RESPONSE_TOO_LARGE error (default 5000000)',
  CORS_ORIGINS:
    'comma-separated origins (https://dash.example.org) whose pages may call the API; unset means any origin, without credentials',
  ALLOWED_HOSTS:
    'comma-separated host names the service answers to besides its own (api.example.org, 192.168.1.10, [::1]); a request naming another in its Host header (or, from a trusted proxy, X-Forwarded-Host) is refused with 421, and a WebSocket page of another origin too unless CORS_ORIGINS lists it; * answers any name. Its own names are always answered: localhost, 127.0.0.1, [::1] and the HOST address (with HOST=0.0.0.0 or :: also the machine name and its interface addresses), and /health/live and /health/ready answer any name',
  TRUSTED_PROXIES:
    'comma-separated addresses or CIDR ranges of the reverse proxies in front (127.0.0.1,10.0.0.0/8; also loopback, linklocal, uniquelocal) whose Forwarded or X-Forwarded-For, -Proto and -Host headers give the client address, scheme and host name; from any other peer those headers are ignored (default: none)',
  CSRF_PREVENTION:
    "Apollo's CSRF prevention, true or false (default false: the API reads bearer tokens only, nothing a browser adds by itself); true when a proxy in front adds cookies or integrated sign-in, then a GET needs an apollo-require-preflight header",
  HTTP_KEEP_ALIVE_TIMEOUT_MS: 'how long an idle keep-alive HTTP connection stays open, in ms (default 5000)',
  HTTP_IDLE_TIMEOUT_MS:
    'a connection on which nothing moves for this long is closed, e.g. a client that never reads its answer; more than REQUEST_TIMEOUT_MS (default 30000)',
  EXPORT_MAX_ROWS:
    'most rows one /export/… download may have; a larger filtered set is refused with RESPONSE_TOO_LARGE before anything is sent (default 10000)',
  CACHE_MAX_AGE_SECONDS:
    'how long the response cache keeps a successful read, in seconds (browsers get Cache-Control: no-cache and revalidate by ETag); 0 turns ETags and the response cache off (default 60)',
  OTEL_EXPORTER_OTLP_ENDPOINT:
    'OTLP/HTTP collector (http://localhost:4318) that receives traces at /v1/traces; unset: no tracing, and the tracing code is not loaded (docs/operators.md "Traces" lists the other OTEL_* variables read)',
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT:
    'full URL receiving traces (http://localhost:4318/v1/traces), instead of OTEL_EXPORTER_OTLP_ENDPOINT; also turns tracing on',
  OTEL_SDK_DISABLED: 'true turns tracing off even with an endpoint set (default false)',
  LOG_LEVEL:
    'least severe log level written: fatal, error, warn, info, debug, trace or silent (default info; debug adds the /health/… request lines)',
  METRICS_PORT: 'port of a listener serving only Prometheus metrics at /metrics, without a token (default: none)',
  METRICS_HOST: 'address the METRICS_PORT listener binds to (default 127.0.0.1, loopback only)',
  METRICS_TOKEN:
    'bearer token (at least 32 characters) that opens /metrics on the API port; unset: /metrics answers 404 there',
  RESPONSE_CACHE_MAX_MB:
    'memory for answers of repeated reads kept by the service (same query, variables and viewer, same data version), in MiB; 0 turns the response cache off (default 32)',
  DATA_VERSION_POLL_MS:
    'how often, in ms, the service reads the data version, so a write through another instance on the same database is served within about this time (default 250; at most 750, to keep instances within 1 s of each other)',
  LIVE_MAX_CONNECTIONS_PER_CLIENT:
    'open WebSocket connections (GraphQL subscriptions) one client address may hold at once; more are closed with code 1013 (default 8)',
  LIVE_MAX_CONNECTIONS: 'open WebSocket connections in all; more are closed with code 1013 (default 1000)',
  LIVE_MAX_MESSAGE_BYTES:
    'largest WebSocket message a client may send, in bytes; a larger one closes the connection with code 1009 (default 16384)',
  LIVE_INIT_TIMEOUT_MS:
    'a WebSocket connection that sends no connection_init within this many ms is closed with code 4408 (default 3000)',
  LIVE_KEEPALIVE_MS:
    'the service pings each WebSocket connection this often, in ms, and drops one that has not answered by the next ping (default 15000)',
  IDEMPOTENCY_KEY_RETENTION_HOURS:
    "how long, in hours, an editor's Idempotency-Key and the answer its write gave are kept: the same request with the same key within it gets that answer again and writes nothing; 1 to 720 (default 24)",
  // NEO4J_PASSWORD_FILE, AUTH_SECRET_FILE …: one for every secret setting, so none can be added without it.
  ...SECRET_FILE_VARIABLES,
} as const;

export type EnvironmentVariable = keyof typeof ENVIRONMENT_VARIABLES;

type Env = Readonly<Partial<Record<string, string>>>;

export function loadConfig(env: Env = process.env): Config {
  const read = (name: EnvironmentVariable): string | undefined => {
    // A secret may come from the file its `<NAME>_FILE` names (src/core/secret-settings.ts).
    const value = (isSecretSetting(name) ? secretSettingValue(env, name) : env[name])?.trim();
    return value === '' ? undefined : value;
  };
  const uri = read('NEO4J_URI');
  if (uri !== undefined && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(uri)) {
    throw new ConfigError(`NEO4J_URI must look like bolt://host:7687 or neo4j://host, got '${uri}'`);
  }
  const timeoutMs = integer(read('REQUEST_TIMEOUT_MS'), 'REQUEST_TIMEOUT_MS', 10_000, 100, 600_000);
  const idleTimeoutMs = integer(read('HTTP_IDLE_TIMEOUT_MS'), 'HTTP_IDLE_TIMEOUT_MS', 30_000, 1_000, 3_600_000);
  if (idleTimeoutMs <= timeoutMs) {
    // Nothing moves on the socket while a request runs, so a shorter idle timeout would cut answers off.
    throw new ConfigError(
      `HTTP_IDLE_TIMEOUT_MS (${idleTimeoutMs}) must be more than REQUEST_TIMEOUT_MS (${timeoutMs}), or running requests lose their connection`,
    );
  }
  const auth = authSettings(read);
  return Object.freeze({
    port: integer(read('PORT'), 'PORT', 4000, 1, 65535),
    host: listenAddress(read('HOST')),
    nodeEnv: read('NODE_ENV') ?? 'development',
    neo4j:
      uri === undefined
        ? undefined
        : Object.freeze({
            uri,
            user: read('NEO4J_USER') ?? 'neo4j',
            // Taken as given, not trimmed: a password may begin or end with a space.
            password: secretSettingValue(env, 'NEO4J_PASSWORD') ?? '',
            database: read('NEO4J_DATABASE') ?? 'neo4j',
          }),
    embedded: Object.freeze({
      port: integer(read('EMBEDDED_NEO4J_PORT'), 'EMBEDDED_NEO4J_PORT', 7687, 1, 65535),
      dataDirectory: resolve(read('EMBEDDED_NEO4J_DATA') ?? '.data/neo4j'),
      heapMb: integer(read('EMBEDDED_NEO4J_HEAP_MB'), 'EMBEDDED_NEO4J_HEAP_MB', 1024, 128, 65536),
      pageCacheMb: integer(read('EMBEDDED_NEO4J_PAGECACHE_MB'), 'EMBEDDED_NEO4J_PAGECACHE_MB', 256, 8, 65536),
      password: embeddedPassword(read('EMBEDDED_NEO4J_PASSWORD')),
    }),
    introspection: boolean(read('INTROSPECTION'), 'INTROSPECTION', true),
    queryLimits: Object.freeze({
      maxDepth: integer(read('QUERY_MAX_DEPTH'), 'QUERY_MAX_DEPTH', 8, 2, 64),
      maxCost: integer(read('QUERY_MAX_COST'), 'QUERY_MAX_COST', 100_000, 100, 100_000_000),
      maxAliases: integer(read('QUERY_MAX_ALIASES'), 'QUERY_MAX_ALIASES', 15, 0, 10_000),
      maxDirectives: integer(read('QUERY_MAX_DIRECTIVES'), 'QUERY_MAX_DIRECTIVES', 50, 0, 10_000),
      maxRootFields: integer(read('QUERY_MAX_ROOT_FIELDS'), 'QUERY_MAX_ROOT_FIELDS', 20, 1, 10_000),
      maxTokens: integer(read('QUERY_MAX_TOKENS'), 'QUERY_MAX_TOKENS', 2_000, 100, 100_000),
      maxNesting: integer(read('QUERY_MAX_NESTING'), 'QUERY_MAX_NESTING', 64, 8, 200),
    }),
    auth,
    signIn: signInSettings(read, auth),
    requestBudget: Object.freeze({
      timeoutMs,
      // The driver's pool holds 50 connections (src/db/driver.ts); a request may never need all of them.
      maxSessions: integer(read('REQUEST_MAX_SESSIONS'), 'REQUEST_MAX_SESSIONS', 4, 1, 25),
      maxResponseBytes: integer(read('MAX_RESPONSE_BYTES'), 'MAX_RESPONSE_BYTES', 5_000_000, 1_024, 1_000_000_000),
    }),
    http: Object.freeze({
      corsOrigins: origins(read('CORS_ORIGINS')),
      keepAliveTimeoutMs: integer(
        read('HTTP_KEEP_ALIVE_TIMEOUT_MS'),
        'HTTP_KEEP_ALIVE_TIMEOUT_MS',
        5_000,
        100,
        600_000,
      ),
      idleTimeoutMs,
      cacheMaxAgeSeconds: integer(read('CACHE_MAX_AGE_SECONDS'), 'CACHE_MAX_AGE_SECONDS', 60, 0, 31_536_000),
      responseCacheBytes: integer(read('RESPONSE_CACHE_MAX_MB'), 'RESPONSE_CACHE_MAX_MB', 32, 0, 65_536) * MIB,
      csrfPrevention: boolean(read('CSRF_PREVENTION'), 'CSRF_PREVENTION', false),
      allowedHosts: hostNames(read('ALLOWED_HOSTS')),
      trustedProxies: trustedProxies(read('TRUSTED_PROXIES')),
    }),
    export: Object.freeze({
      maxRows: integer(read('EXPORT_MAX_ROWS'), 'EXPORT_MAX_ROWS', 10_000, 1, 1_000_000),
    }),
    logLevel: logLevel(read('LOG_LEVEL')),
    tracing: tracingSettings(read),
    metrics: metricsSettings(read),
    dataVersionPollMs: integer(read('DATA_VERSION_POLL_MS'), 'DATA_VERSION_POLL_MS', 250, 50, 750),
    live: liveSettings(read),
    idempotency: Object.freeze({
      retentionMs:
        integer(read('IDEMPOTENCY_KEY_RETENTION_HOURS'), 'IDEMPOTENCY_KEY_RETENTION_HOURS', 24, 1, 720) * HOUR_MS,
    }),
  });
}

function liveSettings(read: (name: EnvironmentVariable) => string | undefined): LiveSettings {
  const maxConnections = integer(read('LIVE_MAX_CONNECTIONS'), 'LIVE_MAX_CONNECTIONS', 1_000, 1, 1_000_000);
  const maxConnectionsPerClient = integer(
    read('LIVE_MAX_CONNECTIONS_PER_CLIENT'),
    'LIVE_MAX_CONNECTIONS_PER_CLIENT',
    8,
    1,
    10_000,
  );
  if (maxConnectionsPerClient > maxConnections) {
    throw new ConfigError(
      `LIVE_MAX_CONNECTIONS_PER_CLIENT (${maxConnectionsPerClient}) must not be more than LIVE_MAX_CONNECTIONS (${maxConnections})`,
    );
  }
  return Object.freeze({
    maxConnections,
    maxConnectionsPerClient,
    // At most what a POST body may carry: a subscription is a GraphQL document like any other.
    maxMessageBytes: integer(read('LIVE_MAX_MESSAGE_BYTES'), 'LIVE_MAX_MESSAGE_BYTES', 16_384, 1_024, 262_144),
    initTimeoutMs: integer(read('LIVE_INIT_TIMEOUT_MS'), 'LIVE_INIT_TIMEOUT_MS', 3_000, 100, 60_000),
    keepAliveMs: integer(read('LIVE_KEEPALIVE_MS'), 'LIVE_KEEPALIVE_MS', 15_000, 1_000, 600_000),
  });
}

function metricsSettings(read: (name: EnvironmentVariable) => string | undefined): MetricsSettings {
  const portText = read('METRICS_PORT');
  const port = portText === undefined ? undefined : integer(portText, 'METRICS_PORT', 0, 1, 65535);
  const hostText = read('METRICS_HOST');
  if (hostText !== undefined && port === undefined) {
    throw new ConfigError('METRICS_HOST is set but METRICS_PORT is not: set the port the metrics listen on');
  }
  if (port !== undefined && port === integer(read('PORT'), 'PORT', 4000, 1, 65535)) {
    throw new ConfigError(`METRICS_PORT (${port}) must differ from PORT: the API and the metrics listen apart`);
  }
  const token = read('METRICS_TOKEN');
  if (token !== undefined && token.length < 32) {
    // The value itself never appears in the message.
    throw new ConfigError(`METRICS_TOKEN must be at least 32 characters long, got ${token.length}`);
  }
  return Object.freeze({ port, host: listenAddress(hostText, 'METRICS_HOST'), token });
}

/** Milliseconds in an hour. */
const HOUR_MS = 3_600_000;

/** Bytes in a MiB. */
const MIB = 1024 * 1024;

function integer(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

/** `*` or a comma list of origins as browsers send them: scheme, host and optional port, no path. */
function origins(value: string | undefined): '*' | readonly string[] {
  if (value === undefined || value === '*') return '*';
  const list = value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of list) {
    if (!/^https?:\/\/[^\s/?#]+$/.test(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS must be * or a comma list of origins like https://dash.example.org (no path or trailing slash), got '${origin}'`,
      );
    }
  }
  if (list.length === 0) throw new ConfigError(`CORS_ORIGINS must name at least one origin, got '${value}'`);
  return Object.freeze(list);
}

/** `*`, a comma list of host names or IP addresses (IPv6 in brackets), or undefined for the default. */
function hostNames(value: string | undefined): '*' | readonly string[] | undefined {
  if (value === undefined || value.trim() === '*') return value === undefined ? undefined : '*';
  const list = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of list) {
    const bracketed = /^\[(.+)\]$/.exec(name)?.[1];
    const valid = bracketed !== undefined ? isIP(bracketed) === 6 : isIP(name) === 4 || HOST_NAME.test(name);
    if (!valid) {
      throw new ConfigError(
        `ALLOWED_HOSTS must be * or a comma list of host names or addresses like api.example.org, 192.168.1.10, [::1] (no scheme or port), got '${name}'`,
      );
    }
  }
  if (list.length === 0) throw new ConfigError(`ALLOWED_HOSTS must name at least one host, got '${value}'`);
  return Object.freeze(list);
}

/**
 * TRUSTED_PROXIES: each entry an address, a CIDR range or one of proxy-addr's keywords, compiled one by one by
 * proxy-addr itself (the library that matches them later), so a bad entry is named on its own.
 */
function trustedProxies(value: string | undefined): readonly string[] {
  if (value === undefined) return Object.freeze([]);
  const list = value.split(',').map((entry) => entry.trim());
  for (const entry of list) {
    try {
      if (entry === '') throw new TypeError('empty entry');
      proxyAddr.compile(entry);
    } catch {
      throw new ConfigError(
        `TRUSTED_PROXIES must be a comma list of addresses or CIDR ranges like 127.0.0.1,10.0.0.0/8,fd00::/8 (or loopback, linklocal, uniquelocal), got '${entry}'`,
      );
    }
  }
  return Object.freeze(list);
}

/** A DNS name: letters, digits, hyphens and dots, a trailing dot allowed. */
const HOST_NAME = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$/i;

/** Neo4j refuses passwords under 8 characters; the launcher reads the password as one line of its stdin. */
function embeddedPassword(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length < 8 || /[\r\n]/.test(value)) {
    throw new ConfigError(
      `EMBEDDED_NEO4J_PASSWORD must be one line of at least 8 characters, got ${value.length} characters`,
    );
  }
  return value;
}

function boolean(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got '${value}'`);
}

/** The auth settings as read from the environment: the claim names always known (their defaults applied). */
type ReadAuthSettings = AuthSettings & { readonly roleClaim: string; readonly departmentsClaim: string };

function authSettings(read: (name: EnvironmentVariable) => string | undefined): ReadAuthSettings {
  const settings = {
    secret: secret(read('AUTH_SECRET')),
    jwksUrl: jwksUrl(read('AUTH_JWKS_URL')),
    anonymousRead: boolean(read('ANONYMOUS_READ'), 'ANONYMOUS_READ', true),
    issuer: claimValue(read('AUTH_ISSUER'), 'AUTH_ISSUER'),
    audience: claimValue(read('AUTH_AUDIENCE'), 'AUTH_AUDIENCE'),
    roleClaim: claimName(read('AUTH_ROLE_CLAIM'), 'AUTH_ROLE_CLAIM', 'role'),
    departmentsClaim: claimName(read('AUTH_DEPARTMENTS_CLAIM'), 'AUTH_DEPARTMENTS_CLAIM', 'departments'),
  };
  if (settings.roleClaim === settings.departmentsClaim) {
    throw new ConfigError(
      `AUTH_ROLE_CLAIM and AUTH_DEPARTMENTS_CLAIM must name different claims, both are '${settings.roleClaim}'`,
    );
  }
  for (const [name, value] of [
    ['AUTH_ISSUER', settings.issuer],
    ['AUTH_AUDIENCE', settings.audience],
  ] as const) {
    if (value !== undefined && settings.secret === undefined && settings.jwksUrl === undefined) {
      throw new ConfigError(`${name} is set but no token is accepted: set AUTH_SECRET or AUTH_JWKS_URL too`);
    }
  }
  return Object.freeze(settings);
}

/**
 * An `iss` or `aud` value (RFC 7519 StringOrURI): one printable line without spaces, at most 1,024 characters,
 * and a valid URI when it contains a colon.
 */
function claimValue(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > 1024 || !/^[\x21-\x7e\u00a0-\uffff]+$/.test(value)) {
    throw new ConfigError(
      `${name} must be one word of at most 1024 printable characters (no spaces), got ${value.length} characters`,
    );
  }
  if (value.includes(':') && !URL.canParse(value)) {
    throw new ConfigError(`${name} contains a colon, so it must be a URI (https://idp.example.org), got '${value}'`);
  }
  return value;
}

/**
 * A claim name: a JSON member name as identity providers write them, plain (`role`) or namespaced
 * (`https://honjo.example/roles`); one printable word, so a stray space or quote is caught here.
 */
function claimName(value: string | undefined, name: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (value.length > 256 || !/^[\x21-\x7e]+$/.test(value) || /["\\]/.test(value)) {
    throw new ConfigError(
      `${name} must be a claim name of at most 256 printable ASCII characters without spaces or quotes, got '${value}'`,
    );
  }
  return value;
}

/**
 * OIDC_ISSUER and OIDC_CLIENT_ID turn the dashboard's sign-in on; they come together, and the tokens the
 * provider issues must be verifiable here (AUTH_JWKS_URL), else every signed-in write would be refused.
 */
function signInSettings(
  read: (name: EnvironmentVariable) => string | undefined,
  auth: ReadAuthSettings,
): SignInSettings | undefined {
  const issuerText = read('OIDC_ISSUER');
  const clientId = read('OIDC_CLIENT_ID');
  const scopeText = read('OIDC_SCOPE');
  if (issuerText === undefined) {
    for (const [name, value] of [
      ['OIDC_CLIENT_ID', clientId],
      ['OIDC_SCOPE', scopeText],
    ] as const) {
      if (value !== undefined)
        throw new ConfigError(`${name} is set but OIDC_ISSUER is not: set the identity provider too`);
    }
    return undefined;
  }
  const issuer = httpsOrLoopbackUrl(issuerText, 'OIDC_ISSUER', 'https://idp.example.org/realms/honjo');
  if (new URL(issuer).search !== '' || new URL(issuer).hash !== '') {
    throw new ConfigError(`OIDC_ISSUER must be an issuer URL without query or fragment, got '${issuerText}'`);
  }
  if (clientId === undefined) {
    throw new ConfigError(
      "OIDC_ISSUER is set but OIDC_CLIENT_ID is not: set the dashboard's client id at the provider",
    );
  }
  if (clientId.length > 256 || !/^[\x21-\x7e]+$/.test(clientId)) {
    throw new ConfigError(
      `OIDC_CLIENT_ID must be one word of at most 256 printable ASCII characters, got ${clientId.length} characters`,
    );
  }
  const scope = scopeText ?? 'openid';
  const scopes = scope.split(/\s+/);
  if (!scopes.includes('openid') || !scopes.every((word) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(word))) {
    throw new ConfigError(`OIDC_SCOPE must be space-separated scope names including openid, got '${scope}'`);
  }
  if (auth.jwksUrl === undefined) {
    throw new ConfigError(
      "OIDC_ISSUER is set but AUTH_JWKS_URL is not: set it to the provider's jwks_uri so the service can verify its tokens",
    );
  }
  return Object.freeze({
    issuer,
    clientId,
    scope: scopes.join(' '),
    resource: auth.audience,
    roleClaim: auth.roleClaim,
    departmentsClaim: auth.departmentsClaim,
  });
}

/** HS256 needs a key of at least 256 bits; the value itself never appears in the message. */
function secret(value: string | undefined): string | undefined {
  if (value !== undefined && value.length < 32) {
    throw new ConfigError(`AUTH_SECRET must be at least 32 characters long, got ${value.length}`);
  }
  return value;
}

/** Keys are fetched over HTTPS; plain HTTP only from this machine (a local identity provider, tests). */
function jwksUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return httpsOrLoopbackUrl(value, 'AUTH_JWKS_URL', 'https://idp.example.org/.well-known/jwks.json');
}

/** A URL of the identity provider: https://, or http:// on this machine only (a local provider, tests). */
function httpsOrLoopbackUrl(value: string, name: string, example: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL like ${example}, got '${value}'`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(`${name} must use https:// (http:// only on localhost), got '${value}'`);
  }
  return value;
}

function logLevel(value: string | undefined): LogLevel {
  if (value === undefined) return 'info';
  const level = LOG_LEVELS.find((name) => name === value.toLowerCase());
  if (level === undefined) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${value}'`);
  return level;
}

/** An IP address or a plain host name to bind to; anything else (a URL, a port, spaces) is a typo. */
function listenAddress(value: string | undefined, name = 'HOST'): string {
  if (value === undefined) return '127.0.0.1';
  if (isIP(value) !== 0 || /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i.test(value)) return value;
  throw new ConfigError(`${name} must be an IP address or a host name (127.0.0.1, 0.0.0.0, ::), got '${value}'`);
}

/**
 * Tracing is on when an OTLP endpoint is set (the OpenTelemetry variables; the exporter reads them again
 * itself) and OTEL_SDK_DISABLED is not true. A malformed URL stops the start here rather than losing every
 * span later.
 */
function tracingSettings(read: (name: EnvironmentVariable) => string | undefined): TracingSettings | undefined {
  if (boolean(read('OTEL_SDK_DISABLED'), 'OTEL_SDK_DISABLED', false)) return undefined;
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT'] as const) {
    const endpoint = read(name);
    if (endpoint === undefined) continue;
    if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
      throw new ConfigError(`${name} must be an http:// or https:// URL (http://localhost:4318), got '${endpoint}'`);
    }
    return Object.freeze({ endpoint });
  }
  return undefined;
}
