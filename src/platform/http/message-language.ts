import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';

/** The languages error messages are written in; English first, so it is the default. */
const MESSAGE_LANGUAGES = ['en', 'ja'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * The language of the request's error messages, by its Accept-Language (RFC 9110 12.5.4, with q-values):
 * Japanese when the client prefers it to English (`ja`, `ja-JP`, `ja,en;q=0.8`), English otherwise, and
 * when the header is absent or names neither.
 */
export function messageLanguageOf(request: Pick<IncomingMessage, 'headers'>): MessageLanguage {
  if (request.headers['accept-language'] === undefined) return 'en';
  return new Negotiator(request).language(MESSAGE_LANGUAGES) === 'ja' ? 'ja' : 'en';
}
