import { STARTS_ENTRY } from '../extraction-noise/wrap-column';
import { joinWrapped } from '../join-wrapped';
import { type ExtractedLine, rowText } from './page-lines';

/**
 * Mends what a page break split. A table row printed on two pages (or more) is one row element of the
 * tagged PDF: its parts become one line, each cell's halves joined as a wrapped line joins, however the
 * cells were cut. A paragraph has no such name across pages: the last paragraph of a page goes on at the
 * top of the next one when it ended on a full printed line and the next page's first paragraph does not
 * start a new entry (`●`, `- `, `①` …). The line keeps the page and line where it starts. Running headers,
 * footers and page numbers are untagged lines in between, left for the extraction-noise pass to remove.
 */
export function mendPageBreaks(lines: readonly ExtractedLine[]): ExtractedLine[] {
  const out: ExtractedLine[] = [];
  const rows = new Map<string, number>();
  let lastFlow: number | null = null;
  for (const line of lines) {
    const flow = line.flow;
    const before = lastFlow === null ? undefined : out[lastFlow];
    if (flow?.kind === 'row') {
      const at = rows.get(flow.row);
      const above = at === undefined ? undefined : out[at];
      if (at !== undefined && above?.flow?.kind === 'row') {
        const cells = joinCells(above.flow.cells, flow.cells);
        out[at] = { ...above, text: rowText(cells), flow: { ...above.flow, cells } };
        continue;
      }
      rows.set(flow.row, out.length);
    } else if (
      flow?.kind === 'paragraph' &&
      before?.flow?.kind === 'paragraph' &&
      before.page !== line.page &&
      before.flow.open &&
      !STARTS_ENTRY.test(flow.text)
    ) {
      const text = joinWrapped(before.flow.text, flow.text);
      out[lastFlow ?? 0] = { ...before, text: text.trimEnd(), flow: { ...flow, text } };
      continue;
    }
    out.push(line);
    if (flow) lastFlow = out.length - 1;
  }
  return out;
}

function joinCells(above: readonly string[], below: readonly string[]): string[] {
  const length = Math.max(above.length, below.length);
  return Array.from({ length }, (_, index) => joinWrapped(above[index] ?? '', below[index] ?? ''));
}
