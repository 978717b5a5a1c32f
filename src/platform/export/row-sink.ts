import type { ColumnType, CellValue } from './export-column';

/** Where an export's rows go, one at a time: a CSV or an XLSX stream into the HTTP response. */
export interface RowSink {
  /** Resolves when the row may be followed by the next (the client is reading). */
  writeRow(cells: readonly CellValue[]): Promise<void>;
  /** Finishes the file; resolves when its last byte is handed to the response. */
  end(): Promise<void>;
}

/** The header row and the cells' types, known before the first row. */
export interface SheetLayout {
  readonly title: string;
  readonly headers: readonly string[];
  readonly types: readonly ColumnType[];
}
