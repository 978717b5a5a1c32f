import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { csvSink } from '../../../../src/platform/export/csv-sink';
import type { CellValue } from '../../../../src/platform/export/export-column';

/**
 * The CSV writer on its own: what a spreadsheet makes of the bytes. The reader ends a record at CRLF, a bare
 * LF or a bare CR outside quotes, as Excel, LibreOffice and Python's `csv` do.
 */
async function written(rows: readonly (readonly CellValue[])[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const sink = csvSink(output, { title: 'test', headers: ['a', 'b', 'c'], types: ['text', 'text', 'text'] });
  for (const row of rows) await sink.writeRow(row);
  await sink.end();
  return Buffer.concat(chunks);
}

const readAsSpreadsheets = (body: Buffer): string[][] =>
  parse(body, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] });

describe('csvSink', () => {
  it('quotes a cell holding a bare LF, a bare CR or CRLF, so each stays one cell of one row', async () => {
    const body = await written([
      ['first line\nsecond line', 'carriage\rreturn', 'windows\r\nbreak'],
      ['plain', 'comma, inside', 'quote " inside'],
    ]);
    expect(body.toString('utf8')).toContain('"first line\nsecond line"');
    expect(readAsSpreadsheets(body)).toEqual([
      ['a', 'b', 'c'],
      ['first line\nsecond line', 'carriage\rreturn', 'windows\r\nbreak'],
      ['plain', 'comma, inside', 'quote " inside'],
    ]);
  });

  it("prefixes text a spreadsheet would run as a formula with ', and leaves numbers alone", async () => {
    const body = await written([
      ['=HYPERLINK("http://example.org")', '+1', '@SUM(A1)'],
      ['-2+3', '\tTAB', -3.5],
    ]);
    expect(readAsSpreadsheets(body).slice(1)).toEqual([
      [`'=HYPERLINK("http://example.org")`, "'+1", "'@SUM(A1)"],
      ["'-2+3", "'\tTAB", '-3.5'],
    ]);
  });
});
