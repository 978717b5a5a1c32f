import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { ENVIRONMENT_VARIABLES, SECRET_SETTINGS } from '../../../src/core/config';
import { OTHER_VARIABLES } from '../../../src/core/settings-docs';
import { finalStage, instructionsOf, readDockerfile, writableDirectories } from '../../helpers/dockerfile';

/**
 * Docker cannot run on the build machines, so the compose file's wiring is checked by reading it: the
 * services, the database healthcheck gating the API, the Neo4j version matching the embedded launcher,
 * the API's environment using exactly the names src/core/config.ts reads, and what is safe by default: no
 * database port published, the API on loopback, secrets from files, a database user of the API's own.
 */
interface ComposeService {
  image?: string;
  build?: unknown;
  restart?: string;
  environment?: Record<string, unknown>;
  healthcheck?: { test?: unknown };
  depends_on?: Record<string, { condition?: string }>;
  volumes?: string[];
  ports?: string[];
  secrets?: string[];
  entrypoint?: string[];
  command?: unknown;
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { file?: string }>;
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as Compose;
const neo4j = compose.services.neo4j;
const api = compose.services.api;
const serviceUser = compose.services['neo4j-service-user'];
const composeText = readFileSync('docker-compose.yml', 'utf8');

/** `${NAME:-default}` as compose fills it in from an environment that sets none of them. */
const withDefaults = (text: string): string => text.replace(/\$\{\w+:-([^}]*)\}/g, '$1');
const launcherVersion = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync('neo4j/pom.xml', 'utf8'))?.[1];

describe('docker-compose.yml', () => {
  it('defines the database, the one-shot job making its API user, and the API twice', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'api-2', 'neo4j', 'neo4j-service-user']);
  });

  it('runs the second API instance as the first, from one image, on its own host port, named apart', () => {
    const {
      ports,
      environment: { OTEL_RESOURCE_ATTRIBUTES: secondName, ...secondEnvironment } = {},
      ...second
    } = compose.services['api-2'] ?? {};
    const {
      ports: firstPorts,
      environment: { OTEL_RESOURCE_ATTRIBUTES: firstName, ...firstEnvironment } = {},
      ...first
    } = api ?? {};
    expect(second).toEqual(first);
    expect(secondEnvironment).toEqual(firstEnvironment);
    // Each instance's traces say which it is (service.instance.id), never both the same.
    expect([firstName, secondName]).toEqual(['service.instance.id=api', 'service.instance.id=api-2']);
    expect(ports?.map(withDefaults)).toEqual(['127.0.0.1:4001:4000']);
    expect(firstPorts?.map(withDefaults)).toEqual(['127.0.0.1:4000:4000']);
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

  it('starts the API only once the database is healthy and its user made, built from the Dockerfile', () => {
    expect(api?.build).toBe('.');
    expect(api?.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(api?.depends_on?.['neo4j-service-user']?.condition).toBe('service_completed_successfully');
    expect(serviceUser?.depends_on?.neo4j?.condition).toBe('service_healthy');
  });

  it('restarts every long-running service unless stopped; the one-shot job only when it fails', () => {
    expect(neo4j?.restart).toBe('unless-stopped');
    expect(api?.restart).toBe('unless-stopped');
    // `unless-stopped` would run a job that ends once done again and again.
    expect(serviceUser?.restart).toBe('on-failure');
  });

  it('publishes no database port, and the API on loopback unless API_BIND says otherwise', () => {
    const published = Object.entries(compose.services).filter(([, service]) => service.ports !== undefined);
    expect(published.map(([name]) => name)).toEqual(['api', 'api-2']);
    expect(api?.ports).toEqual(['${API_BIND:-127.0.0.1}:${API_PORT:-4000}:4000']);
    expect(api?.ports?.map(withDefaults)).toEqual(['127.0.0.1:4000:4000']);
    expect(composeText).not.toMatch(/7687:7687|7474:7474/);
  });

  it('puts no password on a command line nor in an environment variable: secrets are files', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const commands = JSON.stringify([service.healthcheck?.test, service.entrypoint, service.command]);
      const passwordOption = /\s(-p|--password|-P)\s/.test(commands);
      expect({ name, passwordOption }).toEqual({ name, passwordOption: false });
      const environment = Object.keys(service.environment ?? {});
      expect(environment.filter((variable) => (SECRET_SETTINGS as readonly string[]).includes(variable))).toEqual([]);
      expect(environment).not.toContain('NEO4J_AUTH');
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        if (!variable.endsWith('_FILE')) continue;
        // A secret of this service, mounted where compose mounts secrets.
        const secret = /^\/run\/secrets\/(.+)$/.exec(String(value))?.[1] ?? '';
        expect({ variable, secret, mounted: service.secrets?.includes(secret) }).toEqual({
          variable,
          secret,
          mounted: true,
        });
      }
    }
    expect(composeText).not.toMatch(/NEO4J_PASSWORD\s*:\s*\$\{|\$\{NEO4J_PASSWORD/);
    // cypher-shell reads the admin password from its environment, taken from the secret file.
    expect(JSON.stringify(neo4j?.healthcheck?.test)).toContain(
      'NEO4J_PASSWORD=\\"$$(cut -d/ -f2- /run/secrets/neo4j-auth)',
    );
  });

  it('reads every secret from a git-ignored file under secrets/, none committed', () => {
    const files = Object.values(compose.secrets ?? {}).map((secret) => secret.file);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^\.\/secrets\/[\w-]+$/);
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('secrets/');
    expect(readFileSync('.dockerignore', 'utf8').split('\n')).toContain('secrets');
  });

  it('logs the API in as a database user of its own, the one the job makes, not as the neo4j admin', () => {
    expect(api?.environment?.NEO4J_USER).not.toBe('neo4j');
    expect(api?.environment?.NEO4J_USER).toBe(serviceUser?.environment?.SERVICE_USER);
    expect(api?.environment?.NEO4J_PASSWORD_FILE).toBe('/run/secrets/neo4j-api-password');
    expect(serviceUser?.secrets).toEqual(expect.arrayContaining(['neo4j-auth', 'neo4j-api-password']));
    expect(serviceUser?.image).toBe(neo4j?.image);
    const script = serviceUser?.volumes?.[0]?.split(':')[0] ?? '';
    expect(serviceUser?.entrypoint).toEqual(['/bin/sh', `/${script.split('/').pop()}`]);
    expect(readFileSync(script, 'utf8')).toContain('CREATE OR REPLACE USER');
  });

  it("mounts a volume where the image lets the API write: records:export's backups", () => {
    const image = finalStage(readDockerfile());
    const writable = writableDirectories(image).map((folder) => `${instructionsOf(image, 'WORKDIR')[0]}/${folder}`);
    const mounted = (api?.volumes ?? []).map((volume) => volume.split(':'));
    expect(mounted.map(([, path]) => path)).toEqual(writable);
    for (const [volume] of mounted) expect(Object.keys(compose.volumes ?? {})).toContain(volume);
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

  it('uses only environment names the service reads', () => {
    const names = Object.keys(api?.environment ?? {});
    // Or a variable a library reads itself, listed with the settings (the OpenTelemetry SDK's).
    const others = OTHER_VARIABLES.map((variable) => variable.name);
    expect(names.filter((n) => !(n in ENVIRONMENT_VARIABLES) && !others.includes(n))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(['PORT', 'NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD_FILE', 'NEO4J_DATABASE']),
    );
    expect(neo4j?.environment?.NEO4J_AUTH_FILE).toBe('/run/secrets/neo4j-auth');
  });
});
