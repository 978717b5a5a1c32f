import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { RowSink, SheetLayout } from './row-sink';
import { drained } from './drained';

/**
 * CSV through csv-stringify: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark, without which
 * Excel on a Japanese Windows reads the file as Shift_JIS and shows mojibake. Rows wait for the client
 * (backpressure), so a slow reader never makes the service hold the export in memory.
 *
 * Every field holding a line break of any kind is quoted: Excel, LibreOffice and Python's `csv` end a row at
 * a bare LF outside quotes, and 19 measures' 内容 span several lines. csv-stringify quotes only the configured
 * record delimiter (CRLF) unless `quote_record_delimiter` says otherwise.
 *
 * Text cells that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, tab or CR) are
 * prefixed with `'`, as OWASP recommends against CSV injection. Today every cell comes from the city's
 * published documents and none starts so, but a new edition is outside input too. Numbers (a negative value's
 * `-`) are left alone. XLSX needs no such care: its cells are typed strings, never formulas.
 */
export function csvSink(output: Writable, layout: SheetLayout): RowSink {
  const stringifier = stringify({
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { boolean: (value) => (value ? 'TRUE' : 'FALSE') },
  });
  // pipeline destroys the stringifier when the client goes away, which ends any wait for `drain`.
  const done = pipeline(stringifier, output);
  done.catch(() => undefined); // awaited in end(); a failure before that is seen by writeRow.
  stringifier.write(layout.headers);
  return {
    async writeRow(cells) {
      if (!stringifier.write(cells)) await drained(stringifier);
    },
    async end() {
      stringifier.end();
      await done;
    },
  };
}
