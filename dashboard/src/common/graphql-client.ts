import { DOCUMENT_IDS_SELECTOR } from './sent-operation';
import { languageOf, text as uiText, type Language } from './i18n';

/**
 * The language the page is shown in (app.tsx keeps it on `<html lang>`). Sent as Accept-Language, so the API
 * writes its error messages in it: Japanese staff read a refusal in Japanese, whatever the browser's own setting.
 */
export function pageLanguage(): Language {
  return languageOf(document.documentElement.lang);
}

/** A GraphQL answer with errors, or an HTTP failure, with the server's messages. */
export class GraphQLRequestError extends Error {}

interface GraphQLBody<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string }[];
}

/**
 * Asks the service's public /graphql endpoint with a GET, as any client may: GET answers can be cached by the
 * browser and by proxies. Apollo's CSRF prevention refuses a GET that a plain form could send; the
 * `apollo-require-preflight` header shows this is a script. The URL is relative to /dashboard, so it works
 * behind a path prefix too. When the service runs a manifest of trusted documents, the operation is named by
 * its id instead of its text (sent-operation.ts).
 */
export async function queryGraphQL<T>(query: string, variables: Readonly<Record<string, unknown>> = {}): Promise<T> {
  const text = query.replace(/\s+/g, ' ').trim(); // sent-text.ts's sentText, inlined (first-visit bytes)
  // The documented id field (`documentId`) when the page says the service runs a manifest (sent-operation.ts);
  // the hash's code is loaded only then.
  const parameters = new URLSearchParams(
    document.querySelector(DOCUMENT_IDS_SELECTOR)
      ? { documentId: (await import('./sha256')).sha256Hex(text) }
      : { query: text },
  );
  if (Object.keys(variables).length > 0) parameters.set('variables', JSON.stringify(variables));
  const language = pageLanguage();
  let response: Response;
  try {
    response = await fetch(`graphql?${parameters.toString()}`, {
      headers: {
        accept: 'application/graphql-response+json, application/json;q=0.9',
        'accept-language': language,
        'apollo-require-preflight': 'true',
      },
    });
  } catch (error) {
    // The browser's own words (`Failed to fetch`) are English whatever the page: say it in the page's language.
    throw new GraphQLRequestError(`${uiText(language, 'serviceUnreachable')} (${String(error)})`);
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new GraphQLRequestError(`${uiText(language, 'answerNotJson')} (HTTP ${response.status})`);
  }
  // The API's own messages, already in the page's language (Accept-Language above).
  if (body.errors !== undefined && body.errors.length > 0) {
    throw new GraphQLRequestError(body.errors.map((error) => error.message).join('; '));
  }
  if (!response.ok || body.data === undefined || body.data === null) {
    throw new GraphQLRequestError(`${uiText(language, 'answerWithoutData')} (HTTP ${response.status})`);
  }
  return body.data;
}
