import { z } from 'zod';
import {
  claimName,
  claimValue,
  clientId,
  embeddedPassword,
  flag,
  hostNames,
  httpsOrLoopbackUrl,
  httpUrl,
  issuerUrl,
  listenAddress,
  logLevel,
  neo4jUri,
  openIdScopes,
  origins,
  secret,
  text,
  trustedProxies,
  wholeNumber,
} from './setting-kinds';

/**
 * Every environment variable the service reads, declared once: its name, the kind of value with its range and
 * default (a zod schema of the variable's text, so the parsed settings' types are derived from it), and what it
 * means. loadConfig (config.ts) parses the environment with it; the operators' settings table and .env.example
 * are generated from it (`npm run docs:settings`) and a unit test keeps them equal.
 */
export interface SettingDoc {
  /** What it does, as the operators' table says it (Markdown, one line). */
  readonly meaning: string;
  /** The default as the table shows it, where the schema has none or it reads better in words. */
  readonly shownDefault?: string;
  /** What .env.example shows for a setting without a default (commented out, like every line there). */
  readonly example?: string;
  /** A comment .env.example puts before it, opening a group of settings. */
  readonly note?: string;
  /** Taken as given: not trimmed, and empty is a value (a password may begin or end with a space). */
  readonly asGiven?: true;
}

/** The documentation of each setting's schema (zod's typed registry: metadata kept beside, not inside, it). */
export const SETTING_DOCS = z.registry<SettingDoc>();

function setting<S extends z.ZodType>(schema: S, doc: SettingDoc): S {
  SETTING_DOCS.add(schema, doc);
  return schema;
}

/** A `<NAME>_FILE` variable: the path of a file holding a secret setting (src/core/secret-settings.ts reads it). */
function secretFile() {
  return text().optional();
}

function secretFileMeaning(name: string): string {
  return `a file holding \`${name}\` instead (a Docker secret, \`/run/secrets/…\`), one trailing newline dropped; both set stops the start`;
}

