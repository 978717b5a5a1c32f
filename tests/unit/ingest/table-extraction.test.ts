import { ingest } from '../../../src/ingest/ingest';
import { describeCorpus } from './corpus-graph';
import {
  crlfAndBom,
  fullWidthDigitsAndLatin,
  pageFurniture,
  rewrapRunningText,
  rewrapTableCells,
  spacesForTabs,
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
  'spaces for tabs': [spacesForTabs()],
  'spaces for tabs, four between columns': [spacesForTabs(4)],
  'spaces for tabs, form feeds with a footer every 40 lines': [
    spacesForTabs(),
    pageFurniture(40, 'form feed and footer'),
  ],
  'spaces for tabs, page furniture every 25 lines': [
    spacesForTabs(),
    pageFurniture(25, 'dashed number, header, blank lines'),
  ],
  'full-width digits, then spaces for tabs, CRLF and BOM': [
    fullWidthDigitsAndLatin('all'),
    spacesForTabs(),
    crlfAndBom,
  ],
  'running text re-wrapped at 50 columns, table cells at 64': [rewrapRunningText(50), rewrapTableCells(64)],
  'spaces for tabs, a space inside a cell printed as an ideographic space': [spacesForTabs(2, '\u3000')],
  'spaces for tabs, ideographic spaces inside cells, form feeds with a footer every 25 lines': [
    spacesForTabs(2, '\u3000'),
    pageFurniture(25, 'form feed and footer'),
  ],
};

describeCorpus('tables of the five documents re-extracted', CORPUS);

describe('re-extractions the ingestion refuses, naming the line', () => {
  it('stops where rows share a column start that a last cell runs across (a space inside cells printed wide)', () => {
    // 000's SDG cells `4 質の高い…`, `5 ジェンダー…` with the space printed as two: four rows start a cell at
    // one place, `10人や国の不平等をなくそう` (no space in the file) runs across it as a line's last cell.
    const { documents } = transformSources([spacesForTabs(2, '  ')]);
    expect(() => ingest(documents)).toThrow(
      '000_c612850dd0d0a3ba.txt:89: cannot tell the columns apart: two cells "4" and "質の高い教育をみんなに" ' +
        '(a run of spaces between columns), or one cell "4  質の高い教育をみんなに" (line 91 has a cell running ' +
        'across that place, so no column starts there)',
    );
  });

  it('stops where layout mode hid the space a cell broke after (cells at 30 columns, spaces for tabs)', () => {
    // `…市庁舎等の実現 来庁される…` broke after the space; padded with spaces, the piece looks one column
    // narrower, so `来` would have fitted and the next line cannot be its rest: it is read as a row.
    const { documents } = transformSources([rewrapTableCells(30), spacesForTabs()]);
    expect(() => ingest(documents)).toThrow(
      '000_c612850dd0d0a3ba.txt:996: expected a measure row, 内容, or a change status (←変更あり), found "\\t\\t\\t\\t\\t来庁される',
    );
  });
});
