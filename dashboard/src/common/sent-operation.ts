/**
 * How the page names its operations. Their texts are sent with every run of white space made one space (shorter
 * GET URLs): what the build lists in the manifest of trusted documents (../operations.ts). When the service runs
 * such a manifest it says so in the page (`<meta name="graphql-document-ids">`, src/web/dashboard/
 * dashboard-page.ts) and knows every operation of this build by id: the page then sends ids (document-id.ts, a
 * chunk loaded only then, so a first visit without a manifest carries none of the hash's code).
 */
export function sentText(source: string): string {
  return source.replace(/\s+/g, ' ').trim();
}

/** Whether the service knows this build's operations by id (it runs a manifest of trusted documents). */
export function sendsIds(): boolean {
  return document.querySelector('meta[name=graphql-document-ids]') !== null;
}
