import { sha256Hex } from './sha256';

/**
 * An operation as the page sends it: its text with every run of white space made one space (shorter GET URLs),
 * and its id, the SHA-256 of that text: what the build lists in the manifest of trusted documents
 * (../operations.ts) and the service looks operations up by. Ids are computed once per text.
 */
export interface SentOperation {
  readonly text: string;
  readonly id: string;
}

const sent = new Map<string, SentOperation>();

export function sentOperation(source: string): SentOperation {
  let operation = sent.get(source);
  if (operation === undefined) {
    const text = sentText(source);
    operation = { text, id: sha256Hex(text) };
    sent.set(source, operation);
  }
  return operation;
}

/** The text as sent: white space runs made one space, none at the ends. */
export function sentText(source: string): string {
  return source.replace(/\s+/g, ' ').trim();
}

/** The meta tag by which the service says it knows the page's operations by id (src/web/dashboard/dashboard-page.ts). */
const DOCUMENT_IDS_META = 'graphql-document-ids';

/**
 * Whether to send ids instead of texts: when the service runs a manifest of trusted documents (TRUSTED_DOCUMENTS)
 * it says so in the page, and then knows every operation of this build by id. Without one, texts, as always.
 */
export function sendsDocumentIds(): boolean {
  return document.querySelector(`meta[name="${DOCUMENT_IDS_META}"]`) !== null;
}

/** Apollo's persisted-query extension naming an operation by id (the service resolves it from its manifest). */
export function persistedQuery(operation: SentOperation): {
  readonly persistedQuery: { readonly version: 1; readonly sha256Hash: string };
} {
  return { persistedQuery: { version: 1, sha256Hash: operation.id } };
}

/**
 * Apollo's answer to an id it does not know (automatic persisted queries without a manifest): the page then
 * sends the same request with its text.
 */
export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';
