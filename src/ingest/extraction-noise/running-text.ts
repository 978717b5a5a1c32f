import { type FileLine, isBlankText } from './file-line';
import { fillsColumn, recogniseColumn, STARTS_ENTRY } from './wrap-column';

/**
 * Running text re-wrapped by the extraction: a paragraph the PDF set in a column of W display columns
 * comes out as lines of W columns (W − 1 when a full-width character did not fit; a few less where the
 * typesetter kept a closing mark or a bullet off the start of a line), the last one shorter. Japanese
 * breaks lines between any two characters and adds no space, so the pieces join by plain concatenation.
 *
 * The column is recognised, never assumed: W is the width most distinct prose lines have, taken only when
 * a quarter of the long prose lines (five at least) fill it; today's files have no such width, so nothing
 * is joined in them. A
 * line that fills the column is joined with the next one unless that one is blank, a tab row (tables are
 * not running text: their line breaks are rows), or starts a new paragraph or entry (`- `, `●`, `○`, `※`,
 * `【`, `▲`, `・`, a circled or `1.` number, the revision sheets' `←` status lines).
 */
const MIN_COLUMN = 40;

export function joinRunningText(lines: readonly FileLine[]): FileLine[] {
  const column = recogniseColumn(
    lines.map((line) => line.text).filter((text) => isRunningText(text)),
    MIN_COLUMN,
  );
  if (column === null) return [...lines];
  const out: FileLine[] = [];
  let open = false;
  for (const line of lines) {
    const previous = out.at(-1);
    if (open && previous && isRunningText(line.text) && !STARTS_ENTRY.test(line.text)) {
      out[out.length - 1] = { text: previous.text + line.text, fileLine: previous.fileLine };
    } else {
      out.push(line);
    }
    open = isRunningText(line.text) && fillsColumn(column, line.text);
  }
  return out;
}

function isRunningText(text: string): boolean {
  return !isBlankText(text) && !text.includes('\t');
}
