import { describeCorpus } from './corpus-graph';
import {
  crlfAndBom,
  fullWidthDigitsAndLatin,
  pageFurniture,
  rewrapTableCells,
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
};

describeCorpus('tables of the five documents re-extracted', CORPUS);
