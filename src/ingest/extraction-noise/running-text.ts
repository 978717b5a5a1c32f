import { type FileLine, isBlankText } from './file-line';

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
const SLACK = 5;
const STARTS_ENTRY = /^\s*(?:- |[●○◯※【▲・■□◆◇←]|[①-⑳]|\d+\.\s|\(\d+\)|（\d+）)/;

export function joinRunningText(lines: readonly FileLine[]): FileLine[] {
  const column = wrapColumn(lines);
  if (column === null) return [...lines];
  const fills = (text: string): boolean => {
    const width = displayWidth(text);
    return width >= column.min && width <= column.max;
  };
  const out: FileLine[] = [];
  let open = false;
  for (const line of lines) {
    const previous = out.at(-1);
    if (open && previous && isRunningText(line.text) && !STARTS_ENTRY.test(line.text)) {
      out[out.length - 1] = { text: previous.text + line.text, fileLine: previous.fileLine };
    } else {
      out.push(line);
    }
    open = isRunningText(line.text) && fills(line.text);
  }
  return out;
}

function isRunningText(text: string): boolean {
  return !isBlankText(text) && !text.includes('\t');
}

/**
 * The column many distinct prose lines fill, as the range of widths a full line has (the most common
 * width, one more, and SLACK less), or null when there is none (no re-wrapping seen).
 */
function wrapColumn(lines: readonly FileLine[]): { readonly min: number; readonly max: number } | null {
  const prose = new Set(lines.map((line) => line.text).filter((text) => isRunningText(text)));
  const widths = [...prose].map(displayWidth).filter((width) => width >= MIN_COLUMN - SLACK);
  const counts = new Map<number, number>();
  for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
  const [mode] = [...counts].sort(([w1, c1], [w2, c2]) => c2 - c1 || w2 - w1)[0] ?? [];
  if (mode === undefined || mode < MIN_COLUMN) return null;
  const column = { min: mode - SLACK, max: mode + 1 };
  const full = widths.filter((width) => width >= column.min && width <= column.max).length;
  return full >= Math.max(5, widths.length / 4) ? column : null;
}

/** Columns a monospaced rendering gives the text: ASCII and half-width katakana 1, everything else 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    width += code <= 0xff || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2;
  }
  return width;
}
