import { ingest } from '../../../src/ingest/ingest';
import { describeCorpus } from './corpus-graph';
import {
  crlfAndBom,
  fullWidthDigitsAndLatin,
  pageFurniture,
  rewrapRunningText,
  rewrapTableCells,
  transformSources,
  type Transformation,
} from './extraction-corpus';

const CORPUS: Record<string, readonly Transformation[]> = {
  'table cells wrapped at 30 columns': [rewrapTableCells(30)],
  'table cells wrapped at 64 columns': [rewrapTableCells(64)],
  'table cells wrapped at 30 columns, page furniture every 25 lines, full-width digits, CRLF and BOM': [
    rewrapTableCells(30),
    pageFurniture(25, 'dashed number, header, blank lines'),
    fullWidthDigitsAndLatin('mixed'),
    crlfAndBom,
  ],
  'table cells wrapped at 64 columns, page furniture every 7 lines (page breaks inside wrapped cells)': [
    rewrapTableCells(64),
    pageFurniture(7, 'form feed and footer'),
  ],
  'running text re-wrapped at 50 columns, table cells at 64': [rewrapRunningText(50), rewrapTableCells(64)],
};

describeCorpus('tables of the five documents re-extracted', CORPUS);

describe('a re-extraction whose column cannot be recognised', () => {
  it('stops at the continuation line: at 44 columns one cell of 004 wraps, too few to show the column', () => {
    const { documents } = transformSources([rewrapTableCells(44)]);
    expect(() => ingest(documents)).toThrow(
      '004_c772f55bb03f2e1d.txt:182: expected a matrix row with a policy-item code (N-M) after the field, found "\\t\\tの確保"',
    );
  });
});
