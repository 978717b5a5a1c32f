/**
 * An operation as the page sends it: its text with every run of white space made one space (shorter GET URLs).
 * That text is what the build lists in the manifest of trusted documents (../operations.ts).
 */
export function sentText(source: string): string {
  return source.replace(/\s+/g, ' ').trim();
}

/** Apollo's persisted-query extension: the operation named by the SHA-256 of its text as sent. */
export interface PersistedQuery {
  readonly persistedQuery: { readonly version: 1; readonly sha256Hash: string };
}

/**
 * The extension naming a sent text by id, when the service says in the page (`<meta name="graphql-document-ids">`,
 * src/web/dashboard/dashboard-page.ts) that it runs a manifest of trusted documents and so knows every operation
 * of this build by id; undefined without one: the text is sent, as always. The hash's code is a chunk of its own,
 * loaded only by a page that sends ids, so a first visit without a manifest carries none of it.
 */
export async function byIdIfKnown(text: string): Promise<PersistedQuery | undefined> {
  if (document.querySelector('meta[name="graphql-document-ids"]') === null) return undefined;
  const { sha256Hex } = await import('./sha256');
  return { persistedQuery: { version: 1, sha256Hash: sha256Hex(text) } };
}
