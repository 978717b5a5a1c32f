import { resolve } from 'node:path';

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
  readonly queryLimits: { readonly maxDepth: number; readonly maxCost: number };
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
  QUERY_MAX_COST: 'largest estimated number of values a request may resolve (default 250000)',
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
      password: embeddedPassword(read('EMBEDDED_NEO4J_PASSWORD')),
    }),
    introspection: boolean(read('INTROSPECTION'), 'INTROSPECTION', true),
    queryLimits: Object.freeze({
      maxDepth: integer(read('QUERY_MAX_DEPTH'), 'QUERY_MAX_DEPTH', 8, 2, 64),
      maxCost: integer(read('QUERY_MAX_COST'), 'QUERY_MAX_COST', 250_000, 100, 100_000_000),
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
