import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../../core/errors';
import { requestHooksPlugin } from './request-hooks.plugin';

export interface ResponseSizeLimitOptions {
  /** Largest answer sent, in bytes of the serialized body (MAX_RESPONSE_BYTES). */
  readonly maxBytes: number;
  /** The serializer Apollo sends with (its `stringifyResult`), so the size measured is the size sent. */
  readonly stringify: (value: unknown) => string;
}

/**
 * Replaces an answer larger than the cap by one RESPONSE_TOO_LARGE error naming the size, the limit and how
 * to ask for less: a client gets a clear refusal instead of megabytes, or half a body cut off mid-stream.
 * Such a replacement is never cached.
 */
export function responseSizeLimitPlugin<TContext extends object>(
  options: ResponseSizeLimitOptions,
): ApolloServerPlugin<TContext> {
  return requestHooksPlugin({
    willSendResponse({ response }) {
      if (response.body.kind !== 'single') return Promise.resolve();
      const bytes = Buffer.byteLength(options.stringify(response.body.singleResult));
      if (bytes > options.maxBytes) {
        // The answer's extensions stay (outside production, the statements it cost).
        response.body.singleResult = {
          ...(response.body.singleResult.extensions ? { extensions: response.body.singleResult.extensions } : {}),
          data: null,
          errors: [
            {
              message:
                `The answer is ${bytes} bytes, more than this service sends in one response ` +
                `(MAX_RESPONSE_BYTES = ${options.maxBytes}); ask for fewer fields, use smaller pages ` +
                '(`first`) and follow `pageInfo.endCursor`, or split the request.',
              extensions: {
                code: ErrorCode.RESPONSE_TOO_LARGE,
                responseBytes: bytes,
                limitBytes: options.maxBytes,
              },
            },
          ],
        };
        response.http.headers.set('cache-control', 'no-store');
      }
      return Promise.resolve();
    },
  });
}
