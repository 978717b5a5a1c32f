import { Neo4jError, type Session, type Transaction } from 'neo4j-driver';
import { WriteOutcomeUnknownError } from '../core/errors';
import type { Expiry } from './request-budget';

/** Why a write stopped before its COMMIT: the request's deadline passed (nothing was committed, nor will be). */
export class WriteAbandoned extends Error {
  override name = 'WriteAbandoned';

  constructor() {
    super('the write was abandoned at its deadline, before its COMMIT was sent');
  }
}

/**
 * One try of a write transaction, run as an explicit transaction (BEGIN, the statements, COMMIT) rather than
 * through the driver's `executeWrite`, because only then is it known whether COMMIT was sent, which decides
 * what the client may be told:
 *
 * - before COMMIT, any failure (and the deadline) means nothing was written, and nothing will be: COMMIT is
 *   never sent once the request's deadline has passed (`expiry`), and a transaction never committed is rolled back by Neo4j (on ROLLBACK,
 *   on its timeout, or when the connection closes). A failed try may be made again while time is left.
 * - once COMMIT is sent, a refusal by the server (a `Neo.ClientError` or `Neo.TransientError` answer to COMMIT)
 *   still means nothing was written; a broken connection, a server-side database error or no answer before the
 *   deadline means the outcome is unknown (`WriteOutcomeUnknownError`), and the try is never made again: the
 *   first one may have been stored. `executeWrite` retries such a lost COMMIT, which can store a write twice.
 *
 * The transaction's Neo4j timeout is the time the request has left, so the database itself aborts a
 * transaction that outlives the request.
 */
export class WriteAttempt {
  private commitSent = false;

  /** True once COMMIT was sent: from then on a failure or the deadline leaves the outcome unknown. */
  get committing(): boolean {
    return this.commitSent;
  }

  async run<T>(
    session: Session,
    timeoutMs: number | undefined,
    expiry: Expiry | undefined,
    work: (tx: Transaction, checkpoint: () => void) => Promise<T>,
  ): Promise<T> {
    const checkpoint = (): void => {
      if (expiry?.passed === true) throw new WriteAbandoned();
    };
    checkpoint();
    const tx = session.beginTransaction(timeoutMs === undefined ? undefined : { timeout: timeoutMs });
    let result: T;
    try {
      result = await work(tx, checkpoint);
      checkpoint();
    } catch (error) {
      // Nothing was committed; the rollback's own failure (a broken connection) changes nothing about that.
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      throw error;
    }
    this.commitSent = true;
    try {
      await tx.commit();
    } catch (error) {
      throw refusedByServer(error) ? error : new WriteOutcomeUnknownError(commitFailure(error));
    }
    return result;
  }
}

/**
 * The server answered COMMIT with a failure of the client or a transient one (a timeout, a deadlock, a
 * constraint): such a transaction is rolled back, not committed. A `Neo.DatabaseError` (the commit itself
 * failed inside the database) is not counted here: its outcome is left unknown, erring on the safe side.
 */
function refusedByServer(error: unknown): boolean {
  return error instanceof Neo4jError && /^Neo\.(ClientError|TransientError)\./.test(error.code);
}

function commitFailure(error: unknown): string {
  if (error instanceof Neo4jError) return `the commit failed with ${error.code}`;
  return 'the connection failed while committing';
}
