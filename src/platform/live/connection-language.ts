import type { IncomingMessage } from 'node:http';
import { messageLanguageOf, type MessageLanguage } from '../http/message-language';

/** The longest `language` a connection_init may send: an Accept-Language list of a few tags is far shorter. */
const MAX_LANGUAGE_LENGTH = 200;

/**
 * The language of a connection's error messages. A browser cannot set headers on a WebSocket, so a page picks it
 * in `connection_init`'s payload, `{ "language": "ja" }` (the dashboard sends the page's language, as it sends
 * Accept-Language over HTTP); without it, the upgrade request's Accept-Language (which a browser fills with its
 * own languages, and any other client may set) decides, as over HTTP. `language` is read as an Accept-Language
 * value (`ja`, `ja-JP`, `ja,en;q=0.5`), so it negotiates the same way; a value that is not a string, or is
 * longer than a language list, is refused with the reason, and the caller closes the connection (4400).
 */
export function connectionLanguage(
  request: Pick<IncomingMessage, 'headers'>,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): MessageLanguage | { readonly refused: string } {
  const chosen = connectionParams?.language;
  if (chosen === undefined || chosen === null) return messageLanguageOf(request);
  if (typeof chosen !== 'string' || chosen.length > MAX_LANGUAGE_LENGTH) {
    return { refused: 'connection_init payload.language must be a language tag such as "ja" or "en"' };
  }
  return messageLanguageOf({ headers: { 'accept-language': chosen } });
}
