import { createHash, randomUUID } from 'node:crypto';
import type { GraphGateway, TransactionRunner } from '../db/graph-gateway';
import { RowReader } from '../db/row-reader';
import {
  DatabaseUnavailableError,
  IdempotencyKeyInUseError,
  IdempotencyKeyReusedError,
  WriteOutcomeUnknownError,
} from '../core/errors';
import type { Log } from '../core/log';
import type { IdempotencySettings } from '../core/config';
import type { ClaimedWrite, KeyedWrite, StoredAnswer } from '../read/keyed-write';
import { quotedInput } from '../core/quoted-input';

/** Keys past their retention are swept at most this often per instance (they are ignored before that anyway). */
const SWEEP_EVERY_MS = 10 * 60_000;
/** Most keys one sweep deletes: a sweep is one small transaction, never a long one. */
const SWEEP_BATCH = 1_000;

/** One keyed write request, as the key's claim sees it. */
export interface KeyRequest {
  /** The editor (the token's `sub`): keys are theirs alone, another editor's same key is another key. */
  readonly owner: string;
  readonly key: string;
  /** See requestFingerprint. */
  readonly fingerprint: string;
  /** The request's deadline (epoch ms): until then its claim stands, and another request with the key gets 409. */
  readonly runningUntil: number;
}

/**
 * The Idempotency-Keys of writes, kept in the database beside the records, so every instance of the service
 * on it sees them. A key is claimed before its write runs (one short transaction: the unique id makes two
 * requests with one key, anywhere, queue there), and its answer is stored in the write's own transaction
 * (`storeAnswerIn`), so a key says "done" exactly when its record is committed. A request that ends without
 * writing frees its claim (`release`); one whose COMMIT's outcome is unknown keeps it until its deadline,
 * after which the next request with the key takes it over, waiting on the key's lock for a COMMIT still in
 * flight, so it finds the first write's answer if that one was stored.
 */
export class IdempotencyKeys {
  private lastSweep = 0;

  /** `service` is the service's own gateway (no request's budget): it releases claims and sweeps old keys. */
  constructor(
    private readonly service: GraphGateway,
    private readonly settings: IdempotencySettings,
    private readonly log: Log,
  ) {}

  /**
   * Claims the key for this request, in the request's time (`gateway`), or finds what it already answered:
   * the same request answered before is a replay; another request with the key is IDEMPOTENCY_KEY_REUSED
   * (422); the same request still running elsewhere is IDEMPOTENCY_KEY_IN_USE (409). A key past its retention
   * is claimed anew, whatever it answered.
   */
  async claim(gateway: GraphGateway, request: KeyRequest): Promise<KeyedWrite> {
    const id = keyId(request.owner, request.key);
    const claim = randomUUID();
    const now = Date.now();
    const claimed: ClaimedWrite = { kind: 'claimed', key: request.key, id, claim, outcome: 'pending' };
    const fresh = { fingerprint: request.fingerprint, createdAt: now, expiresAt: now + this.settings.retentionMs };
    try {
      const found = await gateway.writeTransaction(async (tx): Promise<KeyedWrite> => {
        const reader = await claimOrFind(tx, request, {
          id,
          owner: request.owner,
          key: request.key,
          claim,
          now,
          runningUntil: request.runningUntil,
          ...fresh,
        });
        if (reader.boolean('created')) return claimed;
        const stored = reader.map('key');
        if (stored.number('expiresAt') <= now) {
          await reclaim(tx, id, {
            ...fresh,
            claim,
            runningUntil: request.runningUntil,
            answer: null,
            recordId: null,
            completedAt: null,
          });
          return claimed;
        }
        if (stored.string('fingerprint') !== request.fingerprint) {
          throw new IdempotencyKeyReusedError(
            `Your Idempotency-Key ${quotedInput(request.key)} was used at ${new Date(stored.number('createdAt')).toISOString()} ` +
              'for another request (another operation or other variables); nothing was written. Use a new key for a new request.',
          );
        }
        if (stored.string('state') === 'done') {
          return { kind: 'replay', key: request.key, answer: storedAnswer(stored.string('answer')) };
        }
        const runningUntil = stored.number('runningUntil');
        if (runningUntil > now) {
          const seconds = Math.max(1, Math.ceil((runningUntil - now) / 1000));
          throw new IdempotencyKeyInUseError(
            `The first request with your Idempotency-Key ${quotedInput(request.key)} is still running (until ` +
              `${new Date(runningUntil).toISOString()} at most); send it again in ${seconds} s to get its answer.`,
            seconds,
          );
        }
        // The first request ended without storing anything (its claim outlived it): this one takes the key over.
        await reclaim(tx, id, { claim, runningUntil: request.runningUntil });
        return claimed;
      });
      if (found === claimed) this.sweepNowAndThen(now);
      return found;
    } catch (error) {
      // The claim itself may or may not be stored; the write has not started, so nothing of the record is.
      if (error instanceof WriteOutcomeUnknownError) {
        throw new DatabaseUnavailableError('it did not confirm the Idempotency-Key in time; nothing was recorded');
      }
      throw error;
    }
  }

