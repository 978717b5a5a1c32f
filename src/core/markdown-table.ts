/**
 * The tables the guides carry that code writes (the operators' settings, the analysts' numbers): each is made
 * from a declaration and put in place under its heading, so `npm run docs:*` rewrites only the table and the
 * prose around it stays as written.
 */

/** A Markdown table, unaligned: prettier aligns the guides' columns when the command formats the guide. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, header.map(() => '---'), ...rows];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** `guide` with the first table after the line `heading` replaced by `table`. */
export function withTableUnder(guide: string, heading: string, table: string): string {
  const lines = guide.split('\n');
  const at = lines.indexOf(heading);
  const start = lines.findIndex((line, i) => i > at && line.startsWith('|'));
  if (at < 0 || start < 0) throw new Error(`the guide has no table under "${heading}"`);
  let end = start;
  while (lines[end]?.startsWith('|')) end++;
  return [...lines.slice(0, start), ...table.trimEnd().split('\n'), ...lines.slice(end)].join('\n');
}
