import { STARTS_CELL_ENTRY, STARTS_ENTRY } from '../extraction-noise/wrap-column';
import { joinWrapped } from './join-wrapped';
import type { ExtractedLine, Flow } from './page-lines';

/**
 * Mends what a page break split: a paragraph, or a table row, that goes on at the top of the next page.
 * The last paragraph or row of a page goes on when the next page's first one is of the same kind and each
 * cell it continues ended on a full printed line above (a cell that ended short was complete) and does not
 * start a new entry (`●`, `- `, `①` …). The halves join as a wrapped line joins; the line keeps the page
 * and line where it starts. Running headers, footers and page numbers are untagged lines in between, left
 * for the extraction-noise pass to remove.
 */
export function mendPageBreaks(lines: readonly ExtractedLine[]): ExtractedLine[] {
  const out: ExtractedLine[] = [];
  let lastFlow: number | null = null;
  for (const line of lines) {
    const flow = line.flow;
    const before = lastFlow === null ? undefined : out[lastFlow];
    if (flow && before?.flow && before.page !== line.page && continues(before.flow, flow)) {
      const joined = join(before.flow, flow);
      out[lastFlow ?? 0] = { ...before, text: joined.cells.join('\t'), flow: joined };
      continue;
    }
    out.push(line);
    if (flow) lastFlow = out.length - 1;
  }
  return out;
}

function continues(above: Flow, below: Flow): boolean {
  if (above.kind !== below.kind) return false;
  const entry = below.kind === 'row' ? STARTS_CELL_ENTRY : STARTS_ENTRY;
  const filled = below.cells.flatMap((cell, index) => (cell.trim() === '' ? [] : [index]));
  return (
    filled.length > 0 && filled.every((index) => above.open[index] === true && !entry.test(below.cells[index] ?? ''))
  );
}

function join(above: Flow, below: Flow): Flow {
  const length = Math.max(above.cells.length, below.cells.length);
  const cells = Array.from({ length }, (_, index) => joinWrapped(above.cells[index] ?? '', below.cells[index] ?? ''));
  const open = Array.from({ length }, (_, index) => (below.cells[index] ? (below.open[index] ?? false) : false));
  return { kind: above.kind, cells, open };
}
