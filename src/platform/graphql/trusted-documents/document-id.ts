import { createHash } from 'node:crypto';

/**
 * A document's id: the SHA-256 of its text, in lowercase hex, as Apollo's persisted queries (APQ's
 * `extensions.persistedQuery.sha256Hash`) and its `generate-persisted-query-manifest` compute it. The text is
 * hashed exactly as sent: one space or comment more is another document.
 */
export function documentIdOf(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** What a document id looks like: 64 lowercase hex digits. */
export const DOCUMENT_ID_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The prefix the GraphQL-over-HTTP persisted-documents proposal puts before a SHA-256 id in `documentId`
 * (`sha256:<hex>`); the service accepts the id with or without it.
 */
export const DOCUMENT_ID_PREFIX = 'sha256:';
