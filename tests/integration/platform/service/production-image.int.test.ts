import { runCommand, type CommandResult } from '../../../helpers/run-command';
import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createAuthenticator } from '../../../../src/platform/auth/authenticator';
import { importRecords } from '../../../../src/write/records-backup';
import {
  copiesOf,
  finalStage,
  instructionsOf,
  readDockerfile,
  stageNamed,
  writableDirectories,
} from '../../../helpers/dockerfile';
import { freePort } from '../../../helpers/free-port';
import { buildOncePerRun } from '../../../helpers/service-build';
import { documentationFiles } from '../../../helpers/markdown-docs';
import {
  openTestDatabase,
  testNeo4jPassword,
  testNeo4jUri,
  type TestDatabase,
  deleteRecords,
} from '../../../helpers/test-database';

/**
 * The Docker image without Docker: the final stage of the Dockerfile laid out in a temporary /app as its COPY
 * lines say (read from the Dockerfile, so this cannot drift from it), its node_modules from a production install
 * (`npm ci --omit=dev`, as its dependency stage runs), the code owned by root and read-only to the user the
 * commands run as, that user writing only where the Dockerfile lets `node` write. Every `docker compose exec api`
 * line of docs/operators.md runs there, against the test database, and so does the image's CMD.
 */
const ROOT = join(__dirname, '..', '..', '..', '..');
/** Debian's `nobody`: when the test runs as root (CI does), the commands run as this unprivileged user. */
const NOBODY = 65534;
const RUN_AS = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : undefined;
const SECRET = 'production-image-test-secret-0123456789';
/** A record series only this test writes, in name order as an export writes it. */
const SERIES = {
  label: 'RecordSeries',
  properties: {
    fiscalYear: 2024,
    id: 'indicator-result:production-image-test:2024',
    revision: 0,
    subjectId: 'indicator:production-image-test',
  },
};

function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; asUser?: boolean },
): Promise<CommandResult> {
  return runCommand(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    ...(options.asUser === true ? RUN_AS : {}),
  });
}

