import type { Declaration, DeclaredProperty } from '../../graph/properties/declared-property';
import type { CellValue, ColumnType, ExportColumn, ExportKind } from './export-column';

/**
 * The export columns of a node type's declared numbers (src/graph/properties/): a kind lists its columns
 * with the name of a declared number where its column goes, and every exported number it does not place
 * comes last (before the source columns), so a newly declared one is exported with no change here. The
 * selection asks for each exported number (a fiscal year's `year`).
 */

/** What the GraphQL answer holds for the exported numbers: a number, or a fiscal year's `{ year }`. */
export type ExportedValues<D extends Declaration> = {
  readonly [K in keyof D & string as D[K] extends { readonly export: object } ? K : never]:
    (D[K]['type'] extends 'FiscalYear' ? { readonly year: number } : number) | null;
};

type Placed<TNode, D extends Declaration> = ExportColumn<TNode> | (keyof ExportedValues<D> & string);

const COLUMN_TYPE: Readonly<Record<DeclaredProperty['type'], ColumnType>> = {
  Int: 'integer',
  Float: 'decimal',
  FiscalYear: 'year',
};

/** The kind with its declared numbers' columns placed (or appended) and asked for in its selection. */
export function withDeclaredColumns<D extends Declaration, TNode extends ExportedValues<D>>(
  declaration: D,
  kind: Omit<ExportKind<TNode>, 'columns'> & { readonly columns: readonly Placed<TNode, D>[] },
): ExportKind<TNode> {
  const exported = Object.entries(declaration).filter(([, property]) => property.export !== undefined);
  const placed = new Set<string>(kind.columns.flatMap((column) => (typeof column === 'string' ? [column] : [])));
  const columnOf = (name: string): ExportColumn<TNode> => declaredColumn(name, declaration[name]);
  const selection = exported.map(([name, property]) => (property.type === 'FiscalYear' ? `${name} { year }` : name));
  return Object.assign({}, kind, {
    selection: `${kind.selection} ${selection.join(' ')}`,
    columns: [
      ...kind.columns.map((column) => (typeof column === 'string' ? columnOf(column) : column)),
      ...exported.filter(([name]) => !placed.has(name)).map(([name]) => columnOf(name)),
    ],
  });
}

function declaredColumn<TNode>(name: string, property: DeclaredProperty | undefined): ExportColumn<TNode> {
  if (property?.export === undefined) throw new Error(`${name} is not an exported declared property`);
  return {
    ja: property.export.ja,
    en: property.export.en,
    type: COLUMN_TYPE[property.type],
    value: (node: TNode): CellValue => {
      const value = (node as Readonly<Record<string, number | { readonly year: number } | null>>)[name] ?? null;
      return typeof value === 'object' && value !== null ? value.year : value;
    },
  };
}
