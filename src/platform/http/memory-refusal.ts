import { ErrorCode } from '../../core/errors';
import type { MemoryGuard } from '../service/memory-guard';
import type { Step } from './middleware-chain';
import { sendErrorJson } from './localized-errors';

/** What a refused client is told to wait, in seconds (as SERVICE_BUSY's other answers, error-http-head.plugin.ts). */
const RETRY_AFTER_SECONDS = 1;

/**
 * Refuses new requests while the service is short of memory (src/platform/service/memory-guard.ts): 503 with
 * `Retry-After` and `SERVICE_BUSY`, in the shape of the other refusals before GraphQL runs, before the body is
 * read, in the request's language. Requests under way finish; the process is neither killed by the kernel nor stopped by V8's heap limit.
 * Every request is noted, so the guard knows when the service is idle.
 */
export function memoryRefusal(guard: MemoryGuard): Step {
  return (request, response, next) => {
    guard.noteRequest();
    if (!guard.refusing) {
      next();
      return;
    }
    response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    sendErrorJson(request, response, 503, {
      errors: [
        {
          message: `The service is short of memory and takes no new requests for now; retry after ${RETRY_AFTER_SECONDS} s.`,
          extensions: { code: ErrorCode.SERVICE_BUSY, retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS },
        },
      ],
    });
  };
}