export const SETTINGS = z.object({
  PORT: setting(wholeNumber(1, 65535).default(4000), {
    meaning: 'HTTP port of `/graphql`, the dashboard, the exports and `/health/*`',
  }),
  HOST: setting(listenAddress().default('127.0.0.1'), {
    meaning:
      'address the HTTP server listens on: loopback only unless set (`0.0.0.0` or `::` for every interface, as the Docker image does)',
    note: 'Loopback only unless set; 0.0.0.0 listens on every interface (the Docker image sets it).',
  }),
  NODE_ENV: setting(text().default('development'), {
    meaning: "`production` drops the per-response cost report (the `cypher` entry of a response's `extensions`)",
  }),
  NEO4J_URI: setting(neo4jUri().optional(), {
    meaning:
      'an external Neo4j (`bolt://host:7687`; `neo4j://host` or `neo4j+s://host` for a cluster or Aura, which routes); unset: the embedded Neo4j is started',
    example: 'bolt://localhost:7687',
    note: 'An external Neo4j; leave NEO4J_URI unset to start the embedded one.',
  }),
  NEO4J_USER: setting(text().default('neo4j'), { meaning: 'user for `NEO4J_URI`' }),
  NEO4J_PASSWORD: setting(text().default(''), {
    meaning: 'password for `NEO4J_URI`',
    shownDefault: 'empty',
    asGiven: true,
  }),
  NEO4J_PASSWORD_FILE: setting(secretFile(), {
    meaning: secretFileMeaning('NEO4J_PASSWORD'),
    example: '/run/secrets/neo4j-password',
    note: 'Every secret may come from a file instead (Docker secrets): NAME_FILE, never together with NAME.',
  }),
  NEO4J_DATABASE: setting(text().default('neo4j'), { meaning: 'database on `NEO4J_URI`' }),
  EMBEDDED_NEO4J_PORT: setting(wholeNumber(1, 65535).default(7687), {
    meaning: 'Bolt port of the embedded Neo4j (always bound to 127.0.0.1)',
  }),
  EMBEDDED_NEO4J_DATA: setting(text().default('.data/neo4j'), {
    meaning: 'data directory of the embedded Neo4j (git-ignored)',
  }),
  EMBEDDED_NEO4J_HEAP_MB: setting(wholeNumber(128, 65536).default(1024), {
    meaning: 'Java heap of the embedded Neo4j, MiB',
  }),
  EMBEDDED_NEO4J_PAGECACHE_MB: setting(wholeNumber(8, 65536).default(256), {
    meaning: 'page cache of the embedded Neo4j, MiB',
  }),
  EMBEDDED_NEO4J_STANDBY: setting(flag().default(true), {
    meaning:
      "a second JVM of the embedded Neo4j, kept warm on a scratch store of its own, that takes the database over when the database's JVM dies (serving again 2–4 s after a kill instead of a new JVM's 6–9 s, its plans made faster), at the cost of its memory (300–450 MB resident); `false` keeps one JVM",
    example: 'false',
  }),
  EMBEDDED_NEO4J_PASSWORD: setting(embeddedPassword().optional(), {
    meaning:
      "password of the embedded Neo4j's `neo4j` user (8+ characters, one line); unset: 32 random bytes generated once into `<data>/neo4j-password` (mode 0600)",
    shownDefault: 'generated',
    example: '',
    note: 'Password of the embedded Neo4j (user neo4j); unset: generated once and kept in EMBEDDED_NEO4J_DATA/neo4j-password.',
  }),
  EMBEDDED_NEO4J_PASSWORD_FILE: setting(secretFile(), {
    meaning: secretFileMeaning('EMBEDDED_NEO4J_PASSWORD'),
    example: '/run/secrets/embedded-neo4j-password',
  }),
  TRUSTED_DOCUMENTS: setting(text().optional(), {
    meaning:
      "manifest of the only operations `/graphql` runs (Apollo's persisted-query format; `npm run build` writes `dist/trusted-documents.json`), others get 400 `OPERATION_NOT_TRUSTED` ([Trusted documents](#trusted-documents)); unset: any runs",
    example: 'dist/trusted-documents.json',
    note: 'Trusted documents: the manifest of the only operations /graphql runs (docs/operators.md "Trusted documents");\nwith it, IDE and INTROSPECTION are off unless set to true.',
  }),
  IDE: setting(flag().optional(), {
    meaning:
      'the GraphQL IDE (GraphiQL) for browsers opening `/graphql`, and its files under `/ide/`; `false` for a deployment that wants no IDE (set `INTROSPECTION=false` too)',
    shownDefault: 'on; off with `TRUSTED_DOCUMENTS`',
    example: 'false',
  }),
  INTROSPECTION: setting(flag().optional(), {
    meaning:
      "GraphQL introspection (the IDE's docs and autocompletion need it); `true` with `TRUSTED_DOCUMENTS` lets unlisted queries asking only for `__schema`, `__type` and `__typename` through",
    shownDefault: 'on; off with `TRUSTED_DOCUMENTS`',
    example: 'false',
  }),
  MEMORY_LIMIT_MB: setting(wholeNumber(192, 1_048_576).optional(), {
    meaning:
      'memory the service plans for (MiB): sizes V8\'s heap (`--max-old-space-size`, three fifths of it; `--max-semi-space-size`, at most a 32nd) and the caches\' budgets (docs/operators.md "Memory"); near it caches are emptied, then requests refused with `SERVICE_BUSY`',
    shownDefault: "the container's limit (cgroup `memory.max`), else 512",
    example: '512',
    note: 'Memory the service plans for, in MiB (default: the container limit, else 512); sizes the heap and the caches.',
  }),
  MEMORY_IDLE_SECONDS: setting(wholeNumber(5, 86_400).default(30), {
    meaning:
      'seconds without a request after which the caches kept per operation or document are emptied and one full garbage collection runs, so an idle service gives back the memory past traffic took (docs/operators.md "Memory")',
  }),
  QUERY_MAX_DEPTH: setting(wholeNumber(2, 64).default(8), {
    meaning: 'deepest field nesting a request may have (fragments flattened)',
  }),
  QUERY_MAX_COST: setting(wholeNumber(100, 100_000_000).default(100_000), {
    meaning: 'largest estimated number of values a request may resolve, expensive fields weighted',
  }),
  QUERY_MAX_ALIASES: setting(wholeNumber(0, 10_000).default(15), { meaning: 'most aliases one operation may use' }),
  QUERY_MAX_DIRECTIVES: setting(wholeNumber(0, 10_000).default(50), {
    meaning: 'most directives one operation may use',
  }),
  QUERY_MAX_ROOT_FIELDS: setting(wholeNumber(1, 10_000).default(20), {
    meaning: 'most top-level fields one operation may ask for',
  }),
  QUERY_MAX_TOKENS: setting(wholeNumber(100, 100_000).default(2_000), {
    meaning: 'most lexical tokens in a GraphQL document (graphql-js `maxTokens`)',
  }),
  QUERY_MAX_NESTING: setting(wholeNumber(8, 200).default(64), {
    meaning:
      'deepest nesting of braces, brackets and parentheses in a document, checked before parsing, and of lists and objects in variables and extensions',
  }),
  REQUEST_TIMEOUT_MS: setting(wholeNumber(100, 600_000).default(10_000), {
    meaning:
      'time budget of one request from its arrival (upload included); every Neo4j transaction gets the time left as its timeout; past it: `REQUEST_TIMEOUT`, or 408 while uploading',
    note: "Budgets of one request: total time (also each Neo4j transaction's timeout), database sessions held at once,\nand the largest answer sent.",
  }),
  REQUEST_MAX_SESSIONS: setting(wholeNumber(1, 25).default(4), {
    meaning:
      "database sessions one request may hold at once (of the pool's 50), so one request cannot starve the others",
  }),
  REQUEST_MAX_CONCURRENT: setting(wholeNumber(1, 10_000).default(64), {
    meaning:
      'API requests (`/graphql`, `/export`) worked on at once; the others wait their turn for `REQUEST_QUEUE_MS`, then get `SERVICE_BUSY` (503, `Retry-After`); bounds what a flood of requests can hold ([Overload](#overload))',
    note: 'API requests worked on at once, the estimated cost run at once (0: not bounded),\nand how long another waits its turn before SERVICE_BUSY.',
  }),
  REQUEST_QUEUE_MS: setting(wholeNumber(0, 600_000).default(2_000), {
    meaning:
      'how long a request waits for one of the `REQUEST_MAX_CONCURRENT` slots before it is turned away with `SERVICE_BUSY`; 0 turns away at once',
  }),
  REQUEST_MAX_COST_IN_FLIGHT: setting(wholeNumber(0, 1_000_000_000_000).default(0), {
    meaning:
      "estimated cost (the cost rule's, as `QUERY_MAX_COST`) of the operations run at once; one that does not fit waits its turn for `REQUEST_QUEUE_MS`, then gets `SERVICE_BUSY`; 0: no admission by cost ([Overload](#overload))",
  }),
  MAX_RESPONSE_BYTES: setting(wholeNumber(1_024, 1_000_000_000).default(5_000_000), {
    meaning: 'largest answer; a larger one is replaced by a `RESPONSE_TOO_LARGE` error naming the limit',
  }),
  IDEMPOTENCY_KEY_RETENTION_HOURS: setting(wholeNumber(1, 720).default(24), {
    meaning:
      "how long an editor's `Idempotency-Key` and its write's answer are kept, in hours; see [Safe writes](#safe-writes)",
    note: "How long an editor's Idempotency-Key and its write's answer are kept, in hours (1 to 720).",
  }),
  CORS_ORIGINS: setting(origins().default('*'), {
    meaning:
      'comma list of origins (`https://dash.example.org`) whose pages may call `/graphql` and `/export`; never with credentials',
    shownDefault: 'any origin',
    example: 'https://dash.example.org,http://localhost:5173',
    note: 'Browsers: origins allowed to call the API (comma list; unset = any origin, without credentials).',
  }),
  ALLOWED_HOSTS: setting(hostNames().optional(), {
    meaning:
      'host names answered besides its own, comma-separated; another `Host` gets 421 before any work, `/health/*` excepted; `*`: any name ([Allowed hosts](#allowed-hosts-and-origins))',
    example: 'api.example.org',
    note: 'Host names the service answers to besides localhost, 127.0.0.1, [::1] and HOST (others get 421); * for any (docs/operators.md).',
  }),
  TRUSTED_PROXIES: setting(trustedProxies().default(Object.freeze([])), {
    meaning:
      'proxies (addresses, CIDR ranges: `127.0.0.1,10.0.0.0/8`) whose `X-Forwarded-*`/`Forwarded` name the client ([Behind a reverse proxy](#behind-a-reverse-proxy))',
    shownDefault: 'none',
    example: '127.0.0.1,10.0.0.0/8',
    note: 'Reverse proxies whose Forwarded / X-Forwarded-* headers name the client (addresses or CIDR ranges; unset = none).',
  }),
  CSRF_PREVENTION: setting(flag().default(false), {
    meaning:
      "Apollo's CSRF prevention: `true` only when a proxy in front adds cookies or integrated sign-in; then a GET needs an `apollo-require-preflight` header",
    note: 'Apollo\'s CSRF prevention: only when a proxy in front adds cookies or integrated sign-in (docs/operators.md "Security model").',
  }),
  RATE_LIMIT_REQUESTS: setting(wholeNumber(1, 1_000_000).optional(), {
    meaning:
      "requests a client (its token's `sub`, else its address) may send to `/graphql` and `/export` per window; more get 429 ([Rate limit](#rate-limit))",
    shownDefault: 'no limit',
    example: '600',
    note: 'Per-client rate limit on /graphql and /export (token subject, else client address; unset = off; per instance).',
  }),
  RATE_LIMIT_WINDOW_SECONDS: setting(wholeNumber(1, 86_400).default(60), {
    meaning:
      "the window `RATE_LIMIT_REQUESTS` counts in, in seconds; each client's window starts with its first request",
  }),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: setting(wholeNumber(100, 600_000).default(5_000), {
    meaning: 'how long an idle keep-alive connection stays open',
    note: 'HTTP connections: idle keep-alive lifetime, and how long a connection may sit with nothing moving.',
  }),
  HTTP_IDLE_TIMEOUT_MS: setting(wholeNumber(1_000, 3_600_000).default(30_000), {
    meaning:
      'a connection with nothing moving for this long is closed (a client that never reads); must be more than `REQUEST_TIMEOUT_MS`',
  }),
  CACHE_MAX_AGE_SECONDS: setting(wholeNumber(0, 31_536_000).default(60), {
    meaning:
      'how long the response cache keeps a successful read; browsers get `no-cache` and revalidate by ETag; `0` turns ETags and the response cache off',
    note: 'How long the response cache keeps a successful read, in seconds; browsers revalidate by ETag (0 = no ETags and no response cache).',
  }),
  RESPONSE_CACHE_MAX_MB: setting(wholeNumber(0, 65_536).default(32), {
    meaning:
      'memory (MiB of serialized answers as the heap holds them, LRU; at most a sixteenth of `MEMORY_LIMIT_MB`) for answers of repeated reads served without the database; `0` turns the response cache off',
    note: 'Memory for answers of repeated reads kept in the service, in MiB (0 = response cache off).',
  }),
  DATA_VERSION_POLL_MS: setting(wholeNumber(50, 750).default(250), {
    meaning: "how often the data version is read, so another instance's write is served within about this (ms)",
    note: 'How often the data version is read, in ms, so a write through another instance is served within about this (50-750).',
  }),
  AUTH_SECRET: setting(secret(32).optional(), {
    meaning: 'shared secret (≥ 32 characters) verifying HS256 bearer tokens; `npm run token` mints with it',
    example: '',
    note: 'Sign-in (see docs/records.md); never commit a real secret.',
  }),
  AUTH_SECRET_FILE: setting(secretFile(), {
    meaning: secretFileMeaning('AUTH_SECRET'),
    example: '/run/secrets/auth-secret',
  }),
  AUTH_JWKS_URL: setting(httpsOrLoopbackUrl('https://idp.example.org/.well-known/jwks.json').optional(), {
    meaning: "an identity provider's JSON Web Key Set URL (https, or http on localhost) for RS/ES/PS/EdDSA tokens",
    example: 'https://idp.example.org/.well-known/jwks.json',
  }),
  AUTH_ISSUER: setting(claimValue().optional(), {
    meaning: 'the `iss` every token must carry; unset: not checked',
    example: 'https://idp.example.org',
    note: 'The iss and aud every token must carry (unchecked when unset); npm run token sets them.',
  }),
  AUTH_AUDIENCE: setting(claimValue().optional(), {
    meaning: 'the `aud` every token must name; unset: not checked',
    example: 'honjo-policy-graph',
  }),
  AUTH_ROLE_CLAIM: setting(claimName().default('role'), {
    meaning: 'the token claim holding the role (`viewer`, `editor`, `admin`)',
    note: 'The token claims holding the role and the departments (an identity provider may namespace them).',
  }),
  AUTH_DEPARTMENTS_CLAIM: setting(claimName().default('departments'), {
    meaning: 'the token claim holding the department ids or names',
  }),
  OIDC_ISSUER: setting(issuerUrl('https://idp.example.org/realms/honjo').optional(), {
    meaning:
      'the identity provider the dashboard signs staff in with (needs `AUTH_JWKS_URL`); unset: the dashboard is read-only',
    example: 'https://idp.example.org/realms/honjo',
    note: 'Staff sign-in in the dashboard (OpenID Connect, code flow with PKCE; docs/records.md "Sign-in in the dashboard").',
  }),
  OIDC_CLIENT_ID: setting(clientId().optional(), {
    meaning: "the dashboard's public client id at that provider",
    example: 'honjo-dashboard',
  }),
  OIDC_SCOPE: setting(openIdScopes().default('openid'), {
    meaning: 'scopes the dashboard asks for, space-separated, `openid` among them',
  }),
  ANONYMOUS_READ: setting(flag().default(true), {
    meaning: '`false` makes reads need a token too; writes always need one',
  }),
  EXPORT_MAX_ROWS: setting(wholeNumber(1, 1_000_000).default(10_000), {
    meaning: 'most rows one `/export/…` download may have; a larger set is refused (413) before any byte is sent',
    note: 'Most rows one spreadsheet export (/export/…) may have.',
  }),
  LOG_LEVEL: setting(logLevel().default('info'), {
    meaning:
      'least severe level written: `fatal`, `error`, `warn`, `info`, `debug` (adds the `/health/…` lines), `trace` or `silent`',
    note: 'Least severe log level written: fatal, error, warn, info, debug (adds /health/… lines), trace or silent.',
  }),
  METRICS_PORT: setting(wholeNumber(1, 65535).optional(), {
    meaning: 'a listener of its own serving only `/metrics`, without a token; unset: none',
    example: '9464',
    note: 'Prometheus metrics (docs/operators.md "Metrics"): a loopback listener of their own, and/or /metrics on the API port\nbehind a bearer token (at least 32 characters; never commit a real one). Unset: no metrics served.',
  }),
  METRICS_HOST: setting(listenAddress().default('127.0.0.1'), {
    meaning: 'address the `METRICS_PORT` listener binds to',
  }),
  METRICS_TOKEN: setting(secret(32).optional(), {
    meaning:
      "bearer token (≥ 32 characters) that opens `/metrics` on the API's port; unset: `/metrics` there is the usual JSON 404",
    example: '',
  }),
  METRICS_TOKEN_FILE: setting(secretFile(), {
    meaning: secretFileMeaning('METRICS_TOKEN'),
    example: '/run/secrets/metrics-token',
  }),
  LIVE_MAX_CONNECTIONS_PER_CLIENT: setting(wholeNumber(1, 10_000).default(8), {
    meaning:
      'WebSocket connections one client may hold at once (every loopback address is one client, an IPv6 address counts by its /64); more are closed with code 1013',
    note: 'Live updates (GraphQL subscriptions over WebSocket at /graphql; docs/dashboard-developers.md): sockets per client\naddress and in all, largest client message in bytes, time to send connection_init, ping interval (ms).',
  }),
  LIVE_MAX_CONNECTIONS: setting(wholeNumber(1, 1_000_000).default(1_000), {
    meaning: 'WebSocket connections in all; more are closed with code 1013',
  }),
  LIVE_MAX_MESSAGE_BYTES: setting(wholeNumber(1_024, 262_144).default(16_384), {
    meaning: 'largest WebSocket message a client may send, in bytes; larger closes the connection with 1009',
  }),
  LIVE_INIT_TIMEOUT_MS: setting(wholeNumber(100, 60_000).default(3_000), {
    meaning: 'a WebSocket connection that sends no `connection_init` within this is closed with 4408',
  }),
  LIVE_KEEPALIVE_MS: setting(wholeNumber(1_000, 600_000).default(15_000), {
    meaning:
      'the service pings every WebSocket connection this often and drops one that has not answered by the next ping',
  }),
  OTEL_EXPORTER_OTLP_ENDPOINT: setting(httpUrl('http://localhost:4318').optional(), {
    meaning:
      'OTLP/HTTP collector (`http://localhost:4318`) receiving traces at `/v1/traces`; unset: no tracing, its code not even loaded',
    example: 'http://localhost:4318',
    note: 'Traces (OpenTelemetry, OTLP/HTTP): unset = no tracing. More OTEL_* variables in docs/operators.md "Settings".',
  }),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: setting(httpUrl('http://localhost:4318').optional(), {
    meaning: 'the full traces URL (`…/v1/traces`) instead; also turns tracing on',
    example: 'http://localhost:4318/v1/traces',
  }),
  OTEL_SDK_DISABLED: setting(flag().default(false), { meaning: '`true` keeps tracing off even with an endpoint set' }),
});

/** The settings as parsed: each variable's value, its default applied (undefined: unset, with no default). */
export type Settings = z.output<typeof SETTINGS>;

export type EnvironmentVariable = keyof Settings;

export const SETTING_NAMES = Object.keys(SETTINGS.shape) as EnvironmentVariable[];