/** The commands docs/operators.md has operators run in the API's container, without `docker compose exec api`. */
function guideCommands(): string[] {
  const guide = documentationFiles().find((file) => file.path === join('docs', 'operators.md'));
  if (!guide) throw new Error('docs/operators.md is missing');
  return [...guide.text.matchAll(/^docker compose exec api (.+?)\s*(?:#.*)?$/gm)].map((match) => match[1] ?? '');
}

/** The npm script a guide line runs: `npm run --silent token -- …` → `token`. */
const scriptOf = (command: string): string => /^npm run (?:--silent )?([\w:-]+)/.exec(command)?.[1] ?? command;

describe('the production image, laid out from the Dockerfile', () => {
  jest.setTimeout(240_000);

  let folder: string;
  let app: string;
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const image = finalStage(readDockerfile(join(ROOT, 'Dockerfile')));
  const commands = guideCommands();

  const cleanRecords = () => deleteRecords(db.driver);
  /** The whole graph, and apart the time of its last load (SeedInfo.loadedAt, which every load sets). */
  const graphAndLoadTime = async () => {
    const rows = await db.gateway.read('service/graph-contents');
    const isSeedInfo = (row: (typeof rows)[number]) => Array.isArray(row.labels) && row.labels.includes('SeedInfo');
    const loadedAt = rows.filter(isSeedInfo).map((row) => JSON.stringify(row.properties));
    const graph = rows.map((row) => (isSeedInfo(row) ? { ...row, properties: null } : row));
    return { graph: JSON.stringify(graph), loadedAt };
  };
  /** Owned by the user the commands run as (the image's `node`), readable by it alone. */
  const giveToUser = (path: string, mode: number) => {
    if (RUN_AS !== undefined) chownSync(path, RUN_AS.uid, RUN_AS.gid);
    chmodSync(path, mode);
  };

  beforeAll(async () => {
    db = openTestDatabase();
    folder = mkdtempSync(join(tmpdir(), 'honjo-image-'));
    chmodSync(folder, 0o755);
    app = join(folder, 'app');
    const dependencies = join(folder, 'dependencies');
    mkdirSync(app);
    mkdirSync(dependencies);

    // The dependency stage: its COPY lines into a folder of its own, then its install, beside the build.
    const dependencyCopy = copiesOf(image).find((copy) => copy.sources.includes('/app/node_modules'));
    const dependencyStage = stageNamed(readDockerfile(join(ROOT, 'Dockerfile')), dependencyCopy?.from ?? '');
    for (const copy of copiesOf(dependencyStage)) {
      for (const source of copy.sources) cpSync(join(ROOT, source), join(dependencies, basename(source)));
    }
    // The stage's own install line, run as written (plus --prefer-offline: the test machine's cache serves it).
    const [installLine = ''] = instructionsOf(dependencyStage, 'RUN');
    expect(installLine).toMatch(/^npm ci --omit=dev --omit=optional( |$)/);
    const [, ...installArguments] = installLine.split(/\s+/);
    const [install, build] = await Promise.all([
      run('npm', [...installArguments, '--prefer-offline'], { cwd: dependencies }),
      buildOncePerRun(),
    ]);
    expect({ install: install.status, build }).toEqual({ install: 0, build: 0 });
    // PDF.js's optional native renderer (35 MB) stays out: nothing the image runs draws a PDF.
    expect(existsSync(join(dependencies, 'node_modules', '@napi-rs'))).toBe(false);

    // The final stage's COPY lines: from the build stage (the built checkout), the dependency stage or the context.
    for (const copy of copiesOf(image)) {
      for (const source of copy.sources) {
        const destination = copy.destination.endsWith('/')
          ? join(app, copy.destination, basename(source))
          : join(app, copy.destination);
        if (copy.from === dependencyStage.name)
          renameSync(join(dependencies, source.replace(/^\/app\//, '')), destination);
        else cpSync(join(ROOT, source.replace(/^\/app\//, '')), destination, { recursive: true });
      }
    }
    for (const writable of writableDirectories(image)) {
      mkdirSync(join(app, writable));
      giveToUser(join(app, writable), 0o700);
    }

    // The user's home (the image's /home/node, where npm keeps its logs) and the secrets compose mounts.
    const home = join(folder, 'home');
    mkdirSync(home);
    giveToUser(home, 0o700);
    const secret = (name: string, value: string) => {
      const path = join(folder, name);
      writeFileSync(path, `${value}\n`);
      giveToUser(path, 0o400);
      return path;
    };
    // The image's ENV lines (NODE_ENV=production …), each `NAME=value`.
    const imageEnvironment = Object.fromEntries(
      instructionsOf(image, 'ENV').map((line): [string, string] => [
        line.slice(0, line.indexOf('=')),
        line.slice(line.indexOf('=') + 1),
      ]),
    );
    env = {
      PATH: process.env.PATH,
      HOME: home,
      ...imageEnvironment,
      NEO4J_URI: testNeo4jUri(),
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD_FILE: secret('neo4j-password', testNeo4jPassword()),
      AUTH_SECRET_FILE: secret('auth-secret', SECRET),
      LOG_LEVEL: 'warn',
    };

    await cleanRecords();
    await importRecords(db.gateway, JSON.stringify(SERIES));
  });

  afterAll(async () => {
    await cleanRecords();
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('has no dev dependency and cannot write its own code', async () => {
    expect(instructionsOf(image, 'ENV')).toContain('NODE_ENV=production');
    expect(() => statSync(join(app, 'node_modules', 'typescript'))).toThrow();
    expect(() => statSync(join(app, 'node_modules', 'jest'))).toThrow();
    if (RUN_AS !== undefined) {
      const write = await run('sh', ['-c', 'touch dist/written 2>&1; touch backups/written && echo backups-ok'], {
        cwd: app,
        env,
        asUser: true,
      });
      expect(write.stdout).toMatch(/Permission denied/);
      expect(write.stdout).toContain('backups-ok');
    }
  });

  it('shows operators every command this test checks', () => {
    expect(commands.map(scriptOf).sort()).toEqual(['records:export', 'records:import', 'seed', 'token']);
  });

  it("runs every `docker compose exec api` line of the operators' guide, as the image's user", async () => {
    for (const command of commands) {
      const script = scriptOf(command);
      if (script === 'records:import') {
        // A restore: the records are gone, the backup brings them back.
        await cleanRecords();
      }
      const graphBefore = script === 'seed' ? await graphAndLoadTime() : undefined;
      const started = Date.now();
      const result = await run('sh', ['-c', command], { cwd: app, env, asUser: true });
      process.stderr.write(`${command}: ${Date.now() - started} ms\n`);
      expect({ command, status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({
        command,
        status: 0,
        stderr: '',
      });
      if (script === 'records:export') {
        const file = join(app, 'backups', 'records.jsonl');
        expect(readFileSync(file, 'utf8')).toContain(JSON.stringify(SERIES.properties));
        if (RUN_AS !== undefined) expect(statSync(file).uid).toBe(RUN_AS.uid);
      }
      if (script === 'records:import') {
        expect(result.stderr).toMatch(/imported 1 lines: 1 series added/);
        const exported = await run('sh', ['-c', 'npm run --silent records:export'], { cwd: app, env, asUser: true });
        expect(exported.stdout).toContain(JSON.stringify(SERIES.properties));
      }
      if (script === 'seed') {
        // The same seed again: it loaded (its time is new), and nothing else of the shared test graph changed.
        const graphAfter = await graphAndLoadTime();
        expect(graphAfter.loadedAt).toHaveLength(1);
        expect(graphAfter.loadedAt).not.toEqual(graphBefore?.loadedAt);
        expect(graphAfter.graph === graphBefore?.graph).toBe(true);
      }
      if (script === 'token') {
        const token = result.stdout.trim();
        const authenticate = createAuthenticator({ secret: SECRET, jwksUrl: undefined, anonymousRead: true });
        expect(await authenticate(`Bearer ${token}`)).toMatchObject({ subject: 'yamada', role: 'editor' });
      }
    }
  });

  it("serves with the image's CMD, as the image's user, until ready", async () => {
    const [program = '', ...args] = JSON.parse(instructionsOf(image, 'CMD')[0] ?? '[]') as string[];
    expect(program).toBe('node');
    const port = await freePort();
    const child = spawn(process.execPath, args, {
      cwd: app,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...RUN_AS,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const ready = await new Promise<boolean>((resolve) => {
        createInterface({ input: child.stdout }).on('line', (text) => {
          if (text.includes('GraphQL ready')) resolve(true);
        });
        child.once('exit', () => resolve(false));
      });
      expect({ ready, stderr }).toEqual({ ready: true, stderr: '' });
      const health = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(health.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
  });
});
