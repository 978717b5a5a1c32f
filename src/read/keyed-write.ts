import type { PlainRow } from '../db/plain-values';

/**
 * What a write knows of its request's Idempotency-Key, decided before execution (idempotency-key.plugin.ts):
 * either the key already answered a request (replay its answer, write nothing), or this request holds the key's
 * claim (store the answer with the write, in its transaction).
 */
export type KeyedWrite = ReplayedWrite | ClaimedWrite;

/** The answer a write gave, as kept with its key: the record's GraphQL type and its properties then. */
export interface StoredAnswer {
  readonly label: string;
  readonly record: PlainRow;
}

/** The key answered a request before: its first answer is given again. */
export interface ReplayedWrite {
  readonly kind: 'replay';
  readonly key: string;
  readonly answer: StoredAnswer;
}

/** This request holds the key's claim: the write stores its answer with the key, or the claim is released. */
export interface ClaimedWrite {
  readonly kind: 'claimed';
  readonly key: string;
  /** The key's node id (the hash of editor and key). */
  readonly id: string;
  /** This request's claim on it. */
  readonly claim: string;
  /**
   * `pending` until the write commits (`written`) or its COMMIT is sent and the outcome lost (`unknown`): a
   * request ending `pending` wrote nothing, and frees the key for the same request to be sent again.
   */
  outcome: 'pending' | 'written' | 'unknown';
}
