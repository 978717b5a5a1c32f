import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuthenticator } from '../../../src/platform/auth/authenticator';
import { mintToken } from '../../../src/platform/auth/mint-token';
import { codeBlocks, documentationFiles } from '../../helpers/markdown-docs';
import { runCommand, type CommandResult } from '../../helpers/run-command';
import {
  deleteRecords,
  openTestDatabase,
  testNeo4jPassword,
  testNeo4jUri,
  type TestDatabase,
} from '../../helpers/test-database';
import { startTestServer, type TestServer } from '../../helpers/test-server';

const SECRET = 'backup-schedule-test-secret-0123456789';
/** Indicator 5-1-1 自治会の加入率 belongs to measure 5-1-1, answered by 市民活動推進課 (000 line 55). */
const RECORD_RESULT = `mutation { recordIndicatorResult(input: { indicator: "indicator:5-1-1", fiscalYear: 2024, value: 61.5 }) { id } }`;

/** The runbook's blocks: the crontab line, then the check that a backup is intact. */
function runbookBlocks(): { crontab: string; intact: string } {
  const guide = documentationFiles().find((file) => file.path === join('docs', 'operators.md'));
  const text = guide?.text ?? '';
  const section = text.slice(text.indexOf('### Runbook: schedule and check backups'));
  const blocks = codeBlocks({ ...guide!, text: section }).map((block) => block.code);
  const crontab = blocks.find((code) => /^30 2 \* \* \* /.test(code)) ?? '';
  const intact = blocks.find((code) => code.endsWith('echo intact')) ?? '';
  return { crontab, intact };
}

/**
 * The backup runbook of docs/operators.md run as written, as cron runs it: the crontab line's command through
 * /bin/sh in cron's environment (HOME, LOGNAME, SHELL and PATH=/usr/bin:/bin, nothing else), with the
 * service's settings in the environment file the guide names, the database password in a `_FILE` secret. The
 * paths are the test's own (the checkout, a backup folder, the environment file); nothing else is changed.
 * Then what must never give a "good" backup: the settings missing, another seed, a database without the
 * service's records, and an empty file under the guide's check.
 */
