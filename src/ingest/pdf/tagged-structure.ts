/** A node of a tagged PDF's structure tree as pdfjs reports it: an element with a role, or a content leaf. */
export interface StructureNode {
  readonly role?: string;
  readonly type?: string;
  readonly id?: string;
  readonly children?: readonly StructureNode[];
}

/**
 * What a tagged PDF says a piece of marked content (by its id) belongs to: a cell of a table row, or a
 * paragraph-like block (a heading, a list item). `table`, `row`, `cell` and `block` number the elements of
 * one page in tree order.
 */
export type ContentPlace =
  | { readonly kind: 'cell'; readonly table: number; readonly row: number; readonly cell: number }
  | { readonly kind: 'block'; readonly block: number };

/** Elements whose content is one run of text however many lines it is set on (PDF 1.7, 14.8.4). */
const BLOCK_ROLES = new Set(['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'Caption', 'BlockQuote', 'TOCI']);

/**
 * The places of one page's marked content, from its structure tree (null for an untagged PDF: then nothing
 * has a place and the text is read by its layout alone). Content outside any table cell or block (a
 * running footer, say) has no place either.
 */
export function contentPlaces(tree: StructureNode | null): Map<string, ContentPlace> {
  const places = new Map<string, ContentPlace>();
  const count = { table: 0, row: 0, cell: 0, block: 0 };
  const visit = (
    node: StructureNode,
    inherited: ContentPlace | null,
    table: number | null,
    row: number | null,
  ): void => {
    if (node.type === 'content' && node.id !== undefined) {
      if (inherited) places.set(node.id, inherited);
      return;
    }
    let place = inherited;
    let inTable = table;
    let inRow = row;
    if (node.role === 'Table') inTable = ++count.table;
    else if (node.role === 'TR' && inTable !== null) inRow = ++count.row;
    else if ((node.role === 'TD' || node.role === 'TH') && inTable !== null && inRow !== null) {
      place = { kind: 'cell', table: inTable, row: inRow, cell: ++count.cell };
    } else if (place === null && node.role !== undefined && BLOCK_ROLES.has(node.role)) {
      place = { kind: 'block', block: ++count.block };
    }
    for (const child of node.children ?? []) visit(child, place, inTable, inRow);
  };
  if (tree) visit(tree, null, null, null);
  return places;
}
