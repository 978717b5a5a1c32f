import { displayWidth } from '../extraction-noise/line-measure';
import { STARTS_ENTRY, lineStartPiece } from '../extraction-noise/wrap-column';
import { COLUMN_GAP, type PrintedLine } from './page-lines';
import type { PrintedRun } from './printed-run';

/** Baselines further apart than this (× the font size) are two paragraphs: a paragraph's own pitch is 1–1.7. */
const MAX_PITCH = 1.8;
/** Left edges closer than this (points) line up. */
const ALIGNED = 1.5;
/** A first line may be indented by up to this (× the font size) against the lines that follow it. */
const MAX_INDENT = 3;
/** Slack (points) for where a line's last glyph ends against the column's right edge. */
const EDGE_SLACK = 0.5;

/**
 * The printed lines of an untagged page's running text (tables set apart) grouped into paragraphs by where
 * they are printed, as a layout engine set them: a line goes on the paragraph above when it has the same font
 * size, follows at the paragraph's line pitch, starts at the paragraph's left edge (the first line may be
 * indented), starts no entry (`●`, `- `, `①`, `（1）` …), and the piece it starts with (its first character,
 * with the marks that may not start a line and the rest of a Latin word) would not have fitted after the line
 * above before `rightEdge`, the column's right edge: had it fitted, the line above ended by choice, not by
 * wrapping. A line with a gap wider than any space (aligned columns without rules) is a paragraph of its own.
 * Returns the paragraphs, top first, each its lines' runs.
 */
export function layoutParagraphs(lines: readonly PrintedLine[], rightEdge: number): PrintedRun[][] {
  const paragraphs: { lines: PrintedLine[] }[] = [];
  for (const line of lines) {
    const current = paragraphs.at(-1);
    if (current && goesOn(current.lines, line, rightEdge)) current.lines.push(line);
    else paragraphs.push({ lines: [line] });
  }
  return paragraphs.map((paragraph) => paragraph.lines.flatMap((line) => line.runs));
}

function goesOn(paragraph: readonly PrintedLine[], line: PrintedLine, rightEdge: number): boolean {
  const above = paragraph.at(-1);
  const first = paragraph[0];
  if (!above || !first || hasColumnGap(above) || hasColumnGap(line)) return false;
  if (Math.abs(above.size - line.size) > 0.1 * line.size) return false;
  if (above.y - line.y > MAX_PITCH * line.size) return false;
  const left = leftOf(line);
  const second = paragraph[1];
  const aligned = second
    ? Math.abs(left - leftOf(second)) <= ALIGNED
    : left <= leftOf(first) + ALIGNED && left >= leftOf(first) - MAX_INDENT * line.size;
  if (!aligned || STARTS_ENTRY.test(textOf(line))) return false;
  return rightOf(above) + startWidth(line) > rightEdge + EDGE_SLACK;
}

/** How wide the piece a line must start with is printed: its share of the line's first run. */
function startWidth(line: PrintedLine): number {
  const run = line.runs[0];
  if (!run) return 0;
  const piece = lineStartPiece(run.text.trimStart());
  const whole = displayWidth(run.text.trimStart());
  return whole === 0 ? 0 : ((run.right - run.x) * displayWidth(piece)) / whole;
}

function hasColumnGap(line: PrintedLine): boolean {
  return line.runs.some((run, index) => {
    const before = line.runs[index - 1];
    return before !== undefined && run.x - before.right > COLUMN_GAP * run.size;
  });
}

const leftOf = (line: PrintedLine): number => Math.min(...line.runs.map((run) => run.x));
const rightOf = (line: PrintedLine): number => Math.max(...line.runs.map((run) => run.right));
const textOf = (line: PrintedLine): string => line.runs.map((run) => run.text).join('');