describe('the backup schedule of the operators’ guide, under cron’s environment', () => {
  jest.setTimeout(180_000);
  const { crontab, intact } = runbookBlocks();
  let work: string;
  let backups: string;
  let envFile: string;
  let database: TestDatabase;
  let server: TestServer;

  /** The command cron runs for the line: the fields after the schedule, with crontab's `\%` made `%`. */
  const cronCommand = crontab
    .split(' ')
    .slice(5)
    .join(' ')
    .replaceAll('\\%', '%')
    .replace('cd /srv/honjo-policy-graph', `cd ${process.cwd()}`);
  const asCron = (command: string): Promise<CommandResult> =>
    runCommand('env', [
      '-i',
      `HOME=${work}`,
      `LOGNAME=${process.env.USER ?? 'root'}`,
      'SHELL=/bin/sh',
      'PATH=/usr/bin:/bin',
      '/bin/sh',
      '-c',
      command.replaceAll('/var/backups/honjo', backups).replaceAll('/etc/honjo-policy-graph.env', envFile),
    ]);
  const dated = (): string[] => readdirSync(backups).filter((name) => /^records-[\d-]+\.jsonl$/.test(name));
  const writeEnvFile = (lines: readonly string[]): void => writeFileSync(envFile, `${lines.join('\n')}\n`);
  const serviceSettings = (): string[] => {
    const secret = join(work, 'neo4j-password');
    writeFileSync(secret, `${testNeo4jPassword()}\n`);
    return [`NEO4J_URI=${testNeo4jUri()}`, 'NEO4J_USER=neo4j', `NEO4J_PASSWORD_FILE=${secret}`];
  };

  beforeAll(async () => {
    expect(existsSync('/usr/bin/node')).toBe(true); // cron's PATH finds node
    execFileSync('node', ['scripts/build-if-developing.js'], { stdio: 'ignore' });
    work = mkdtempSync(join(tmpdir(), 'backup-schedule-'));
    backups = join(work, 'backups', 'honjo'); // not made: the export makes it
    envFile = join(work, 'honjo-policy-graph.env');
    database = openTestDatabase();
    await deleteRecords(database.driver);
    server = await startTestServer(database.gateway, {
      authenticate: createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true }),
    });
    const editor = await mintToken(SECRET, { sub: 'sato', role: 'editor', departments: ['市民活動推進課'] });
    const recorded = await server.query(RECORD_RESULT, {}, { authorization: `Bearer ${editor}` });
    expect(recorded.errors).toBeUndefined();
  });
  afterAll(async () => {
    await server?.stop();
    await deleteRecords(database.driver);
    await database.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes a dated, non-empty backup with its checksum into a folder it makes, and the check passes', async () => {
    expect(crontab).toContain('--env-file=/etc/honjo-policy-graph.env');
    writeEnvFile(serviceSettings());
    const run = await asCron(cronCommand);
    expect(run.status).toBe(0);
    // Standard error names the database it read, then what it wrote; nothing else (no warning, no error).
    expect(run.stderr).toMatch(
      /^using Neo4j at bolt:\/\/127\.0\.0\.1:\d+ \(database neo4j\)\nexported [1-9]\d* lines\n$/,
    );
    const [file] = dated();
    expect(readFileSync(join(backups, file ?? ''), 'utf8')).toContain('"indicator-result:5-1-1:2024"');
    expect(readdirSync(backups).sort()).toEqual([file, `${file ?? ''}.sha256`]);
    const checked = await asCron(intact);
    expect(checked).toMatchObject({ status: 0, stdout: expect.stringMatching(/: OK\nintact\n$/) as string });
  });

  it('refuses without the service’s settings: no embedded database is started, no dated file', async () => {
    const missing = join(work, 'no-such-data');
    writeEnvFile([`EMBEDDED_NEO4J_DATA=${missing}`]);
    const before = dated();
    const run = await asCron(cronCommand);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`refused, nothing was written: no embedded database at ${missing}`);
    expect(existsSync(missing)).toBe(false);
    expect(dated()).toEqual(before);
  });

  it('refuses a database holding another seed’s graph, or none', async () => {
    writeEnvFile(serviceSettings());
    const [seed] = (await database.driver.executeQuery("MATCH (s:SeedInfo {id: 'seed'}) RETURN s.hash AS hash"))
      .records;
    const hash = String(seed?.get('hash'));
    await database.driver.executeQuery("MATCH (s:SeedInfo {id: 'seed'}) SET s.hash = $other", {
      other: 'f'.repeat(64),
    });
    try {
      const run = await asCron(cronCommand);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(
        `holds the graph of seed ffffffffffff, this service's seed/graph.json is ${hash.slice(0, 12)}`,
      );
      await database.driver.executeQuery("MATCH (s:SeedInfo {id: 'seed'}) REMOVE s.hash");
      const unseeded = await asCron(cronCommand);
      expect(unseeded.status).not.toBe(0);
      expect(unseeded.stderr).toContain("holds no graph: it is not the service's database");
    } finally {
      await database.driver.executeQuery("MATCH (s:SeedInfo {id: 'seed'}) SET s.hash = $hash", { hash });
    }
  });

  it('refuses a database without the records of the last backup, keeping that backup', async () => {
    writeEnvFile(serviceSettings());
    const [file] = dated();
    const kept = readFileSync(join(backups, file ?? ''), 'utf8');
    await deleteRecords(database.driver);
    const run = await asCron(cronCommand);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/this database has 0 record lines, the newest backup beside it, .+, has [1-9]\d*/);
    expect(readFileSync(join(backups, file ?? ''), 'utf8')).toBe(kept);
    expect(readdirSync(backups).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('the guide’s check fails on an empty backup with a valid checksum', async () => {
    const [file = ''] = dated();
    writeFileSync(join(backups, file), '');
    const path = join(backups, file);
    await asCron(`sha256sum ${path} > ${path}.sha256`);
    const checked = await asCron(intact);
    expect(checked.status).not.toBe(0);
    expect(checked.stdout).not.toContain('intact');
  });
});
