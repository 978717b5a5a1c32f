import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, OperationTypeNode, Kind } from 'graphql';
import { buildStartUpQueries } from '../../../../src/web/dashboard/build-dashboard';
import { START_UP_QUERIES_FILE } from '../../../../src/web/dashboard/dashboard-manifest';
import { planDashboardQueries } from '../../../../src/web/dashboard/plan-dashboard-queries';
import { openTestDatabase, type TestDatabase } from '../../../helpers/test-database';
import { startTestServer, type TestServer } from '../../../helpers/test-server';

/**
 * The dashboard's first requests, planned before the service is ready (src/index.ts): the list is built from the
 * views' own query texts (dashboard/src/start-up-queries.ts), its ids come from the seeded graph, and every
 * request really reads something: a request with a missing id would answer null and leave the statements below
 * it unplanned.
 */
describe("planning the dashboard's first requests", () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let server: TestServer;
  let directory: string;
  beforeAll(async () => {
    db = openTestDatabase();
    server = await startTestServer(db.gateway);
    directory = mkdtempSync(join(tmpdir(), 'honjo-start-up-queries-'));
    await buildStartUpQueries(directory);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("runs every view's first request once, each answering data for its ids, none with errors", async () => {
    const ran: { name: string; data: Record<string, unknown> | null; errors?: unknown }[] = [];
    const line = await planDashboardQueries(
      async (query, variables) => {
        const answer = await server.query(query, { ...variables });
        const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
        expect(operation?.kind === Kind.OPERATION_DEFINITION && operation.operation).toBe(OperationTypeNode.QUERY);
        ran.push({
          name: operation?.kind === Kind.OPERATION_DEFINITION ? (operation.name?.value ?? '') : '',
          data: answer.data ?? null,
          errors: answer.errors,
        });
        return answer;
      },
      join(directory, START_UP_QUERIES_FILE),
    );

    expect(ran.filter((entry) => entry.errors !== undefined)).toEqual([]);
    expect(new Set(ran.map((entry) => entry.name))).toEqual(
      new Set([
        'DashboardStartUpSamples',
        'DashboardHeatmap',
        'DashboardFields',
        'DashboardPolicyItem',
        'DashboardProgress',
        'DashboardDepartment',
        'DashboardIndicator',
        'DashboardSheet',
        'DashboardSearch',
      ]),
    );
    // The one-thing views found their thing: the samples were real ids of the seeded graph.
    const byName = (name: string) => ran.find((entry) => entry.name === name)?.data ?? {};
    expect(byName('DashboardIndicator').indicator).toEqual(expect.objectContaining({ __typename: 'Indicator' }));
    expect(byName('DashboardSheet').sheet).not.toBeNull();
    expect(byName('DashboardPolicyItem').policyItem).not.toBeNull();
    expect(line).toMatch(/^planned the dashboard's 10 first requests \(7 views\) in [\d.]+ s$/);
  });

  it('plans nothing, and says so, without a dashboard build', async () => {
    const line = await planDashboardQueries(
      () => {
        throw new Error('nothing may run');
      },
      join(directory, 'absent.cjs'),
    );
    expect(line).toBe('no dashboard build (start-up-queries.cjs): its queries are not planned');
  });
});
