import neo4j, { type Driver } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../core/errors';
import { toDriverParams } from './driver-params';
import { translate } from './graph-gateway';
import type { RecordedRead } from './recent-reads';

export interface WarmUpSettings {
  /** No statement is started after this long: the rest are planned by the traffic that needs them. */
  readonly budgetMs: number;
  /**
   * Neo4j's timeout for one statement. Not the budget's remaining time: a statement started near the end is
   * let finish (a statement stopped half planned had cost its time for nothing, and the traffic then planned it
   * again).
   */
  readonly statementTimeoutMs: number;
  /** Statements run at once (the machine's cores plan them; more would only share the same cores). */
  readonly lanes: number;
}

/**
 * Thirty seconds, one statement at a time, in the background of a database that serves again: the reads held
 * through the outage plan their own statements, and this plans the rest (those the traffic has not run since)
 * once they are answered. One lane leaves the other core to the traffic; on a fresh JVM one of the service's
 * larger statements took 0.4–2 s to plan (more on a loaded machine). What is not planned within the budget is
 * planned by the traffic that needs it, as Neo4j plans every statement on its first run anyway.
 */
export const WARM_UP_SETTINGS: WarmUpSettings = { budgetMs: 30_000, statementTimeoutMs: 10_000, lanes: 1 };

/** What a warm-up did, for the supervisor's log line. */
export interface WarmUpOutcome {
  /** Statements that ran (and so are planned and cached by Neo4j). */
  readonly planned: number;
  /** Statements left alone because the traffic ran them (and so planned them) before their turn came. */
  readonly skipped: number;
  /** Statements that failed (their plan may still be cached; nothing depends on them). */
  readonly failed: number;
  /** Why the first statement that failed did (its error's first line), for the log. */
  readonly firstFailure?: string | undefined;
  /** Statements not started because the budget was spent, or because the database went away. */
  readonly left: number;
  /**
   * The database went away during the warm-up (its JVM died again): the statements not planned yet are left,
   * not counted as failed; the warm-up after its next restart plans them.
   */
  readonly databaseGone?: boolean;
  readonly durationMs: number;
}

/**
 * A statement's turn in the warm-up: `planned` (the traffic ran it meanwhile: it is left alone), or `plan` it
 * now and call `done` when it has ended.
 */
export type WarmUpTurn = { readonly kind: 'planned' } | { readonly kind: 'plan'; readonly done: () => void };

const PLAN_NOW: WarmUpTurn = { kind: 'plan', done: () => undefined };

/**
 * Runs `reads` (read statements the service ran before) on `database` in their order, `lanes` at a time,
 * until the budget is spent, so that Neo4j plans and caches each before the traffic that runs them returns;
 * each waits for its `turn` first, and one the turn says the traffic has run meanwhile is left alone. They are reads, so running them again
 * changes nothing; their rows are discarded. No statement starts after the budget; one under way then is let
 * finish (within `statementTimeoutMs`).
 */
export async function warmPlans(
  driver: Driver,
  database: string,
  reads: readonly RecordedRead[],
  settings: WarmUpSettings = WARM_UP_SETTINGS,
  turn: (read: RecordedRead) => Promise<WarmUpTurn> = () => Promise.resolve(PLAN_NOW),
): Promise<WarmUpOutcome> {
  const started = Date.now();
  const deadline = started + settings.budgetMs;
  const queue = [...reads];
  let ran = 0;
  let skipped = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  let databaseGone = false;
  const lane = async (): Promise<void> => {
    for (let read = queue.shift(); read !== undefined; read = queue.shift()) {
      if (Date.now() >= deadline || databaseGone) {
        queue.unshift(read);
        return;
      }
      const mine = await turn(read);
      if (mine.kind === 'planned') {
        skipped += 1;
        continue;
      }
      if (Date.now() >= deadline || databaseGone) {
        mine.done();
        queue.unshift(read);
        return;
      }
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.run(read.text, toDriverParams(read.params), { timeout: settings.statementTimeoutMs });
        ran += 1;
      } catch (error) {
        // Unreachable: every statement after it would fail the same way within milliseconds (a drill's second
        // kill during the warm-up counted all 54 as failed); they are left for the next restart's warm-up.
        if (translate(error) instanceof DatabaseUnavailableError) {
          databaseGone = true;
          queue.unshift(read);
          return;
        }
        failed += 1;
        firstFailure ??= (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 200);
      } finally {
        mine.done();
        await session.close().catch(() => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, settings.lanes) }, lane));
  return {
    planned: ran,
    skipped,
    failed,
    firstFailure,
    left: queue.length,
    databaseGone,
    durationMs: Date.now() - started,
  };
}

/**
 * The outcome in a few words: `planned 8 statements in 2.9 s (3 run by requests, 1 failed, 12 left to traffic)`,
 * or `… (stopped: the database went away, 40 left)`.
 */
export function describeWarmUp(outcome: WarmUpOutcome): string {
  const extras = [
    ...(outcome.skipped > 0 ? [`${outcome.skipped} run by requests`] : []),
    ...(outcome.failed > 0
      ? [
          `${outcome.failed} failed${outcome.firstFailure === undefined ? '' : `, the first with "${outcome.firstFailure}"`}`,
        ]
      : []),
    ...(outcome.databaseGone === true
      ? [`stopped: the database went away${outcome.left > 0 ? `, ${outcome.left} left` : ''}`]
      : outcome.left > 0
        ? [`${outcome.left} left to traffic`]
        : []),
  ];
  const seconds = (outcome.durationMs / 1000).toFixed(1);
  return `planned ${outcome.planned} statements in ${seconds} s${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}
