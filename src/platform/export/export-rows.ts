import type { Response } from 'express';
import type { ExportKind } from './export-column';
import type { ExportPage } from './export-operation';
import type { RowSink } from './row-sink';

/**
 * Writes the rows of an export's pages to its file, page by page, the first already read: at most `maxRows`
 * (the set may have grown after the first page was counted), and no page asked for once the client is gone.
 */
export async function writeRows(
  response: Response,
  sink: RowSink,
  kind: ExportKind<never>,
  pages: AsyncGenerator<ExportPage, void, undefined>,
  first: IteratorResult<ExportPage, void>,
  maxRows: number,
): Promise<{ written: number; pagesRead: number }> {
  let written = 0;
  let pagesRead = 0;
  const writePage = async (page: ExportPage): Promise<void> => {
    for (const node of page.nodes) {
      for (const row of kind.rowsOf === undefined ? [node] : kind.rowsOf(node as never)) {
        if (written >= maxRows) return;
        await sink.writeRow(kind.columns.map((column) => column.value(row as never)));
        written += 1;
      }
    }
  };
  for (let next = first; !next.done; next = await pages.next()) {
    pagesRead += 1;
    await writePage(next.value);
    if (written >= maxRows) break; // the set grew after the first page was counted
    // A client that went away gets no more pages asked for on its behalf.
    if (response.destroyed) throw new Error('the client closed the connection');
  }
  await sink.end();
  return { written, pagesRead };
}
