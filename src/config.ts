import { resolve } from 'node:path';
import type { AuthSettings } from './auth/authenticator';
import type { QueryLimits } from './graphql/query-limits';

/**
 * The service's configuration, read from the environment once at start-up. Every variable is validated
 * here so a typo stops the process with a message naming the variable, instead of surfacing later as a
 * confusing connection error.
 */
export interface Config {
  /** HTTP port of the GraphQL endpoint. */
  readonly port: number;
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
}

/** Every environment variable the service reads, with its meaning (the README's table and .env.example match it). */
export const ENVIRONMENT_VARIABLES = {
  PORT: 'HTTP port of the GraphQL endpoint (default 4000)',
  NODE_ENV: '`production` hides the per-response cost report (default development)',
  NEO4J_URI: 'bolt:// or neo4j:// URI of an external Neo4j; when unset the embedded Neo4j is started',
  NEO4J_USER: 'user for NEO4J_URI (default neo4j)',
  NEO4J_PASSWORD: 'password for NEO4J_URI (default empty: no authentication)',
  NEO4J_DATABASE: 'database name on NEO4J_URI (default neo4j)',
  EMBEDDED_NEO4J_PORT: 'Bolt port of the embedded Neo4j (default 7687)',
  EMBEDDED_NEO4J_DATA: 'data directory of the embedded Neo4j (default .data/neo4j)',
  EMBEDDED_NEO4J_HEAP_MB: 'Java heap of the embedded Neo4j in MiB (default 1024)',
  EMBEDDED_NEO4J_PAGECACHE_MB: 'page cache of the embedded Neo4j in MiB (default 256)',
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
  ANONYMOUS_READ: 'whether requests without a token may read, true or false (default true); writes always need one',
} as const;

export type EnvironmentVariable = keyof typeof ENVIRONMENT_VARIABLES;

/** A bad environment value; the message names the variable, what it expects and what it got. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Partial<Record<string, string>>>;

export function loadConfig(env: Env = process.env): Config {
  const read = (name: EnvironmentVariable): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const uri = read('NEO4J_URI');
  if (uri !== undefined && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(uri)) {
    throw new ConfigError(`NEO4J_URI must look like bolt://host:7687 or neo4j://host, got '${uri}'`);
  }
  return Object.freeze({
    port: integer(read('PORT'), 'PORT', 4000, 1, 65535),
    nodeEnv: read('NODE_ENV') ?? 'development',
    neo4j:
      uri === undefined
        ? undefined
        : Object.freeze({
            uri,
            user: read('NEO4J_USER') ?? 'neo4j',
            password: env.NEO4J_PASSWORD ?? '',
            database: read('NEO4J_DATABASE') ?? 'neo4j',
          }),
    embedded: Object.freeze({
      port: integer(read('EMBEDDED_NEO4J_PORT'), 'EMBEDDED_NEO4J_PORT', 7687, 1, 65535),
      dataDirectory: resolve(read('EMBEDDED_NEO4J_DATA') ?? '.data/neo4j'),
      heapMb: integer(read('EMBEDDED_NEO4J_HEAP_MB'), 'EMBEDDED_NEO4J_HEAP_MB', 1024, 128, 65536),
      pageCacheMb: integer(read('EMBEDDED_NEO4J_PAGECACHE_MB'), 'EMBEDDED_NEO4J_PAGECACHE_MB', 256, 8, 65536),
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
    auth: Object.freeze({
      secret: secret(read('AUTH_SECRET')),
      jwksUrl: jwksUrl(read('AUTH_JWKS_URL')),
      anonymousRead: boolean(read('ANONYMOUS_READ'), 'ANONYMOUS_READ', true),
    }),
  });
}

function integer(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return n;
}

function boolean(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got '${value}'`);
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
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`AUTH_JWKS_URL must be a URL, got '${value}'`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(`AUTH_JWKS_URL must use https:// (http:// only on localhost), got '${value}'`);
  }
  return value;
}
