import { joinWrapped } from './join-wrapped';
import type { SourceDocument } from './source-document';

/**
 * The text of a paragraph or cell printed on lines `lines` of `doc` (1-based, in reading order), whatever
 * width it was set at: the lines joined as a line break joins them (`joinWrapped`, on the printed text), an
 * indent a continuation line was given dropped. Only the reader knows where a paragraph ends (a label, a
 * code, an entry mark); this knows nothing of widths.
 */
export function paragraphText(doc: SourceDocument, lines: readonly number[]): string {
  let text = '';
  let printed = '';
  for (const n of lines) {
    const line = doc.line(n).trimStart();
    const printedLine = doc.printedLine(n).trimStart();
    text = text === '' ? line : joinWrapped(text, line, { text: printed, next: printedLine });
    printed = printedLine;
  }
  return text;
}
