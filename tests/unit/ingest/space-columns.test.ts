import { AmbiguousColumnsError, splitSpaceColumns } from '../../../src/ingest/extraction-noise/space-columns';

const fileLines = (...texts: string[]) => texts.map((text, i) => ({ text, fileLine: i + 1 }));

describe('splitSpaceColumns: columns separated by runs of spaces', () => {
  it('reads aligned cells as tab rows, empty leading cells kept by column, one space inside a cell', () => {
    const out = splitSpaceColumns(
      'x.txt',
      fileLines(
        '施策中項目  1 自治会の支援  評価回答部署  市民活動推進課',
        '            内容            ●地域の活動を支援します。',
        '',
        '1 自治会の支援 は一つの文です。',
      ),
    );
    expect(out.map((line) => line.text)).toEqual([
      '施策中項目\t1 自治会の支援\t評価回答部署\t市民活動推進課',
      '\t内容\t●地域の活動を支援します。',
      '',
      '1 自治会の支援 は一つの文です。',
    ]);
  });

  it('places cells by printed width: a full-width digit takes two columns', () => {
    const lines = [
      { text: '年度  R5', fileLine: 1, printed: '年度  Ｒ５' },
      { text: '      R6', fileLine: 2 },
    ];
    expect(splitSpaceColumns('x.txt', lines).map((line) => line.text)).toEqual(['年度\tR5', '\tR6']);
  });

  it('reads a run of spaces that another line’s cell runs across as a space inside a cell', () => {
    const lines = fileLines('市民活動推進課と危機管理課  課', '地域  活動  連携', 'R 6年度末の　取組  済');
    expect(splitSpaceColumns('x.txt', lines).map((line) => line.text)).toEqual([
      '市民活動推進課と危機管理課\t課',
      '地域  活動  連携',
      'R 6年度末の　取組  済',
    ]);
  });

  it('stops where rows share a column start that only a last cell runs across, naming both readings', () => {
    // A line's last cell may run on past the next column (nothing follows it), so two rows starting a cell at
    // one place say column as much as that cell says none.
    const lines = fileLines('地域  活動', '団体  協働', '市民活動推進課と危機管理課');
    const layout = [...lines.slice(0, 2), { text: 'x  市民活動推進課と危機管理課', fileLine: 3 }];
    expect(() => splitSpaceColumns('x.txt', layout)).toThrow(AmbiguousColumnsError);
    expect(() => splitSpaceColumns('x.txt', layout)).toThrow(
      'x.txt:1: cannot tell the columns apart: two cells "地域" and "活動" (a run of spaces between columns), ' +
        'or one cell "地域  活動" (line 3 has a cell running across that place, so no column starts there)',
    );
  });

  it("changes nothing in a document with no run of spaces before text (today's files: tabs only)", () => {
    const lines = fileLines('市民の声  ', ' 【市民アンケートより】', '項目\t値');
    expect(splitSpaceColumns('x.txt', lines)).toEqual(lines);
  });
});
