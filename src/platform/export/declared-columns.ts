import { isNumberAttribute, type Attribute, type Attributes } from '../../graph/kinds/attribute';
import type { DeclaredType } from '../../graph/kinds/declared-property';
import { joined, type CellValue, type ColumnType, type ExportColumn, type ExportKind } from './export-column';

/**
 * The export columns of a node type's declared attributes (src/graph/kinds/): a kind lists its columns
 * with the name of a declared attribute where its column goes, and every exported attribute it does not
 * place comes last (before the source columns), so a newly declared one is exported with no change here. The
 * selection asks for each exported attribute (a fiscal year's `year`).
 */

/** What the GraphQL answer holds for an exported attribute of type T. */
type AnswerOf<T> = T extends 'FiscalYear'
  ? { readonly year: number } | null
  : T extends 'Int' | 'Float'
    ? number | null
    : T extends 'Boolean'
      ? boolean
      : T extends 'String[]'
        ? readonly string[]
        : T extends 'Int[]' | 'Float[]'
          ? readonly number[]
          : string | null;

/** What the GraphQL answer holds for the exported attributes. */
export type ExportedValues<A extends Attributes> = {
  readonly [K in keyof A & string as A[K] extends { readonly export: object } ? K : never]: AnswerOf<A[K]['type']>;
};

type Placed<TNode, A extends Attributes> = ExportColumn<TNode> | (keyof ExportedValues<A> & string);

const NUMBER_COLUMN_TYPE: Readonly<Record<DeclaredType, ColumnType>> = {
  Int: 'integer',
  Float: 'decimal',
  FiscalYear: 'year',
};

/** How a spreadsheet types an attribute's column: numbers as numbers, flags as booleans, the rest as text. */
export function columnTypeOf(attribute: Attribute): ColumnType {
  if (isNumberAttribute(attribute)) return NUMBER_COLUMN_TYPE[attribute.type];
  return attribute.type === 'Boolean' ? 'boolean' : 'text';
}

/** The kind with its declared attributes' columns placed (or appended) and asked for in its selection. */
export function withDeclaredColumns<A extends Attributes, TNode extends ExportedValues<A>>(
  attributes: A,
  kind: Omit<ExportKind<TNode>, 'columns'> & { readonly columns: readonly Placed<TNode, A>[] },
): ExportKind<TNode> {
  const exported = Object.entries(attributes).filter(([, attribute]) => attribute.export !== undefined);
  const placed = new Set<string>(kind.columns.flatMap((column) => (typeof column === 'string' ? [column] : [])));
  const columnOf = (name: string): ExportColumn<TNode> => declaredColumn(name, attributes[name]);
  const selection = exported.map(([name, attribute]) => (attribute.type === 'FiscalYear' ? `${name} { year }` : name));
  return Object.assign({}, kind, {
    selection: `${kind.selection} ${selection.join(' ')}`,
    columns: [
      ...kind.columns.map((column) => (typeof column === 'string' ? columnOf(column) : column)),
      ...exported.filter(([name]) => !placed.has(name)).map(([name]) => columnOf(name)),
    ],
  });
}

type Answer = number | string | boolean | { readonly year: number } | readonly (string | number)[] | null;

/** A cell from an attribute's answer: a fiscal year's year, a list joined as Japanese lists are (、). */
function cellOf(value: Answer | undefined): CellValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return joined(value.map(String));
  return typeof value === 'object' && 'year' in value ? value.year : (value as CellValue);
}

function declaredColumn<TNode>(name: string, attribute: Attribute | undefined): ExportColumn<TNode> {
  if (attribute?.export === undefined) throw new Error(`${name} is not an exported declared attribute`);
  return {
    ja: attribute.export.ja,
    en: attribute.export.en,
    type: columnTypeOf(attribute),
    value: (node: TNode): CellValue => cellOf((node as Readonly<Record<string, Answer>>)[name]),
  };
}
