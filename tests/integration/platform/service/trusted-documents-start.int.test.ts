import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../../src/core/project-root';
import { documentIdOf } from '../../../../src/platform/graphql/trusted-documents/document-id';
import { buildOncePerRun } from '../../../helpers/service-build';

/**
 * The compiled service refuses to start on a manifest it cannot use, before it opens a database, with the
 * exit status of a configuration error and a line naming the file and the bad entry.
 */
describe('starting with an unusable manifest of trusted documents', () => {
  jest.setTimeout(300_000);
  let directory: string;

  beforeAll(async () => {
    expect(await buildOncePerRun()).toBe(0);
    directory = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('stops with status 2, naming the file and the entry whose id is not its body', async () => {
    const good = 'query Good { serviceInfo { name } }';
    const bad = 'query Bad { serviceInfo { version } }';
    const manifest = join(directory, 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [
          { id: documentIdOf(good), name: 'Good', type: 'query', body: good },
          { id: documentIdOf(good), name: 'Bad', type: 'query', body: bad },
        ],
      }),
    );
    const service = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'index.js')], {
      env: {
        PATH: process.env.PATH,
        TRUSTED_DOCUMENTS: manifest,
        EMBEDDED_NEO4J_DATA: join(directory, 'data'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    service.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    service.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const status = await new Promise<number | null>((resolve) => service.once('close', resolve));
    expect(status).toBe(2);
    // One JSON line a message (not a terminal): the messages as written.
    const messages = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toContainEqual(
      `configuration error: TRUSTED_DOCUMENTS: ${manifest}: operations[1] (Bad): "id" ${documentIdOf(good)} is not the SHA-256 of its body (${documentIdOf(bad)})`,
    );
    // Refused before the database: nothing was started or written.
    expect(messages.join('\n')).not.toMatch(/embedded Neo4j|schema applied/);
  });
});
