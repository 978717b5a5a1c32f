import { ErrorCode } from '../../core/errors';
import type { RequestSlots } from '../service/request-slots';
import type { Step } from './middleware-chain';
import { sendErrorJson } from './localized-errors';

/** What a turned-away client is told to wait, in seconds (as SERVICE_BUSY's other answers). */
const RETRY_AFTER_SECONDS = 1;

/**
 * Lets an API request (/graphql, /export) on only when one of the service's request slots is free
 * (src/platform/service/request-slots.ts), and holds the slot until its answer has been sent or its client
 * left. A request that found no slot within REQUEST_QUEUE_MS gets 503 with `Retry-After` and `SERVICE_BUSY`,
 * in the shape of the other refusals before GraphQL runs, before its body is read, in the request's language.
 */
export function requestAdmission(slots: RequestSlots): Step {
  return (request, response, next) => {
    const free = slots.tryEnter();
    if (free !== undefined) {
      holdUntilAnswered(response, free);
      next();
      return;
    }
    void slots.enter().then((release) => {
      if (release === undefined) {
        refuse(request, response, slots);
        return;
      }
      if (response.destroyed) {
        release();
        return;
      }
      holdUntilAnswered(response, release);
      next();
    });
  };
}

function holdUntilAnswered(response: Parameters<Step>[1], release: () => void): void {
  response.once('close', release);
}

function refuse(request: Parameters<Step>[0], response: Parameters<Step>[1], slots: RequestSlots): void {
  if (response.destroyed) return;
  response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
  sendErrorJson(request, response, 503, {
    errors: [
      {
        message: `The service is working on as many requests as it can (${slots.settings.maxConcurrent}) and none ended within ${slots.settings.maxWaitMs} ms; retry after ${RETRY_AFTER_SECONDS} s.`,
        extensions: { code: ErrorCode.SERVICE_BUSY, retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS },
      },
    ],
  });
}
