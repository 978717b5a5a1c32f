import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createDriver } from '../../../src/db/driver';
import { cypherShellBin } from '../../helpers/cypher-shell';
import { freePort } from '../../helpers/free-port';
import { runCommand, type CommandResult } from '../../helpers/run-command';
import { openTestDatabase, testNeo4jPassword, testNeo4jUri, type TestDatabase } from '../../helpers/test-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';

interface ComposeService {
  healthcheck?: { test?: string[] };
  environment?: Record<string, string>;
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, ComposeService> };

/** A command of the compose file as compose hands it to the container: `$$` is a literal `$`. */
const asCompose = (text: string): string => text.replaceAll('$$', '$');

/**
 * What docker-compose.yml runs inside its containers, run here as written against the real parts: the
 * Neo4j healthcheck and the service-user job with Neo4j's own cypher-shell of the image's version, against
 * the test run's embedded Neo4j (the same version), and the API's healthcheck with node against a running
 * API. Each in an environment as bare as a container's entrypoint gets (`env -i`, PATH and what compose
 * sets). The secrets live in a folder of the test rather than /run/secrets, the one change made.
 */
describe('docker-compose.yml commands on the real parts', () => {
  jest.setTimeout(120_000);
  let bin: string;
  let secrets: string;
  let database: TestDatabase;
  const address = (): string => testNeo4jUri().replace(/^bolt:/, 'neo4j:');
  const writeSecrets = (apiPassword: string): void => {
    writeFileSync(join(secrets, 'neo4j-auth'), `neo4j/${testNeo4jPassword()}\n`);
    writeFileSync(join(secrets, 'neo4j-api-password'), `${apiPassword}\n`);
  };
  /** The job as compose runs it: `/bin/sh /neo4j-service-user.sh` with SERVICE_USER from the compose file. */
  const runServiceUserJob = (): Promise<CommandResult> =>
    runCommand('env', [
      '-i',
      `PATH=${bin}:/usr/bin:/bin`,
      `SERVICE_USER=${compose.services['neo4j-service-user']?.environment?.SERVICE_USER ?? ''}`,
      `SECRETS_DIR=${secrets}`,
      `NEO4J_ADDRESS=${address()}`,
      '/bin/sh',
      'deploy/neo4j-service-user.sh',
    ]);
  const logsInAs = async (user: string, password: string): Promise<boolean> => {
    const driver = createDriver({ uri: testNeo4jUri(), user, password });
    try {
      await driver.executeQuery('RETURN 1');
      return true;
    } catch {
      return false;
    } finally {
      await driver.close();
    }
  };

  beforeAll(() => {
    bin = cypherShellBin();
    secrets = mkdtempSync(join(tmpdir(), 'compose-secrets-'));
    database = openTestDatabase();
  });
  afterAll(async () => {
    await database.driver.executeQuery('DROP USER honjo_api IF EXISTS', {}, { database: 'system' });
    await database.close();
    rmSync(secrets, { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
  });

  it('the service-user job makes honjo_api, the API logs in with its password, and a new password replaces it', async () => {
    expect(compose.services['neo4j-service-user']?.environment?.SERVICE_USER).toBe('honjo_api');
    const first = 'a'.repeat(8) + 'first-password-0123';
    writeSecrets(first);
    const made = await runServiceUserJob();
    expect(made).toEqual({ status: 0, stdout: 'database user honjo_api is ready\n', stderr: '' });
    expect(await logsInAs('honjo_api', first)).toBe(true);

    const second = 'b'.repeat(8) + 'second-password-4567';
    writeSecrets(second);
    expect((await runServiceUserJob()).status).toBe(0);
    expect(await logsInAs('honjo_api', second)).toBe(true);
    expect(await logsInAs('honjo_api', first)).toBe(false);
  });

  it('a statement Neo4j refuses fails the job without the password in its output', async () => {
    // Seven characters: Neo4j's minimum is eight, so Neo4j refuses the statement itself.
    const refused = 'x7Q-_k2';
    writeSecrets(refused);
    const failed = await runServiceUserJob();
    expect(failed.status).not.toBe(0);
    expect(failed.stderr).toContain('A password must be at least 8 characters.');
    expect(failed.stdout + failed.stderr).not.toContain(refused);
  });

  it("Neo4j's healthcheck passes on a serving database and fails where none answers", async () => {
    const [form, command] = compose.services.neo4j?.healthcheck?.test ?? [];
    expect(form).toBe('CMD-SHELL');
    const asRun = asCompose(command ?? '').replaceAll('/run/secrets/', `${secrets}/`);
    writeSecrets('unused-here-0123456789');
    const check = (target: string): Promise<CommandResult> =>
      runCommand('env', ['-i', `PATH=${bin}:/usr/bin:/bin`, `NEO4J_ADDRESS=${target}`, '/bin/sh', '-c', asRun]);
    const healthy = await check(address());
    expect(healthy.status).toBe(0);
    expect(healthy.stdout).toContain('1');
    expect((await check(`neo4j://127.0.0.1:${await freePort()}`)).status).toBe(1);
  });

  describe("the API's healthcheck", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(database.gateway);
    });
    afterAll(() => server.stop());

    it('passes on a ready API and fails where none listens', async () => {
      const [form, ...command] = compose.services.api?.healthcheck?.test ?? [];
      expect(form).toBe('CMD');
      const run = (port: string): Promise<CommandResult> =>
        runCommand('env', ['-i', `PATH=${dirname(process.execPath)}:/usr/bin:/bin`, `PORT=${port}`, ...command]);
      expect((await run(new URL(server.url).port)).status).toBe(0);
      expect((await run(String(await freePort()))).status).toBe(1);
    });
  });
});
