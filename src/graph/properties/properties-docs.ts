import type { NodeLabel } from '../graph-model';
import { DECLARED_PROPERTIES } from './declared-properties';
import { isNullableField, type Declaration, type DeclaredProperty } from './declared-property';

/**
 * The declared numbers as the analysts' guide (docs/analysts.md) shows them, made from their declaration:
 * per label, a table under `## <Label's name>' numbers` of what each number offers, and its row of the
 * aggregates table ("## Numbers, nested pages and all-of filters"). `npm run docs:properties` writes both, and
 * tests/unit/docs/declared-properties-table.test.ts fails while the guide differs from what this makes.
 */

/** How the guide names a label's nodes: the aggregates table's first cell, and its own section's heading. */
export const GUIDE_NAMES: Readonly<Partial<Record<NodeLabel, { readonly row: string; readonly heading: string }>>> = {
  ReformSheet: { row: 'reform sheets', heading: "Reform sheets' numbers" },
};

export const DECLARED_TABLE_HEADER = ['field', 'unit', 'filter', 'orderBy', 'aggregate', 'export column', 'meaning'];

const dash = '—';

function rowOf(name: string, property: DeclaredProperty): string[] {
  const type = `${property.type}${isNullableField(property) ? '' : '!'}`;
  return [
    `\`${name}\`: ${type}`,
    property.unit,
    property.filter === undefined ? dash : `\`${name}: { gte: … }\``,
    property.order === undefined ? dash : `\`${property.order.value}\``,
    property.aggregate === undefined ? dash : `\`${name}\``,
    property.export === undefined ? dash : `${property.export.ja} / ${property.export.en}`,
    property.description.replace(/\|/g, '\\|'),
  ];
}

/** The rows of a label's table of declared numbers, in declaration order. */
export function declaredTableRows(declaration: Declaration): string[][] {
  return Object.entries(declaration).map(([name, property]) => rowOf(name, property));
}

/** The cell of the aggregates table that lists a label's figures besides `count`. */
export function aggregatesCell(declaration: Declaration): string {
  return Object.entries(declaration)
    .filter(([, property]) => property.aggregate !== undefined)
    .map(([name]) => `\`${name}\``)
    .join(', ');
}

function markdownTable(rows: readonly (readonly string[])[]): string {
  const lines = [DECLARED_TABLE_HEADER, DECLARED_TABLE_HEADER.map(() => '---'), ...rows];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The guide with every declared label's table and aggregates row as the declarations make them. */
export function guideWithDeclaredNumbers(guide: string): string {
  let lines = guide.split('\n');
  for (const [label, names] of Object.entries(GUIDE_NAMES)) {
    const declaration = DECLARED_PROPERTIES[label as NodeLabel];
    if (!names || !declaration) continue;
    lines = withTableUnder(lines, `## ${names.heading}`, markdownTable(declaredTableRows(declaration)));
    const row = lines.findIndex((line) => new RegExp(`^\\|\\s*${names.row}\\s*\\|`).test(line));
    if (row < 0) throw new Error(`the aggregates table has no "${names.row}" row`);
    lines[row] = `| ${names.row} | ${aggregatesCell(declaration)} |`;
  }
  return lines.join('\n');
}

function withTableUnder(lines: readonly string[], heading: string, table: string): string[] {
  const at = lines.indexOf(heading);
  const start = lines.findIndex((line, i) => i > at && line.startsWith('|'));
  if (at < 0 || start < 0) throw new Error(`the guide has no table under "${heading}"`);
  let end = start;
  while (lines[end]?.startsWith('|')) end++;
  return [...lines.slice(0, start), ...table.split('\n'), ...lines.slice(end)];
}