  /**
   * Frees the key of a request that wrote nothing (refused, failed, or out of time before its COMMIT), so the
   * same key may be sent again, with this request or another. Waited for before the answer, so a client that
   * sends the key again after it is free, but not past the request's deadline (`withinMs`): a database that
   * does not answer frees the key later, or never, and the claim then ends at the request's deadline.
   */
  async release(write: ClaimedWrite, withinMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, withinMs));
    });
    const released = this.service
      .write('idempotency/release', { id: write.id, claim: write.claim, now: Date.now() })
      .then(
        () => undefined,
        (error: unknown) => {
          this.log.warn(
            { event: 'idempotency.release-failed', err: error },
            'an Idempotency-Key claim was not released',
          );
        },
      );
    await Promise.race([released, late]);
    clearTimeout(timer);
  }

  /** Deletes keys past their retention, at most every SWEEP_EVERY_MS, in the background. */
  private sweepNowAndThen(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.service.write('idempotency/delete-expired', { now, limit: SWEEP_BATCH }).then(
      ([row]) => {
        const deleted = new RowReader(row ?? {}).number('deleted');
        if (deleted > 0)
          this.log.info({ event: 'idempotency.swept', deleted }, `${deleted} expired Idempotency-Keys deleted`);
      },
      (error: unknown) => {
        this.log.warn({ event: 'idempotency.sweep-failed', err: error }, 'expired Idempotency-Keys not deleted');
      },
    );
  }
}

/**
 * Stores a write's answer with its key, in the write's transaction (after the record is written): the key is
 * then answered exactly when the record is committed. Throws when the claim is no longer this request's, which
 * rolls the write back.
 */
export async function storeAnswerIn(
  tx: TransactionRunner,
  write: ClaimedWrite,
  recordId: string,
  answer: StoredAnswer,
): Promise<void> {
  const [completed] = await tx.run('idempotency/complete', {
    id: write.id,
    claim: write.claim,
    recordId,
    answer: JSON.stringify(answer),
    at: Date.now(),
  });
  if (completed === undefined) {
    throw new Error(`the Idempotency-Key '${write.key}' was taken over by another request before this write committed`);
  }
}

/**
 * How often a claim runs again when the key it found was deleted under it. Each time means another request
 * created the key and freed it again within this claim's wait for the lock: twice in a row is not a race any
 * more but a key changing hands, and the client is told to send again shortly.
 */
const CLAIM_RUNS = 3;

/**
 * Runs idempotency/claim until it holds a key that exists. A release or a sweep that deletes the key while the
 * claim waits for its lock leaves MERGE with the deleted node (`vanished`); the delete has committed by then,
 * so the same statement again creates the key anew for this request.
 */
async function claimOrFind(
  tx: TransactionRunner,
  request: KeyRequest,
  params: Record<string, unknown>,
): Promise<RowReader> {
  for (let run = 1; run <= CLAIM_RUNS; run += 1) {
    const [row] = await tx.run('idempotency/claim', params);
    const reader = new RowReader(row ?? {});
    if (!reader.boolean('vanished')) return reader;
  }
  throw new IdempotencyKeyInUseError(
    `Your Idempotency-Key ${quotedInput(request.key)} was freed and taken again by other requests while this one ` +
      'waited for it; nothing was written. Send the request again in 1 s.',
    1,
  );
}

/** The key's node id: one editor's key is never another's, whatever either contains. */
export function keyId(owner: string, key: string): string {
  return createHash('sha256')
    .update(JSON.stringify([owner, key]))
    .digest('hex');
}

function reclaim(tx: TransactionRunner, id: string, changes: Record<string, unknown>): Promise<unknown> {
  return tx.run('idempotency/reclaim', { id, changes: { ...changes, state: 'running' } });
}

function storedAnswer(text: string): StoredAnswer {
  const parsed = JSON.parse(text) as StoredAnswer;
  return { label: parsed.label, record: parsed.record };
}
