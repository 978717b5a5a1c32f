import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { buildSchema } from 'graphql';
import type { OperationAnswer, RunOperation } from '../../../../src/platform/export/export-operation';
import { serveExport } from '../../../../src/platform/export/serve-export';
import { captureLogs } from '../../../helpers/log-capture';

/**
 * What a client sees when an export fails: before the first byte a JSON error with the API's code and
 * status; after it (headers and rows sent) a cut connection, never a file that merely looks complete. The
 * pages come from a stand-in for the service's GraphQL server (no database here: the integration tests run
 * the real one), so the failure can be put exactly on the second page.
 */
const SCHEMA = buildSchema(`
  input MeasureFilter { sdg: Int }
  type MeasureConnection { totalCount: Int! }
  type Query { measures(filter: MeasureFilter, first: Int! = 50, after: String): MeasureConnection! }
`);

function measure(code: string): Record<string, unknown> {
  return {
    code,
    number: 1,
    name: `measure ${code}`,
    previousName: null,
    status: 'UNCHANGED',
    description: null,
    deletionReason: null,
    policyItem: { code: '5-1', name: 'item' },
    departments: [],
    responsibleTerms: [],
    sdgs: [],
    reformSheets: [],
    source: { document: 'doc.txt', line: 1 },
  };
}

const page = (codes: string[], hasNextPage: boolean): OperationAnswer => ({
  data: {
    page: { totalCount: 4, pageInfo: { hasNextPage, endCursor: codes.at(-1) ?? null }, nodes: codes.map(measure) },
  },
});

const timeout: OperationAnswer = {
  errors: [{ message: 'The request took longer than its time budget', extensions: { code: 'REQUEST_TIMEOUT' } }],
};

let server: Server;
let answers: OperationAnswer[];
const logs = captureLogs();

beforeAll(async () => {
  // Each answer comes a little later, as from a database, so the first page's rows are on the wire before
  // the second page fails.
  const run: RunOperation = () => new Promise((resolve) => setTimeout(() => resolve(answers.shift() ?? timeout), 50));
  const app = express();
  app.get(
    '/export/:file',
    serveExport({
      schema: SCHEMA,
      settings: { maxRows: 100, pageSize: 2 },
      operationsFor: () => Promise.resolve({ run, requestId: 'test-request' }),
      logger: logs.logger,
    }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const url = (path: string): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

describe('an export that fails', () => {
  it('before its first byte answers JSON with the code and a matching status', async () => {
    answers = [timeout];
    const response = await fetch(url('/export/measures.csv'));
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({
      error: { code: 'REQUEST_TIMEOUT', message: 'The request took longer than its time budget' },
    });
  });

  it('while streaming cuts the connection, so the partial file cannot pass for a whole one', async () => {
    answers = [page(['5-1-1', '5-1-2'], true), timeout];
    const csv = await fetch(url('/export/measures.csv'));
    expect(csv.status).toBe(200);
    await expect(csv.arrayBuffer()).rejects.toThrow('terminated');
    // The zip is deflated on the thread pool, so its first bytes may or may not be out when the cut comes;
    // either way the download fails.
    answers = [page(['5-1-1', '5-1-2'], true), timeout];
    await expect(fetch(url('/export/measures.xlsx')).then((xlsx) => xlsx.arrayBuffer())).rejects.toThrow();
    expect(logs.lines.filter((line) => line.msg === 'export stopped while streaming')).toHaveLength(2);
  });

  it('succeeds over several pages when none fails', async () => {
    answers = [page(['5-1-1', '5-1-2'], true), page(['5-1-3', '5-1-4'], false)];
    const response = await fetch(url('/export/measures.csv'));
    expect(response.status).toBe(200);
    const lines = Buffer.from(await response.arrayBuffer())
      .toString('utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines.map((line) => line.split(',')[0])).toEqual(['\uFEFFコード', '5-1-1', '5-1-2', '5-1-3', '5-1-4']);
    // One summary line per export, once its last row is out.
    const [summary, ...more] = logs.events('export');
    expect(more).toEqual([]);
    expect(summary).toMatchObject({
      level: 'info',
      requestId: 'test-request',
      kind: 'measures',
      format: 'csv',
      rows: 4,
      pages: 2,
      msg: 'export measures.csv: 4 rows in 2 pages',
    });
    expect(summary?.durationMs).toEqual(expect.any(Number));
  });
});
