import { Kind, OperationTypeNode, parse } from 'graphql';
import { readExampleOperations } from './example-operations';

/** What running one operation gave: its data and its errors, if any (a GraphQL answer's `data` and `errors`). */
export interface OperationAnswer {
  readonly data?: unknown;
  readonly errors?: readonly unknown[];
}

/** Told after each operation run: how many have run of how many (the step /health/ready names). */
export type PlanningProgress = (ran: number, total: number) => void;

/** An example runs at most this long in all; start-up goes on without the rest rather than hang. */
const PLANNING_BOUND_MS = 60_000;

/**
 * Runs every query of the IDE's examples once, one after another, before the service says it is ready (it
 * listens meanwhile, and answers requests without their plans warmed): Neo4j
 * plans (and caches) their statements then, not for the first visitor. A dashboard page took 2 s right after
 * a start and 40 ms once warm. The statements are also recorded as the service's recent reads, so a restart of
 * the embedded database plans them again. Mutations are skipped (they need a signed-in user and would write).
 * Resolves with a few words for the start-up log; an example that fails is counted, never fatal.
 */
export async function planExamples(
  run: (query: string) => Promise<OperationAnswer>,
  progress: PlanningProgress = () => undefined,
): Promise<string> {
  const started = Date.now();
  const queries = (await readExampleOperations()).filter(({ query }) => isQueryOnly(query));
  let failed = 0;
  let ran = 0;
  progress(ran, queries.length);
  for (const { query } of queries) {
    if (Date.now() - started > PLANNING_BOUND_MS) break;
    const answer = await run(query).catch((error: unknown) => ({ errors: [error] }));
    ran += 1;
    progress(ran, queries.length);
    if ((answer.errors?.length ?? 0) > 0) failed += 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const skipped = queries.length - ran;
  return (
    `planned the IDE's ${ran} example queries in ${seconds} s` +
    (failed > 0 ? `, ${failed} answered with errors` : '') +
    (skipped > 0 ? `, ${skipped} left for lack of time` : '')
  );
}

/** Whether the document holds only queries (no mutation or subscription), and parses. */
function isQueryOnly(text: string): boolean {
  try {
    return parse(text).definitions.every(
      (definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.operation === OperationTypeNode.QUERY,
    );
  } catch {
    return false;
  }
}
