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
export function removeExtractionNoise(doc: SourceDocument): SourceDocument {
  const lines: FileLine[] = doc.lines.map((line, index) => {
    const printed = index === 0 ? line.replace(/^\uFEFF/, '') : line;
    return { text: foldDigitsAndLatin(printed), fileLine: doc.fileLine(index + 1), printed };
  });
  // Columns first, while blank lines still part the tables a layout-mode tool aligned one by one (removing
  // page furniture drops the blank lines around a break, so two tables would stand as one). Then furniture:
  // a page break inside a paragraph or a cell leaves its halves next to each other, to be joined.
  const clean = joinRunningText(joinWrappedCells(removePageFurniture(splitSpaceColumns(doc.name, lines))));
  return doc.withFileLines(
    clean.map((line) => line.text),
    clean.map((line) => line.fileLine),
    clean.map((line) => line.printed),
  );
}
