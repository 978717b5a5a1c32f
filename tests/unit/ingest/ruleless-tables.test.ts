import type { PrintedLine } from '../../../src/ingest/pdf/page-lines';
import type { PrintedRun } from '../../../src/ingest/pdf/printed-run';
import { rulelessTableError } from '../../../src/ingest/pdf/ruleless-tables';
import { streamTables } from '../../../src/ingest/pdf/stream-tables';

/** A printed line at baseline `y` (9 pt text) of runs `[text, left, right]`. */
function line(y: number, ...runs: [string, number, number][]): PrintedLine {
  return {
    y,
    size: 9,
    runs: runs.map(([text, x, right]): PrintedRun => ({ text, x, right, y, size: 9, place: null })),
  };
}

/** Each line's cells as `row/column:text`, the table left out (one table here). */
function placed(lines: readonly PrintedLine[], cells: ReturnType<typeof streamTables>['cells']): string[] {
  return lines.flatMap((printed) =>
    printed.runs.map((run) => {
      const cell = cells.get(run);
      return cell ? `${cell.row}/${cell.column}:${run.text}` : `-:${run.text}`;
    }),
  );
}

// As Chromium prints 000's first table with its borders dropped (page 1, text from x = 57, cells padded 4 pt):
// a label, a narrow column, a long cell, each after a gap wider than any space; the label and the long cell
// wrap at the cell's own pitch (12.7 pt), the next row follows after the cells' padding (16.5 pt).
const heading = line(713, ['市民の声', 57, 93]);
const row = line(700, ['市民アンケート', 61, 124], ['項目名', 134.4, 161.4], ['ボランティア活動や', 172.6, 433.6]);
const wrapped = line(687.3, ['結果', 61, 79], ['くりが進んでいる', 172.6, 244.6]);
const next = line(670.8, ['調査年', 134.4, 161.4], ['H24年', 172.6, 195.1], ['H28', 446.6, 460.1]);
const prose = line(640, ['●地域コミュニティの中心である自治会への加入率が上昇し', 57, 529.5]);

describe('streamTables: a table drawn without ruling lines, read from aligned text', () => {
  it('reads columns from where cells start and rows from the pitch, wrapped lines in their cells', () => {
    const lines = [heading, row, wrapped, next, prose];
    const { cells, tables, undecided } = streamTables(lines, null, 57);
    expect(undecided).toBeNull();
    expect(tables.map((table) => table.columns)).toEqual([[61, 134.4, 172.6, 446.6]]);
    expect(placed(lines, cells)).toEqual([
      '-:市民の声',
      '0/0:市民アンケート',
      '0/1:項目名',
      '0/2:ボランティア活動や',
      '0/0:結果',
      '0/2:くりが進んでいる',
      '1/1:調査年',
      '1/2:H24年',
      '1/3:H28',
      '-:●地域コミュニティの中心である自治会への加入率が上昇し',
    ]);
  });

  it('goes on the row a page break cut only in columns whose cell ended on a full line', () => {
    // The page before ended with 0/2 full (the next column starts a padding and less than a character on).
    const top = line(780, ['を実施します。', 172.6, 235.6]);
    const carried = { columns: [61, 134.4, 172.6, 446.6], open: [172.6] };
    expect(streamTables([top, prose], carried, 57).tables[0]?.continues).toBe('row');
    expect(streamTables([top, prose], { ...carried, open: [] }, 57).tables[0]?.continues).toBe('table');
  });

  it('takes a last row cell as cut only where its line ends full (cells padded 4 pt a side)', () => {
    // 市民アンケート ends 2.4 pt short of 134.4 less the padding (8 pt): less than a character, full; 度 ends
    // 21 pt short, and 短い far short of the column's widest line: both ended there.
    const last = line(683.5, ['満足度の集計', 61, 124], ['度', 134.4, 143.4], ['短い', 172.6, 190.6]);
    const { tables } = streamTables([row, last], null, 57);
    expect(tables.map((table) => table.open)).toEqual([[61]]);
  });

  it('finds no table in running text', () => {
    expect(streamTables([heading, prose], null, 57).tables).toEqual([]);
  });

  it('stops at a line inside a table that starts at none of its columns, and is refused naming where', () => {
    const stray = line(674, ['どの列か', 300, 336]);
    const { undecided } = streamTables([heading, row, wrapped, stray, prose], null, 57);
    expect(undecided).toBe(stray);
    const runs = [...prose.runs, ...row.runs, ...heading.runs, ...wrapped.runs, ...stray.runs];
    expect(rulelessTableError('000.pdf', 3, runs, stray).message).toBe(
      '000.pdf p. 3 line 4: cannot be read: a line of a table drawn without ruling lines ("どの列か") starts at ' +
        "none of the table's columns, so which cell it goes on cannot be told; ask the city for the PDF tagged " +
        '(saved with accessibility tags) or printed with the table borders',
    );
  });
});
