import { sha256Hex } from './sha256';

/**
 * Loaded only by a page whose service runs a manifest of trusted documents (sent-operation.ts says when): the
 * extension that names an operation by the SHA-256 of its text as sent, Apollo's persisted-query form, which the
 * service looks up in its manifest.
 */
export function persistedQuery(text: string): {
  readonly persistedQuery: { readonly version: 1; readonly sha256Hash: string };
} {
  return { persistedQuery: { version: 1, sha256Hash: sha256Hex(text) } };
}
