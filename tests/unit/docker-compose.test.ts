import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ENVIRONMENT_VARIABLES } from '../../src/config';

/**
 * Docker cannot run on the build machines, so the compose file's wiring is checked by reading it: the
 * services, the database healthcheck gating the API, the Neo4j version matching the embedded launcher,
 * and the API's environment using exactly the names src/config.ts reads.
 */
interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, unknown>;
  healthcheck?: { test?: unknown };
  depends_on?: Record<string, { condition?: string }>;
  volumes?: string[];
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as Compose;
const neo4j = compose.services.neo4j;
const api = compose.services.api;
const launcherVersion = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync('neo4j/pom.xml', 'utf8'))?.[1];

describe('docker-compose.yml', () => {
  it('defines a neo4j and an api service', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'neo4j']);
  });

  it('runs the same Neo4j community version as the embedded launcher', () => {
    expect(launcherVersion).toMatch(/^5\.26\.\d+$/);
    expect(neo4j?.image).toBe(`neo4j:${launcherVersion}-community`);
  });

  it('gives Neo4j a healthcheck and a named volume', () => {
    expect(JSON.stringify(neo4j?.healthcheck?.test)).toContain('cypher-shell');
    const volume = neo4j?.volumes?.[0]?.split(':')[0] ?? '';
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('starts the API only once the database is healthy, built from the Dockerfile', () => {
    expect(api?.build).toBe('.');
    expect(api?.depends_on?.neo4j?.condition).toBe('service_healthy');
  });

  it('uses only environment names the service reads, and commits no password', () => {
    const names = Object.keys(api?.environment ?? {});
    expect(names.filter((n) => !(n in ENVIRONMENT_VARIABLES))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(['PORT', 'NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']),
    );
    expect(String(api?.environment?.NEO4J_PASSWORD)).toMatch(/^\$\{NEO4J_PASSWORD/);
    expect(String(neo4j?.environment?.NEO4J_AUTH)).toMatch(/\$\{NEO4J_PASSWORD/);
  });
});
