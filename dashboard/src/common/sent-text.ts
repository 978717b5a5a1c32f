/**
 * An operation's text as the page sends it: every run of white space made one space (shorter GET URLs). What the
 * build lists in the manifest of trusted documents (../operations.ts). graphql-client.ts does the same inline:
 * this module would otherwise be a few bytes more in every first visit.
 */
export function sentText(source: string): string {
  return source.replace(/\s+/g, ' ').trim();
}
