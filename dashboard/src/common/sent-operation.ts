/**
 * How the page names its operations: by their texts as sent (sent-text.ts), which the build lists in the manifest
 * of trusted documents (../operations.ts). When the service runs
 * such a manifest it says so in the page (`<meta name="graphql-ids">`, src/web/dashboard/
 * dashboard-page.ts) and knows every operation of this build by id: the page then sends `documentId`, the SHA-256
 * of the text (sha256.ts, a chunk loaded only then, so a first visit without a manifest carries none of its code).
 */

/** Present when the service knows this build's operations by id (it runs a manifest of trusted documents). */
export const DOCUMENT_IDS_SELECTOR = 'meta[name=graphql-ids]';
