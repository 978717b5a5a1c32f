import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { ColumnType } from './export-column';
import type { RowSink, SheetLayout } from './row-sink';
import { drained } from './drained';

/** Number formats by column type: whole numbers and years without a thousands separator (2024, not 2,024). */
const NUMBER_FORMAT: Readonly<Record<ColumnType, string | undefined>> = {
  text: undefined,
  integer: '0',
  year: '0',
  decimal: 'General',
  boolean: undefined,
};

const WIDTH: Readonly<Record<ColumnType, number>> = { text: 28, integer: 10, year: 10, decimal: 14, boolean: 10 };

/**
 * XLSX through exceljs's streaming writer: each row is committed to the zip stream as it comes (no shared
 * strings table, which would keep every text until the end), numbers stay numbers, and the bold header row
 * is frozen with a filter on it, as a spreadsheet for a council meeting is expected to look.
 */
export function xlsxSink(output: Writable, layout: SheetLayout): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(layout.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = layout.types.map((type) => ({ width: WIDTH[type], style: { numFmt: NUMBER_FORMAT[type] } }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: layout.headers.length } };
  const header = sheet.addRow([...layout.headers]);
  header.font = { bold: true };
  header.commit();
  return {
    async writeRow(cells) {
      sheet.addRow([...cells]).commit();
      if (output.writableNeedDrain) await drained(output);
    },
    async end() {
      sheet.commit();
      // commit() waits for the response's `finish`, which never comes when the client left; finished() rejects then.
      await Promise.all([workbook.commit(), finished(output)]);
    },
  };
}
