import { readFileSync, rmSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { EmbeddedNeo4j } from '../../../src/db/embedded-neo4j';
import { embeddedPassword } from '../../../src/db/embedded-password';
import { embeddedServiceUser, SERVICE_USER_FILE_NAME } from '../../../src/db/embedded-service-user';
import { freePort } from '../../helpers/free-port';

/**
 * The embedded Neo4j admits only the service: Bolt needs the password, Cypher cannot read local files, and
 * the generated password stays owner-only and stable across restarts. Uses a Neo4j of its own, because it
 * restarts it and changes its password.
 */
describe('the embedded Neo4j, locked down', () => {
  jest.setTimeout(300_000);

  let port: number;
  let dataDirectory: string;
  let neo4jProcess: EmbeddedNeo4j | undefined;

  const start = async (password: string): Promise<EmbeddedNeo4j> => {
    neo4jProcess = await EmbeddedNeo4j.start({
      port,
      dataDirectory,
      password,
      serviceUser,
      heapMb: 512,
      pageCacheMb: 32,
      log: () => undefined,
    });
    return neo4jProcess;
  };

  /** Runs one statement as `user` with `password`; resolves with the first column or the error's code and message. */
  const runAs = async (
    password: string,
    statement: string,
    user = 'neo4j',
  ): Promise<{ value?: unknown; code?: string; message?: string }> => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic(user, password));
    const session = driver.session();
    try {
      const result = await session.run(statement);
      return { value: result.records[0]?.get(0) as unknown };
    } catch (error) {
      if (error instanceof Neo4jError) return { code: error.code, message: error.message };
      throw error;
    } finally {
      await session.close();
      await driver.close();
    }
  };

  let generated: string;
  let serviceUser: string;

  beforeAll(async () => {
    port = await freePort();
    dataDirectory = mkdtempSync(join(tmpdir(), 'honjo-graph-lockdown-'));
    generated = embeddedPassword(dataDirectory, undefined).password;
    serviceUser = embeddedServiceUser(dataDirectory);
    await start(generated);
  });

  afterAll(async () => {
    await neo4jProcess?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('keeps the generated password in a file only its owner can read or write', () => {
    const file = join(dataDirectory, 'neo4j-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(generated);
  });

  it('does not show the password on the JVM command line (what `ps` prints to every local user)', () => {
    const commandLine = readFileSync(`/proc/${neo4jProcess?.pid}/cmdline`, 'utf8');
    expect(commandLine).toContain(`--home=${dataDirectory}`);
    expect(commandLine).not.toContain(generated);
    expect(commandLine).not.toContain(serviceUser);
  });

  it('refuses a Bolt login without the password, and with a wrong one', async () => {
    const unauthorized = { code: 'Neo.ClientError.Security.Unauthorized' };
    expect(await runAs('', 'RETURN 1')).toMatchObject(unauthorized);
    expect(await runAs('neo4j', 'RETURN 1')).toMatchObject(unauthorized);
    // A right login afterwards resets Neo4j's failed-attempt counter (3 failures lock the user for 5 s).
    expect(await runAs(generated, 'RETURN 1')).toEqual({ value: neo4j.int(1) });
  });

  it("refuses LOAD CSV FROM 'file:///etc/passwd' even with the right password", async () => {
    const refused = await runAs(generated, "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row");
    expect(refused.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
    expect(refused.message).toMatch(/allow_csv_import_from_file_urls' is false/);
    expect(refused.value).toBeUndefined();
  });

  it('refuses LOAD CSV from network addresses too, so Cypher cannot probe local services', async () => {
    const refused = await runAs(generated, "LOAD CSV FROM 'http://127.0.0.1:9/' AS row RETURN row");
    expect(refused.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
    expect(refused.message).toMatch(/blocked/);
  });

  it('reuses the kept password on restart, unchanged', async () => {
    await neo4jProcess?.stop();
    const kept = embeddedPassword(dataDirectory, undefined);
    expect(kept.source).toBe('file');
    expect(kept.password).toBe(generated);
    await start(kept.password);
    expect(await runAs(generated, 'RETURN 2')).toEqual({ value: neo4j.int(2) });
  });

  it('applies a changed password on the next start: the old one is refused, the new one admitted', async () => {
    await neo4jProcess?.stop();
    const configured = embeddedPassword(dataDirectory, 'a-configured-password');
    await start(configured.password);
    expect(await runAs(generated, 'RETURN 3')).toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    expect(await runAs('a-configured-password', 'RETURN 3')).toEqual({ value: neo4j.int(3) });
    expect(await runAs('a-configured-password', 'RETURN 4', serviceUser)).toEqual({ value: neo4j.int(4) });
  });

  // Last: Neo4j keeps neo4j locked for a while (dbms.security.auth_lock_time) and every test above logs in as it.
  it("admits the service's own user while wrong logins have locked neo4j", async () => {
    expect(statSync(join(dataDirectory, SERVICE_USER_FILE_NAME)).mode & 0o777).toBe(0o600);
    const locked = [];
    for (let attempt = 0; attempt < 4; attempt += 1) locked.push((await runAs('a-guess', 'RETURN 1')).code);
    expect(locked.at(-1)).toBe('Neo.ClientError.Security.AuthenticationRateLimit');
    expect(await runAs('a-configured-password', 'RETURN 1', serviceUser)).toEqual({ value: neo4j.int(1) });
  });
});
