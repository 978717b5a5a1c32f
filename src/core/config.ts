import { resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './config-error';
import { isSecretSetting, secretSettingValue } from './secret-settings';
import { brokenRule } from './setting-rules';
import { SETTING_DOCS, SETTING_NAMES, SETTINGS, type EnvironmentVariable, type Settings } from './settings';
import type { Config } from './settings-types';

export { ConfigError } from './config-error';
export { SECRET_SETTINGS } from './secret-settings';
export type { EnvironmentVariable } from './settings';
export type {
  Config,
  EmbeddedNeo4jSettings,
  ExternalNeo4j,
  HttpSettings,
  LiveSettings,
  MetricsSettings,
  RequestBudgetSettings,
  TracingSettings,
} from './settings-types';

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

/** The parsed settings in the shape the service takes them, frozen so no code changes them after start-up. */
function configOf(s: Settings, env: Env): Config {
  return Object.freeze({
    port: s.PORT,
    host: s.HOST,
    nodeEnv: s.NODE_ENV,
    neo4j:
      s.NEO4J_URI === undefined
        ? undefined
        : Object.freeze({
            uri: s.NEO4J_URI,
            user: s.NEO4J_USER,
            password: s.NEO4J_PASSWORD,
            database: s.NEO4J_DATABASE,
          }),
    embedded: Object.freeze({
      port: s.EMBEDDED_NEO4J_PORT,
      dataDirectory: resolve(s.EMBEDDED_NEO4J_DATA),
      heapMb: s.EMBEDDED_NEO4J_HEAP_MB,
      pageCacheMb: s.EMBEDDED_NEO4J_PAGECACHE_MB,
      password: s.EMBEDDED_NEO4J_PASSWORD,
      passwordSetting: passwordSettingOf(s.EMBEDDED_NEO4J_PASSWORD, env),
    }),
    introspection: s.INTROSPECTION,
    queryLimits: Object.freeze({
      maxDepth: s.QUERY_MAX_DEPTH,
      maxCost: s.QUERY_MAX_COST,
      maxAliases: s.QUERY_MAX_ALIASES,
      maxDirectives: s.QUERY_MAX_DIRECTIVES,
      maxRootFields: s.QUERY_MAX_ROOT_FIELDS,
      maxTokens: s.QUERY_MAX_TOKENS,
      maxNesting: s.QUERY_MAX_NESTING,
    }),
    auth: Object.freeze({
      secret: s.AUTH_SECRET,
      jwksUrl: s.AUTH_JWKS_URL,
      anonymousRead: s.ANONYMOUS_READ,
      issuer: s.AUTH_ISSUER,
      audience: s.AUTH_AUDIENCE,
      roleClaim: s.AUTH_ROLE_CLAIM,
      departmentsClaim: s.AUTH_DEPARTMENTS_CLAIM,
    }),
    signIn: signInOf(s),
    requestBudget: Object.freeze({
      timeoutMs: s.REQUEST_TIMEOUT_MS,
      // The driver's pool holds 50 connections (src/db/driver.ts); a request may never need all of them.
      maxSessions: s.REQUEST_MAX_SESSIONS,
      maxResponseBytes: s.MAX_RESPONSE_BYTES,
    }),
    http: Object.freeze({
      corsOrigins: s.CORS_ORIGINS,
      keepAliveTimeoutMs: s.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      idleTimeoutMs: s.HTTP_IDLE_TIMEOUT_MS,
      cacheMaxAgeSeconds: s.CACHE_MAX_AGE_SECONDS,
      responseCacheBytes: s.RESPONSE_CACHE_MAX_MB * MIB,
      csrfPrevention: s.CSRF_PREVENTION,
      allowedHosts: s.ALLOWED_HOSTS,
      trustedProxies: s.TRUSTED_PROXIES,
    }),
    export: Object.freeze({ maxRows: s.EXPORT_MAX_ROWS }),
    logLevel: s.LOG_LEVEL,
    tracing: tracingOf(s),
    metrics: Object.freeze({ port: s.METRICS_PORT, host: s.METRICS_HOST, token: s.METRICS_TOKEN }),
    dataVersionPollMs: s.DATA_VERSION_POLL_MS,
    live: Object.freeze({
      maxConnections: s.LIVE_MAX_CONNECTIONS,
      maxConnectionsPerClient: s.LIVE_MAX_CONNECTIONS_PER_CLIENT,
      // At most what a POST body may carry: a subscription is a GraphQL document like any other.
      maxMessageBytes: s.LIVE_MAX_MESSAGE_BYTES,
      initTimeoutMs: s.LIVE_INIT_TIMEOUT_MS,
      keepAliveMs: s.LIVE_KEEPALIVE_MS,
    }),
    idempotency: Object.freeze({ retentionMs: s.IDEMPOTENCY_KEY_RETENTION_HOURS * HOUR_MS }),
  });
}

/** The dashboard's sign-in: on with OIDC_ISSUER and OIDC_CLIENT_ID (setting-rules.ts has them come together). */
function signInOf(s: Settings): Config['signIn'] {
  if (s.OIDC_ISSUER === undefined || s.OIDC_CLIENT_ID === undefined) return undefined;
  return Object.freeze({
    issuer: s.OIDC_ISSUER,
    clientId: s.OIDC_CLIENT_ID,
    scope: s.OIDC_SCOPE,
    // The resource indicator the access token is for: this service's audience.
    resource: s.AUTH_AUDIENCE,
    roleClaim: s.AUTH_ROLE_CLAIM,
    departmentsClaim: s.AUTH_DEPARTMENTS_CLAIM,
  });
}

/**
 * Tracing is on when an OTLP endpoint is set (the OpenTelemetry variables; the exporter reads them again itself,
 * the traces-only one first) and OTEL_SDK_DISABLED is not true.
 */
function tracingOf(s: Settings): Config['tracing'] {
  const endpoint = s.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? s.OTEL_EXPORTER_OTLP_ENDPOINT;
  return s.OTEL_SDK_DISABLED || endpoint === undefined ? undefined : Object.freeze({ endpoint });
}
