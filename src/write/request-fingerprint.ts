import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';

/** What identifies a request for its Idempotency-Key: which operation, and with which variables. */
export interface FingerprintedRequest {
  /** The SHA-256 of the document's text as sent (Apollo's `queryHash`, also for persisted queries). */
  readonly queryHash: string;
  readonly operationName: string | null;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The fingerprint the draft asks a server to keep with a key, to tell the same request sent again from another
 * request reusing the key: a SHA-256 of the document, the operation's name and the variables as canonical
 * JSON (keys sorted, by fast-json-stable-stringify), so `{"a":1,"b":2}` and `{"b":2,"a":1}` are one request.
 * Headers other than the key play no part; who sends it does (keys are per editor).
 */
export function requestFingerprint(request: FingerprintedRequest): string {
  return createHash('sha256')
    .update(stableStringify([request.queryHash, request.operationName, request.variables ?? {}]))
    .digest('hex');
}
