import { markdownTable, withTableUnder } from '../../core/markdown-table';
import type { NodeLabel } from '../graph-model';
import { DECLARED_PROPERTIES } from './declared-properties';
import { isNullableField, type Declaration, type DeclaredProperty } from './declared-property';

/**
 * The declared numbers as the analysts' guide (docs/analysts.md) shows them, made from their declaration: per
 * label, a table under `## <Label's guide name>' numbers` of what each number offers. `npm run
 * docs:properties` writes them, and tests/unit/docs/declared-properties-table.test.ts fails while the guide
 * differs from what this makes.
 */

/** How the guide names a label's nodes: in its own section's heading, and in the table of the numbers on offer. */
export const GUIDE_NAMES: Readonly<Partial<Record<NodeLabel, string>>> = {
  Indicator: 'indicators',
  Measure: 'measures',
  PolicyItem: 'policy items',
  ReformSheet: 'reform sheets',
};

/** The guide name of a label's nodes; a label the guide does not name is refused. */
export function guideNameOf(label: NodeLabel): string {
  const name = GUIDE_NAMES[label];
  if (name === undefined) throw new Error(`the analysts' guide has no name for ${label} (GUIDE_NAMES)`);
  return name;
}

/** The heading of the section with a label's table of declared numbers, `Reform sheets' numbers`. */
export function declaredSectionOf(label: NodeLabel): string {
  const name = guideNameOf(label);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}' numbers`;
}

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

/** The rows of a label's table of declared numbers that are fields, in declaration order. */
export function declaredTableRows(declaration: Declaration): string[][] {
  return Object.entries(declaration).flatMap(([name, property]) =>
    property.field === false ? [] : [rowOf(name, property)],
  );
}

/** The guide with every declared label's table as the declarations make it. */
export function guideWithDeclaredNumbers(guide: string): string {
  return Object.keys(GUIDE_NAMES).reduce(
    (text, label) =>
      withTableUnder(
        text,
        `## ${declaredSectionOf(label as NodeLabel)}`,
        markdownTable(DECLARED_TABLE_HEADER, declaredTableRows(DECLARED_PROPERTIES[label as NodeLabel])),
      ),
    guide,
  );
}
