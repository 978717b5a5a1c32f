import type { PrintedLine } from '../../../src/ingest/pdf/page-lines';
import type { PrintedRun } from '../../../src/ingest/pdf/printed-run';
import { rulelessTableError, rulelessTableStart } from '../../../src/ingest/pdf/ruleless-tables';

/** A printed line at baseline `y` (9 pt text) of runs `[text, left, right]`. */
function line(y: number, ...runs: [string, number, number][]): PrintedLine {
  return {
    y,
    size: 9,
    runs: runs.map(([text, x, right]): PrintedRun => ({ text, x, right, y, size: 9, place: null })),
  };
}

// As Chromium prints 000's first table with its borders dropped (page 1): a label, a narrow column, a long
// cell, each after a gap wider than any space; the long cell wraps onto the next line in its column.
const heading = line(713, ['市民の声', 57, 93]);
const row = line(700, ['市民アンケート', 61, 124], ['項目名', 261.7, 288.7], ['ボランティア活動や', 325.8, 531]);
const wrapped = line(687, ['結果', 61, 79], ['くりへの参加', 325.8, 379.8]);
const prose = line(660, ['●地域コミュニティの中心である自治会への加入率が上昇し', 57, 529.5]);
const rest = line(647, ['る。', 57, 75]);

describe('rulelessTableStart: a table drawn without ruling lines on an untagged page', () => {
  it('finds two lines in a row parted into cells at the same place', () => {
    expect(rulelessTableStart([heading, row, wrapped, prose])).toBe(row);
  });

  it('finds none in running text, or where cells do not line up, or lines are far apart', () => {
    expect(rulelessTableStart([heading, prose, rest])).toBeNull();
    expect(rulelessTableStart([row, line(687, ['結果', 61, 79], ['別の', 400, 418])])).toBeNull();
    expect(rulelessTableStart([row, line(600, ['結果', 61, 79], ['くりへの参加', 325.8, 379.8])])).toBeNull();
    expect(rulelessTableStart([row])).toBeNull();
  });

  it('is refused naming the document, page and printed line, with the cells it starts with', () => {
    const runs = [...prose.runs, ...row.runs, ...heading.runs, ...wrapped.runs];
    const error = rulelessTableError('000.pdf', 3, runs, row);
    expect(error.message).toBe(
      '000.pdf p. 3 line 2: cannot be read: a table drawn without ruling lines ("市民アンケート", "項目名", ' +
        '"ボランティア活動や"): in an untagged PDF a table is read from its ruling lines, and without them ' +
        'nothing says where a row ends; ask the city for the PDF tagged (saved with accessibility tags) or ' +
        'printed with the table borders',
    );
  });
});
