import { charWidth } from '../extraction-noise/line-measure';
import type { PrintedRun } from './printed-run';
import type { Rule } from './ruling-lines';

/** How far (points) a run must reach past a vertical rule on both sides to count as crossing it. */
const PAST_RULE = 1;
/** How much wider than its characters' nominal widths (a half-width one half an em) a piece may print. */
const WIDTH_SLACK = 1.15;
/** Past this many ways to cut, a run is left whole rather than searched. */
const MOST_WAYS = 5000;

/**
 * The runs with every run that crosses vertical ruling lines split at them. pdfjs joins text shown on one
 * baseline into one item when the gap is small, putting a space in the gap: an office suite's narrow cells
 * side by side ("0.08" | "11/36位") come back as one run "0.08 11/36位" over the rule between the cells.
 * Text never crosses a cell's border, so the run is cut at spaces, one per rule crossed, in order. A way to
 * cut fits when each piece's characters (full width an em, half width half an em) fit between the rules
 * around it. The run is cut only when exactly one way fits: when a cell's own spaces make two ways fit, which
 * one the document meant cannot be told, and the run stays whole for the reader to refuse.
 */
export function splitAtRules(runs: readonly PrintedRun[], rules: readonly Rule[]): PrintedRun[] {
  const verticals = rules.filter((rule) => !rule.horizontal);
  return runs.flatMap((run) => splitRun(run, verticals));
}

function splitRun(run: PrintedRun, verticals: readonly Rule[]): PrintedRun[] {
  const middle = run.y + 0.3 * run.size;
  const crossed = verticals
    .filter((r) => r.from <= middle && r.to >= middle && r.at > run.x + PAST_RULE && r.at < run.right - PAST_RULE)
    .map((r) => r.at)
    .sort((a, b) => a - b)
    .filter((at, index, all) => index === 0 || at - (all[index - 1] ?? 0) > PAST_RULE);
  if (crossed.length === 0) return [run];
  const chars = [...run.text];
  const spaces = chars.flatMap((char, index) => (char === ' ' ? [index] : []));
  if (spaces.length < crossed.length || ways(spaces.length, crossed.length) > MOST_WAYS) return [run];
  const fitting = choices(spaces, crossed.length).filter((cuts) => fits(run, chars, cuts, crossed));
  const [cuts] = fitting;
  if (fitting.length !== 1 || !cuts) return [run];
  // Each further piece starts where its cell's padding puts it: as far right of its rule as the run's own
  // start is of the rule before it (a table pads its cells alike), so its cells' starts line up in columns.
  const before = verticals
    .filter((r) => r.from <= middle && r.to >= middle && r.at <= run.x && run.x - r.at <= run.size)
    .map((r) => r.at);
  const padding = before.length === 0 ? 0 : run.x - Math.max(...before);
  const bounds = [run.x, ...crossed, run.right];
  return [...cuts, chars.length].map((end, piece) => {
    const start = piece === 0 ? 0 : (cuts[piece - 1] ?? 0) + 1;
    const text = chars.slice(start, end).join('');
    const x = piece === 0 ? run.x : (bounds[piece] ?? run.x) + padding;
    const right = piece === cuts.length ? run.right : (bounds[piece + 1] ?? run.right);
    return { ...run, text, x, right };
  });
}

/** Whether each piece the cuts make fits between the rules around it (the run's own edges at the ends). */
function fits(run: PrintedRun, chars: readonly string[], cuts: readonly number[], rules: readonly number[]): boolean {
  const bounds = [run.x, ...rules, run.right];
  return [...cuts, chars.length].every((end, piece) => {
    const start = piece === 0 ? 0 : (cuts[piece - 1] ?? 0) + 1;
    const text = chars.slice(start, end);
    if (text.join('').trim() === '') return false;
    const nominal = text.reduce((sum, char) => sum + (charWidth(char) * run.size) / 2, 0);
    return nominal <= ((bounds[piece + 1] ?? 0) - (bounds[piece] ?? 0)) * WIDTH_SLACK;
  });
}

/** Every way to pick `k` of `items` in order. */
function choices(items: readonly number[], k: number): number[][] {
  if (k === 0) return [[]];
  return items.flatMap((item, index) => choices(items.slice(index + 1), k - 1).map((rest) => [item, ...rest]));
}

/** n choose k. */
function ways(n: number, k: number): number {
  let count = 1;
  for (let i = 0; i < k; i++) count = (count * (n - i)) / (i + 1);
  return count;
}
