import { PERSISTED_QUERY_NOT_FOUND, persistedQuery, sendsDocumentIds, sentOperation } from './sent-operation';
import { languageOf, type Language } from './i18n';

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
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/**
 * Asks the service's public /graphql endpoint with a GET, as any client may: GET answers can be cached by the
 * browser and by proxies. Apollo's CSRF prevention refuses a GET that a plain form could send; the
 * `apollo-require-preflight` header shows this is a script. The URL is relative to /dashboard, so it works
 * behind a path prefix too. When the service runs a manifest of trusted documents, the operation is named by
 * its id (sent-operation.ts), and sent with its text only if the service answers that it does not know the id.
 */
export async function queryGraphQL<T>(query: string, variables: Readonly<Record<string, unknown>> = {}): Promise<T> {
  const operation = sentOperation(query);
  if (sendsDocumentIds()) {
    const byId = await getGraphQL<T>({ extensions: JSON.stringify(persistedQuery(operation)) }, variables);
    if (!byId.unknownId) return byId.answer();
  }
  return (await getGraphQL<T>({ query: operation.text }, variables)).answer();
}

/** One GET: its answer, or whether the service did not know the id it named. */
async function getGraphQL<T>(
  naming: Readonly<Record<string, string>>,
  variables: Readonly<Record<string, unknown>>,
): Promise<{ readonly unknownId: boolean; answer(): T }> {
  const parameters = new URLSearchParams(naming);
  if (Object.keys(variables).length > 0) parameters.set('variables', JSON.stringify(variables));
  const response = await fetch(`graphql?${parameters.toString()}`, {
    headers: {
      accept: 'application/graphql-response+json, application/json;q=0.9',
      'accept-language': pageLanguage(),
      'apollo-require-preflight': 'true',
    },
  });
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new GraphQLRequestError(`the API answered ${response.status} without JSON`);
  }
  const unknownId = body.errors?.some((error) => error.extensions?.code === PERSISTED_QUERY_NOT_FOUND) === true;
  return {
    unknownId,
    answer: () => {
      if (body.errors !== undefined && body.errors.length > 0) {
        throw new GraphQLRequestError(body.errors.map((error) => error.message).join('; '));
      }
      if (!response.ok || body.data === undefined || body.data === null) {
        throw new GraphQLRequestError(`the API answered ${response.status} without data`);
      }
      return body.data;
    },
  };
}
