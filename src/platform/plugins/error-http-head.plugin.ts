import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, OUTAGE_RETRY_AFTER_SECONDS } from '../../core/errors';
import { requestHooksPlugin } from './request-hooks.plugin';

/**
 * The HTTP status of an answer refused before execution for one of these codes (the Idempotency-Key
 * draft's statuses: a malformed key 400, a key reused for another request 422, a key whose first request
 * still runs 409). Set here from the code rather than carried in the error's `extensions.http`, which the
 * error formatter would pass on to the client.
 */
const STATUS_OF: Readonly<Partial<Record<string, number>>> = {
  [ErrorCode.IDEMPOTENCY_KEY_INVALID]: 400,
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: 422,
  [ErrorCode.IDEMPOTENCY_KEY_IN_USE]: 409,
  // Turned away before anything ran (cost-admission.plugin.ts), as the request slots and the memory guard answer.
  [ErrorCode.SERVICE_BUSY]: 503,
};

/**
 * How long a client should wait before trying again (Retry-After, in seconds) after an error of these codes,
 * unless the error names its own wait (`extensions.retryAfterSeconds`).
 */
const RETRY_AFTER_OF: Readonly<Partial<Record<string, number>>> = {
  [ErrorCode.SERVICE_UNAVAILABLE]: OUTAGE_RETRY_AFTER_SECONDS,
  [ErrorCode.WRITE_OUTCOME_UNKNOWN]: OUTAGE_RETRY_AFTER_SECONDS,
  [ErrorCode.SERVICE_BUSY]: 1,
  [ErrorCode.IDEMPOTENCY_KEY_IN_USE]: 1,
};

/**
 * Tells HTTP what the errors of an answer mean for a retry: `Retry-After` on every answer with an error a
 * retry can cure (the database not answering, a busy pool, a write whose outcome is unknown, a key still in
 * use), the longest wait its errors name; and the status of the refusals listed above. Other answers keep the
 * status GraphQL over HTTP gives them.
 */
export function errorHttpHeadPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return requestHooksPlugin<TContext>({
    willSendResponse({ response }) {
      if (response.body.kind !== 'single') return Promise.resolve();
      const errors = response.body.singleResult.errors ?? [];
      const waits = errors.map(retryAfterOf).filter((seconds) => seconds !== undefined);
      if (waits.length > 0) response.http.headers.set('retry-after', String(Math.max(...waits)));
      const status = errors.map((error) => STATUS_OF[String(error.extensions?.code)]).find((s) => s !== undefined);
      if (status !== undefined && response.body.singleResult.data == null) response.http.status = status;
      return Promise.resolve();
    },
  });
}

function retryAfterOf(error: GraphQLFormattedError): number | undefined {
  const own = error.extensions?.retryAfterSeconds;
  if (typeof own === 'number' && Number.isInteger(own) && own > 0) return own;
  return RETRY_AFTER_OF[String(error.extensions?.code)];
}
