import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, type CommandResult } from '../../helpers/run-command';
import { testNeo4jPassword, testNeo4jUri } from '../../helpers/test-database';

const SEED_HASH = createHash('sha256').update(readFileSync('seed/graph.json')).digest('hex');

/**
 * The maintenance shell of docs/operators.md ("Security model" and the database runbook) as written: `npm run
 * cypher` and `node --env-file=… dist/src/cli/cypher.js` in an environment as bare as cron's, the service's
 * settings only in its environment file, the password in a `_FILE` secret, against the test run's Neo4j.
 */
describe('npm run cypher, the maintenance shell', () => {
  jest.setTimeout(180_000);
  let work: string;
  let envFile: string;
  const bare = (args: readonly string[], input?: string): Promise<CommandResult> =>
    runCommand('sh', [
      '-c',
      `${input === undefined ? '' : `printf '%s' '${input}' | `}env -i HOME=${work} PATH=/usr/bin:/bin ${args.join(' ')}`,
    ]);

  beforeAll(() => {
    execFileSync('node', ['scripts/build-if-developing.js'], { stdio: 'ignore' });
    work = mkdtempSync(join(tmpdir(), 'maintenance-shell-'));
    const secret = join(work, 'neo4j-password');
    writeFileSync(secret, `${testNeo4jPassword()}\n`);
    envFile = join(work, 'honjo-policy-graph.env');
    writeFileSync(envFile, `NEO4J_URI=${testNeo4jUri()}\nNEO4J_USER=neo4j\nNEO4J_PASSWORD_FILE=${secret}\n`);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('answers the guide’s statement with the service’s settings, a JSON line per row', async () => {
    const statement = `'MATCH (s:SeedInfo {id: "seed"}) RETURN s.hash AS hash'`;
    const run = await bare(['node', `--env-file=${envFile}`, 'dist/src/cli/cypher.js', statement]);
    expect(run).toMatchObject({ status: 0, stdout: `{"hash":"${SEED_HASH}"}\n` });
    const up = await bare(['node', `--env-file=${envFile}`, 'dist/src/cli/cypher.js', `'RETURN 1 AS up'`]);
    expect(up.stdout).toBe('{"up":1}\n');
  });

  it('reads the statement from standard input through npm run', async () => {
    const run = await bare(
      ['sh', '-c', `'set -a; . ${envFile}; exec npm run --silent cypher'`],
      'MATCH (n:Entity) RETURN count(n) > 0 AS seeded',
    );
    expect(run).toMatchObject({ status: 0, stdout: '{"seeded":true}\n' });
  });

  it('explains itself with --help, and names a statement Neo4j refuses', async () => {
    const help = await bare(['npm', 'run', '--silent', 'cypher', '--', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("usage: npm run cypher [-- 'STATEMENT']");
    expect(help.stdout).toContain('NEO4J_PASSWORD_FILE');
    const wrong = await bare(['node', `--env-file=${envFile}`, 'dist/src/cli/cypher.js', `'RETURN nope'`]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^cypher failed: .*Variable `nope` not defined/m);
  });
});
