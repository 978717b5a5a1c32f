import type { SourceDocument } from '../source-document';
import { foldDigitsAndLatin } from '../../core/text';
import type { FileLine } from './file-line';
import { removePageFurniture } from './page-furniture';
import { joinRunningText } from './running-text';
import { splitSpaceColumns } from './space-columns';
import { joinWrappedCells } from './wrapped-cells';

/**
 * What another extraction of the same PDF changes without changing the text, removed before the text
 * fixes and the parsers see the document (src/ingest/README.md lists each kind): a byte-order mark,
 * CR line ends (SourceDocument), full-width digits and Latin letters, page furniture, running text
 * wrapped at another width. Every remaining line keeps the file line it starts on, so refs (and every
 * node's sourceLine) point into the file.
 */
export interface NoiseOptions {
  /**
   * Whether running text is joined by its width (`running-text.ts`). A reader that reads its paragraphs as
   * pieces joins them itself and turns it off: seeing lines of one width, the joiner can join a heading to
   * the paragraph above.
   */
  readonly joinRunningText: boolean;
}

export function removeExtractionNoise(
  doc: SourceDocument,
  options: NoiseOptions = { joinRunningText: true },
): SourceDocument {
  const lines: FileLine[] = doc.lines.map((line, index) => {
    const printed = index === 0 ? line.replace(/^\uFEFF/, '') : line;
    return { text: foldDigitsAndLatin(printed), fileLine: doc.fileLine(index + 1), printed };
  });
  // Columns first, while blank lines still part the tables a layout-mode tool aligned one by one (removing
  // page furniture drops the blank lines around a break, so two tables would stand as one). Then furniture:
  // a page break inside a paragraph or a cell leaves its halves next to each other, to be joined.
  // Wrapped cells are joined for every document: a text dump that cut lines at a fixed count split Latin words
  // (`PT` `A`), and only its widths tell that break from a layout's dropped space (wrap-column.ts).
  const cells = joinWrappedCells(removePageFurniture(splitSpaceColumns(doc.name, lines)));
  const clean = options.joinRunningText ? joinRunningText(cells) : cells;
  return doc.withFileLines(
    clean.map((line) => line.text),
    clean.map((line) => line.fileLine),
    clean.map((line) => line.printed),
  );
}
