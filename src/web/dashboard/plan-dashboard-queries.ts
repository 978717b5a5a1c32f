import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OperationAnswer, PlanningProgress } from '../ide/plan-examples';
import { DASHBOARD_BUILD_DIRECTORY, START_UP_QUERIES_FILE } from './dashboard-manifest';

/** Runs one operation as an anonymous visitor would; resolves with its answer. */
export type RunOperation = (query: string, variables?: Readonly<Record<string, unknown>>) => Promise<OperationAnswer>;

/** One request of a dashboard view, as dashboard/src/start-up-queries.ts lists it. */
interface StartUpQuery {
  readonly view: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** What the built module (START_UP_QUERIES_FILE) exports. */
interface StartUpModule {
  readonly START_UP_SAMPLES_QUERY: string;
  startUpQueries(samples: unknown): readonly StartUpQuery[];
}

/** The dashboard's first requests run at most this long in all; start-up goes on without the rest. */
const PLANNING_BOUND_MS = 60_000;

/**
 * Runs the dashboard views' first requests once before the service says it is ready, as the IDE's examples
 * are (plan-examples.ts): Neo4j plans their statements now, not for the first visitor after a deploy. The ids
 * they need (an indicator, a sheet, a policy item, a department) are read from the graph first. Resolves with
 * a few words for the start-up log; a request that fails is counted, never fatal, and a build without the
 * dashboard plans nothing.
 */
export async function planDashboardQueries(
  run: RunOperation,
  modulePath: string = join(DASHBOARD_BUILD_DIRECTORY, START_UP_QUERIES_FILE),
  progress: PlanningProgress = () => undefined,
): Promise<string> {
  if (!existsSync(modulePath)) return `no dashboard build (${START_UP_QUERIES_FILE}): its queries are not planned`;
  // A module the build made from dashboard/src; its shape is checked below rather than trusted.
  const loaded = (await import(modulePath)) as Partial<StartUpModule>;
  if (typeof loaded.START_UP_SAMPLES_QUERY !== 'string' || typeof loaded.startUpQueries !== 'function') {
    return `${START_UP_QUERIES_FILE} exports no start-up queries: the dashboard's queries are not planned`;
  }
  const started = Date.now();
  const samples = await run(loaded.START_UP_SAMPLES_QUERY);
  const queries = loaded.startUpQueries(samples.data ?? {});
  let failed = (samples.errors?.length ?? 0) > 0 ? 1 : 0;
  let ran = 0;
  progress(ran, queries.length);
  for (const { query, variables } of queries) {
    if (Date.now() - started > PLANNING_BOUND_MS) break;
    const answer = await run(query, variables).catch((error: unknown) => ({ errors: [error] }));
    ran += 1;
    progress(ran, queries.length);
    if ((answer.errors?.length ?? 0) > 0) failed += 1;
  }
  const views = new Set(queries.slice(0, ran).map(({ view }) => view)).size;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const skipped = queries.length - ran;
  return (
    `planned the dashboard's ${ran} first requests (${views} views) in ${seconds} s` +
    (failed > 0 ? `, ${failed} answered with errors` : '') +
    (skipped > 0 ? `, ${skipped} left for lack of time` : '')
  );
}
