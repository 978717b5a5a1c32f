import { type FileLine, isBlankText } from './file-line';
import {
  fitsColumn,
  isLatinBreak,
  joinAtBreak,
  type LineBreak,
  overflowsColumn,
  recogniseColumn,
  splitsLatinWords,
  STARTS_ENTRY,
  type WrapColumn,
} from './wrap-column';

/**
 * Running text re-wrapped by the extraction: a paragraph the PDF set in a column of W units (display columns
 * or characters, as the tool measured) comes out as lines of W units (a few less where a full-width
 * character did not fit or the typesetter kept a closing mark, a space or a bullet off the start of a line),
 * the last one shorter. Japanese breaks lines between any two characters and adds no space, so the pieces
 * join by plain concatenation.
 *
 * The column is recognised, never assumed: W is the width most distinct prose lines have, in the measure
 * where most lines share one, taken only when a quarter of the long prose lines (five at least) fill it;
 * today's files have no such width, so nothing is joined in them.
 *
 * Only a break with half-width text on both sides is joined here (`isLatinBreak`): there the widths alone tell a
 * space a layout dropped (`PPP /` / `PFI`) from a word a fixed-count dump split (`PT` / `A`). Every other break is
 * left to the document readers, which join a paragraph's lines by what starts a piece: judged here by width, a
 * heading after a paragraph whose blank line was lost was taken for its rest.
 *
 * A line is the rest of the line above when (`continues`) both are prose (not blank, no tab: a tab row is a
 * table row), the one above fits in the column, and the break was forced: the line above and this line's
 * start up to the first place a line may start would not have fitted together (a tool breaks only where
 * the text no longer fits, so a paragraph that ended short was not broken). And this line reads as no
 * start of its own: no new entry (`- `, `●`, `○`, `※`, `【`, `▲`, `・`, a circled or `1.` number, `←`), and no
 * indent (typesetting never starts a wrapped line with white space).
 */
const MIN_COLUMN = 24;

export function joinRunningText(lines: readonly FileLine[]): FileLine[] {
  const pieces = lines.flatMap((line, i) =>
    isRunningText(line.text) ? [{ text: line.text, continued: mayContinue(lines[i + 1]?.text ?? '') }] : [],
  );
  const column = recogniseColumn(pieces, MIN_COLUMN);
  if (column === null) return [...lines];
  const splitsWords = splitsLatinWords(column, joinLines(lines, column, false).breaks);
  return joinLines(lines, column, splitsWords).lines;
}

/** The lines with each piece's rest joined to it, and the breaks joined. */
function joinLines(
  lines: readonly FileLine[],
  column: WrapColumn,
  splitsWords: boolean,
): { readonly lines: FileLine[]; readonly breaks: LineBreak[] } {
  const out: FileLine[] = [];
  const breaks: LineBreak[] = [];
  let piece: FileLine | null = null;
  for (const line of lines) {
    const previous = out.at(-1);
    // Folding widths keeps every character in its place, so the printed text is cut where the text is.
    const cut = previous && piece ? previous.text.length - piece.text.length : 0;
    const printedAbove = previous?.printed ?? previous?.text ?? '';
    const printed: LineBreak = [printedAbove.slice(cut), line.printed ?? line.text];
    if (previous && piece !== null && isLatinBreak(printed) && continues(column, piece.text, line.text)) {
      const joined = joinAtBreak(piece.text, line.text, splitsWords, printed);
      out[out.length - 1] = {
        text: previous.text.slice(0, cut) + joined.text,
        fileLine: previous.fileLine,
        printed: printedAbove.slice(0, cut) + joined.printed,
      };
      breaks.push([piece.text, line.text]);
    } else {
      out.push(line);
    }
    piece = isRunningText(line.text) && fitsColumn(column, line.text) ? line : null;
  }
  return { lines: out, breaks };
}

function continues(column: WrapColumn, piece: string, next: string): boolean {
  return mayContinue(next) && overflowsColumn(column, piece, next);
}

/** Whether a line may be the rest of the one above: prose that starts no entry and no indent. */
function mayContinue(next: string): boolean {
  return isRunningText(next) && !STARTS_ENTRY.test(next) && !/^\s/.test(next);
}

function isRunningText(text: string): boolean {
  return !isBlankText(text) && !text.includes('\t');
}
