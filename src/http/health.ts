import type { ServerResponse } from 'node:http';
import type { DatabaseHealth } from '../db/database-health';
import type { GraphGateway } from '../db/graph-gateway';
import { sendJson } from './send';

/** How long readiness waits for the database; short, so a dead database turns /health/ready red quickly. */
const READY_TIMEOUT_MS = 2_000;

/** GET /health/live: the process is up and serving HTTP. */
export function live(response: ServerResponse): void {
  sendJson(response, 200, { status: 'ok' });
}

/**
 * GET /health/ready: 200 only while Neo4j answers a trivial query; 503 with the reason otherwise. A reason
 * the service already knows (its embedded database is being restarted) is given without pinging.
 */
export async function ready(response: ServerResponse, gateway: GraphGateway, health?: DatabaseHealth): Promise<void> {
  const known = health?.unavailableReason();
  if (known !== undefined) return sendJson(response, 503, { status: 'unavailable', reason: known });
  try {
    await withTimeout(gateway.ping(READY_TIMEOUT_MS), READY_TIMEOUT_MS);
    sendJson(response, 200, { status: 'ready' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    sendJson(response, 503, { status: 'unavailable', reason });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
