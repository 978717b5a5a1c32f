import type { ServerResponse } from 'node:http';
import { dataDirectorySpace, type DataDirectorySpace } from '../../db/data-directory-space';
import type { DatabaseHealth, SupervisorState } from '../../db/database-health';
import type { GraphGateway } from '../../db/graph-gateway';
import { databaseAnswers } from '../service/database-answers';
import { UNCONFIRMED_AFTER_MS, type DataVersion } from '../service/data-version';
import type { StartUpStep } from '../service/start-up-progress';
import { sendJson } from './send';

/**
 * A polled data version not read for this long makes the instance not ready: its poll (every
 * DATA_VERSION_POLL_MS) has failed or hung for seconds, so it is cut off from writes made through other
 * instances (and no longer serves that version). Longer than the 1 s after which a failed read stops the
 * version being served from cache, so a slow read or two does not take the instance out of a load balancer.
 */
export const DATA_VERSION_NOT_READY_AFTER_MS = UNCONFIRMED_AFTER_MS;

/** What /health/ready checks it answers from. */
export interface ReadinessSources {
  /** Pinged with a trivial query (on the readiness pool in the service). */
  readonly gateway: GraphGateway;
  /** The embedded database's supervisor, when the service runs one. */
  readonly health?: DatabaseHealth;
  readonly dataVersion: DataVersion;
  /** The embedded database's data directory, whose disk space is reported; absent for an external database. */
  readonly dataDirectory?: string;
  /** The start's step while it is not done (the plans of the examples and dashboard not yet warm); none in tests. */
  readonly startUp?: StartUpStep;
}

/** One check of /health/ready: whether it passes, and when not, why, in words an operator can act on. */
interface Check {
  readonly ok: boolean;
  readonly reason?: string;
}

/** GET /health/live: the process is up and serving HTTP; asks nothing else (no database). */
export function live(response: ServerResponse): void {
  sendJson(response, 200, { status: 'ok' });
}

/**
 * /health/ready while the service starts: 503 `{status: 'starting', step}`, `step` naming what the start is
 * doing (`starting the database`, `planning the IDE's examples 12/28` …). A load balancer sends no traffic yet;
 * a request sent anyway is answered, only without its plans warmed.
 */
export function starting(response: ServerResponse, startUp: StartUpStep): void {
  const step = startUp.step() ?? 'starting';
  sendJson(response, 503, { status: 'starting', step, reason: `the service is starting: ${step}` });
}

/**
 * GET /health/ready: while the service starts, 503 `starting` (see `starting`). Then 200 `{status: 'ready',
 * checks}` when every check passes, else 503 `{status: 'unavailable', reason, checks}`, `reason` joining the
 * failed checks' reasons. The checks:
 *
 * - `database`: Neo4j answers a trivial query within 2 s (not asked while the supervisor restarts it);
 * - `supervisor`: the embedded database's state (`running`, `restarting` with its attempt, `stopped`),
 *   or `external` for a database the service does not manage;
 * - `dataVersion`: seconds since the data version was last read; while it is polled, older than
 *   DATA_VERSION_NOT_READY_AFTER_MS fails, naming the last read's error.
 *
 * Beside the checks, both answers carry `dataDirectory`: the embedded database's disk space (see below).
 */
export async function ready(response: ServerResponse, sources: ReadinessSources): Promise<void> {
  if (sources.startUp?.step() !== undefined) return starting(response, sources.startUp);
  const supervisor = supervisorCheck(sources.health?.supervisorState());
  const [database, dataDirectory] = await Promise.all([
    databaseAnswers(sources.gateway, sources.health),
    dataDirectoryDetails(sources.dataDirectory),
  ]);
  const dataVersion = dataVersionCheck(sources.dataVersion);
  const checks = { database, supervisor, dataVersion };
  const failed = Object.values(checks).filter((check) => !check.ok);
  if (failed.length === 0) return sendJson(response, 200, { status: 'ready', checks, dataDirectory });
  // A restart explains the database's silence: its reason says it once.
  const reasons = [...new Set(failed.map((check) => check.reason?.replace(/^not asked: /, '') ?? 'failed'))];
  sendJson(response, 503, { status: 'unavailable', reason: reasons.join('; '), checks, dataDirectory });
}

/**
 * The data directory's disk space: a detail, not a check. A full disk stops writes, not reads, so it must not
 * take the instance out of a load balancer; the `HonjoDataDirectoryDiskLow` alert watches it instead
 * (deploy/prometheus/alerts.yml). No path: /health/ready is public, and the operator knows where it is.
 */
async function dataDirectoryDetails(
  directory: string | undefined,
): Promise<DataDirectorySpace | { readonly external: true; readonly reason: string } | { readonly reason: string }> {
  if (directory === undefined) {
    return {
      external: true,
      reason: 'the database is external (NEO4J_URI): its disk is watched where it runs, not by this service',
    };
  }
  try {
    return await dataDirectorySpace(directory);
  } catch (error) {
    // The code alone (ENOENT, EACCES): the message would carry the path.
    // Checked by shape: errors of node's fs are not instances of a jest sandbox's Error.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
    return { reason: `the data directory could not be measured (${code})` };
  }
}

function supervisorCheck(
  state: SupervisorState | undefined,
): Check & { state: SupervisorState['state'] | 'external'; attempt?: number } {
  if (state === undefined) return { ok: true, state: 'external' };
  switch (state.state) {
    case 'running':
      return { ok: true, state: 'running' };
    case 'restarting':
      return {
        ok: false,
        state: 'restarting',
        attempt: state.attempt,
        reason: `embedded database restarting (attempt ${state.attempt})`,
      };
    case 'stopped':
      return { ok: false, state: 'stopped', reason: 'embedded database stopped' };
  }
}

function dataVersionCheck(dataVersion: DataVersion): Check & { ageSeconds: number; polledEveryMs?: number } {
  const ageMs = dataVersion.ageMs();
  const ageSeconds = Math.round(ageMs / 100) / 10;
  const polling = dataVersion.pollingSettings();
  if (polling === undefined) return { ok: true, ageSeconds };
  const polledEveryMs = polling.intervalMs;
  if (ageMs <= DATA_VERSION_NOT_READY_AFTER_MS) return { ok: true, ageSeconds, polledEveryMs };
  const lastError = dataVersion.lastReadError();
  return {
    ok: false,
    ageSeconds,
    polledEveryMs,
    reason:
      `data version last read ${ageSeconds} s ago (more than ${DATA_VERSION_NOT_READY_AFTER_MS / 1000} s): ` +
      `writes through other instances may be missing${lastError === undefined ? '' : `; last read failed: ${lastError}`}`,
  };
}
