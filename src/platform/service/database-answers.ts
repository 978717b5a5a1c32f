import type { DatabaseHealth } from '../../db/database-health';
import type { GraphGateway } from '../../db/graph-gateway';

/** How long readiness waits for the database; short, so a dead database turns /health/ready red quickly. */
export const READY_TIMEOUT_MS = 2_000;

/** Whether the database answers now, and when not, why, in words an operator can act on. */
export interface DatabaseAnswer {
  readonly ok: boolean;
  readonly answeredInMs?: number;
  readonly reason?: string;
}

/**
 * Asks the database a trivial query (within READY_TIMEOUT_MS), unless its supervisor already knows it cannot
 * answer (restarting, stopped): then it is not asked, and the known reason is given. The one answer
 * of /health/ready's `database` check and of the `honjo_database_up` gauge, so the two never disagree.
 */
export async function databaseAnswers(
  gateway: GraphGateway,
  health: DatabaseHealth | undefined,
): Promise<DatabaseAnswer> {
  const known = health?.unavailableReason();
  if (known !== undefined) return { ok: false, reason: `not asked: ${known}` };
  const started = performance.now();
  try {
    await withTimeout(gateway.ping(READY_TIMEOUT_MS), READY_TIMEOUT_MS);
    return { ok: true, answeredInMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
