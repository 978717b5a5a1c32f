/** A node of a tagged PDF's structure tree as pdfjs reports it: an element with a role, or a content leaf. */
export interface StructureNode {
  readonly role?: string;
  readonly type?: string;
  readonly id?: string;
  readonly children?: readonly StructureNode[];
}

/**
 * What a tagged PDF says a piece of marked content (by its id) belongs to: a cell of a table row, or a
 * paragraph-like block (a heading, a list item). `table` and `block` number the elements of one page in
 * tree order; `row` and `cell` are the row's index in its table and the cell's in its row (from 0), counting
 * every row and cell of the element, printed on this page or not.
 */
export type ContentPlace =
  | { readonly kind: 'cell'; readonly table: number; readonly row: number; readonly cell: number }
  | { readonly kind: 'block'; readonly block: number };

/**
 * A table element as one page's structure tree shows it. pdfjs hands every page the whole table a page's
 * content belongs to, rows and cells printed on other pages (or nowhere: an empty cell) included, so a row
 * knows all its cells and a page knows which rows came before it and which follow on later pages.
 */
export interface PageTable {
  /** The number of cells of each row, in order: the table's shape, the same on every page it is printed on. */
  readonly shape: readonly number[];
  /** The first and last row with content on this page (-1 when none has). */
  readonly firstPrinted: number;
  readonly lastPrinted: number;
  /**
   * Whether the first printed row has a cell with no content on this page. Chromium tags no element for an
   * empty cell, so that cell's content is on another page: the row was begun on the page before.
   */
  readonly firstRowBegunBefore: boolean;
}

export interface PageStructure {
  readonly places: Map<string, ContentPlace>;
  /** The page's tables by number, in tree order. */
  readonly tables: Map<number, PageTable>;
}

/** Elements whose content is one run of text however many lines it is set on (PDF 1.7, 14.8.4). */
const BLOCK_ROLES = new Set(['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'Caption', 'BlockQuote', 'TOCI']);
/** Elements that group a table's rows (PDF 1.7, 14.8.4.3.4). */
const ROW_GROUPS = new Set(['THead', 'TBody', 'TFoot']);

/**
 * The places of one page's marked content, from its structure tree (none for an untagged PDF: then nothing
 * has a place and the text is read by its layout alone), and the page's tables. Content outside any table
 * cell or block (a running footer, say) has no place.
 */
export function pageStructure(tree: StructureNode | null): PageStructure {
  const places = new Map<string, ContentPlace>();
  const tables = new Map<number, PageTable>();
  let blocks = 0;
  const mark = (node: StructureNode, place: ContentPlace): boolean => {
    if (node.type === 'content' && node.id !== undefined) {
      places.set(node.id, place);
      return true;
    }
    let marked = false;
    for (const child of node.children ?? []) marked = mark(child, place) || marked;
    return marked;
  };
  const visitTable = (table: StructureNode, number: number): void => {
    const shape: number[] = [];
    let firstPrinted = -1;
    let lastPrinted = -1;
    let firstRowBegunBefore = false;
    const rows = (node: StructureNode): StructureNode[] =>
      (node.children ?? []).flatMap((child) =>
        child.role === 'TR' ? [child] : child.role !== undefined && ROW_GROUPS.has(child.role) ? rows(child) : [],
      );
    rows(table).forEach((row, index) => {
      const cells = (row.children ?? []).filter((child) => child.role === 'TD' || child.role === 'TH');
      shape.push(cells.length);
      const printed = cells.map((cell, position) =>
        mark(cell, { kind: 'cell', table: number, row: index, cell: position }),
      );
      if (printed.some(Boolean)) {
        if (firstPrinted < 0) {
          firstPrinted = index;
          firstRowBegunBefore = !printed.every(Boolean);
        }
        lastPrinted = index;
      }
    });
    tables.set(number, { shape, firstPrinted, lastPrinted, firstRowBegunBefore });
  };
  const visit = (node: StructureNode): void => {
    if (node.role === 'Table') visitTable(node, tables.size + 1);
    else if (node.role !== undefined && BLOCK_ROLES.has(node.role)) mark(node, { kind: 'block', block: ++blocks });
    else for (const child of node.children ?? []) visit(child);
  };
  if (tree) visit(tree);
  return { places, tables };
}

/**
 * Whether `next`, the first table of a page, is `last`, the last table of the page before, going on: the
 * same shape, rows before its first printed one or a first row begun above, and none printed on both pages
 * but the one row a page break may cut.
 */
export function continuesTable(last: PageTable, next: PageTable): boolean {
  return (next.firstPrinted > 0 || next.firstRowBegunBefore) && sameShape(last, next);
}

/**
 * Whether `next` may be `last` going on: the same shape, and its first printed row no earlier than the last
 * printed before (the row a page break cut may be printed on both).
 */
export function sameShape(last: PageTable, next: PageTable): boolean {
  return (
    last.lastPrinted >= 0 &&
    next.firstPrinted >= last.lastPrinted &&
    last.shape.length === next.shape.length &&
    last.shape.every((cells, index) => next.shape[index] === cells)
  );
}
