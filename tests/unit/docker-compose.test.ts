import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { ENVIRONMENT_VARIABLES } from '../../src/core/config';

/**
 * Docker cannot run on the build machines, so the compose file's wiring is checked by reading it: the
 * services, the database healthcheck gating the API, the Neo4j version matching the embedded launcher,
 * and the API's environment using exactly the names src/core/config.ts reads.
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

  describe("the API's healthcheck", () => {
    const test = api?.healthcheck?.test;
    const command = Array.isArray(test) ? test.map(String) : [];

    it('runs with what the node slim image has: node itself, no shell, no wget or curl', () => {
      expect(command.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      expect(command.join(' ')).not.toMatch(/\b(wget|curl)\b/);
      expect(command[3]).toContain('/health/ready');
    });

    /** Runs the compose file's command as the container would, against `port`; resolves with its exit code. */
    const runHealthcheck = (port: number): Promise<number> =>
      new Promise((resolve) => {
        const child = execFile(process.execPath, command.slice(2), { env: { PORT: String(port) }, timeout: 10_000 });
        child.once('exit', (code) => resolve(code ?? -1));
      });

    let status = 200;
    const asked: string[] = [];
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((request, response) => {
        asked.push(request.url ?? '');
        response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('passes while /health/ready answers 200 and fails on 503 or when nothing listens', async () => {
      status = 200;
      expect(await runHealthcheck(port)).toBe(0);
      status = 503;
      expect(await runHealthcheck(port)).toBe(1);
      expect(asked).toEqual(['/health/ready', '/health/ready']);
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const closedPort = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      expect(await runHealthcheck(closedPort)).toBe(1);
    });
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
