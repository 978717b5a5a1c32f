import { eraYearLabel, type YearBasis } from '../../core/text/japanese-era';

/**
 * One column of an export: its header in Japanese and English, how a spreadsheet should type its cells, and
 * how its value is read from one node of the GraphQL answer. The kinds (kinds/*.ts) are lists of these.
 */

/** A cell as both writers take it; null is an empty cell. */
export type CellValue = string | number | boolean | null;

/**
 * How a cell is typed in XLSX: `integer` and `year` are whole numbers shown without a thousands separator
 * (a fiscal year is a Gregorian year such as 2024, never "2,024"), `decimal` a number as the documents give
 * it, `boolean` TRUE/FALSE, `text` a string.
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'year' | 'boolean';

export interface ExportColumn<TNode> {
  readonly ja: string;
  readonly en: string;
  readonly type: ColumnType;
  readonly value: (node: TNode) => CellValue;
  /** A `year` column's count of the year for this node: fiscal (年度, the default) or calendar (暦年). */
  readonly yearBasis?: (node: TNode) => YearBasis;
}

/**
 * Each `year` column as two: the era label under the column's own header (令和3年度, or 令和3年（暦年）for a
 * calendar-year statistic), as the documents and the dashboard write years, then the Gregorian year under
 * `<header>（西暦）` for formulas and sorting.
 */
export function withEraYears<TNode>(kind: ExportKind<TNode>): ExportKind<TNode> {
  return {
    ...kind,
    columns: kind.columns.flatMap((column): ExportColumn<TNode>[] => {
      if (column.type !== 'year') return [column];
      const label = (node: TNode): CellValue => {
        const year = column.value(node);
        if (typeof year !== 'number') return year;
        const basis = column.yearBasis?.(node) ?? 'FISCAL';
        return basis === 'CALENDAR' ? `${eraYearLabel(year, basis)}（暦年）` : eraYearLabel(year, basis);
      };
      return [
        { ja: column.ja, en: column.en, type: 'text', value: label },
        { ja: `${column.ja}（西暦）`, en: `${column.en} (Gregorian)`, type: 'year', value: column.value },
      ];
    }),
  };
}

/** Which header row an export carries. */
export type HeaderLanguage = 'ja' | 'en';

export function headerOf(column: ExportColumn<never>, language: HeaderLanguage): string {
  return language === 'en' ? column.en : column.ja;
}

/** Related names in one cell, in the order the API lists them, separated as Japanese lists are (、). */
export function joined(names: readonly string[]): string {
  return names.join('、');
}

/** An SDG with its number, as people in city halls name them: `11 住み続けられるまちづくりを`. */
export function sdgLabels(sdgs: readonly { readonly number: number; readonly name: string }[]): string {
  return joined(sdgs.map((sdg) => `${sdg.number} ${sdg.name}`));
}

/** Where a node was read: every kind ends with these two columns (document, then its 1-based line). */
export interface Sourced {
  readonly source: { readonly document: string; readonly line: number } | null;
}

/** The GraphQL selection that `sourceColumns` reads. */
const SOURCE_SELECTION = 'source { document line }';

function sourceColumns<TNode extends Sourced>(): ExportColumn<TNode>[] {
  return [
    { ja: '出典文書', en: 'Source document', type: 'text', value: (node) => node.source?.document ?? null },
    { ja: '出典行', en: 'Source line', type: 'integer', value: (node) => node.source?.line ?? null },
  ];
}

/**
 * A kind of sourced nodes, its selection and columns completed with where each node was read: the source
 * columns come last in every such kind, so they are added here rather than listed by each kind.
 */
export function sourcedKind<TNode extends Sourced>(kind: ExportKind<TNode>): ExportKind<TNode> {
  return {
    ...kind,
    selection: `${kind.selection} ${SOURCE_SELECTION}`,
    columns: [...kind.columns, ...sourceColumns<TNode>()],
  };
}

/** The selection of related SDGs that `sdgLabels` reads. */
export const SDGS_SELECTION = 'sdgs { number name }';

/** A kind of entity that can be exported: its URL name, its root connection, what to ask and how to lay it out. */
export interface ExportKind<TNode> {
  /** The name in `/export/<name>.csv`, also the download's file name. */
  readonly name: string;
  /** The root connection of the GraphQL schema that lists these entities (`measures`). */
  readonly connection: string;
  /** Worksheet names. */
  readonly title: { readonly ja: string; readonly en: string };
  /** The fields each node is asked for (a GraphQL selection set's body). */
  readonly selection: string;
  readonly columns: readonly ExportColumn<TNode>[];
  /**
   * For kinds with several rows per node (an indicator's recorded years): the rows of one node of the
   * answer, each laid out by `columns` (so each is a TNode; typed `unknown` here because the list of every kind
   * erases TNode to `never`). Absent: one row per node, the node itself.
   */
  readonly rowsOf?: (node: never) => readonly unknown[];
  /** The most rows `rowsOf` gives one node, so the row limit is checked before the first byte. */
  readonly rowsPerNode?: number;
}
