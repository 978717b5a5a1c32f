import type { PlainRow } from '../../db/plain-values';
import { RowReader } from '../../db/row-reader';
import type { GraphFile } from '../../graph/graph-model';
import type { Corrections } from '../corrections';
import type { LoadResult } from './graph-loader';

export interface SummaryInput {
  readonly result: LoadResult;
  readonly counts: readonly PlainRow[];
  readonly graph: GraphFile;
  readonly corrections: Corrections;
}

/** The loader's closing report, as lines of a plain-text table. */
export function formatSummary({ result, counts, graph, corrections }: SummaryInput): string[] {
  const lines = ['', 'kind          name                 count', '------------  -------------------  -----'];
  for (const row of counts.map((r) => new RowReader(r))) {
    lines.push(
      `${row.string('kind').padEnd(12)}  ${row.string('name').padEnd(19)}  ${String(row.number('count')).padStart(5)}`,
    );
  }
  lines.push(
    '',
    `written: ${result.nodesWritten} nodes, ${result.relationshipsWritten} relationships; ` +
      `removed as stale: ${result.nodesDeleted} nodes, ${result.relationshipsDeleted} relationships`,
    `corrections applied: ${corrections.textFixes.length} text fixes, ${corrections.decisions.length} decisions (seed/corrections.yaml)`,
    `unresolved references: ${graph.unresolved.length}`,
  );
  for (const u of graph.unresolved) {
    lines.push(
      `  ${u.sourceDocument}:${u.sourceLine}: ${u.from} names ${u.kind} '${u.name}', which no document describes`,
    );
  }
  lines.push(`discrepancies between documents: ${graph.discrepancies.length}`);
  for (const d of graph.discrepancies) lines.push(`  ${d.sourceDocument}:${d.sourceLine}: ${d.subject}: ${d.message}`);
  return lines;
}
