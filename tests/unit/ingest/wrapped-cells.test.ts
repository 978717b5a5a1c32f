import fc from 'fast-check';
import { joinWrappedCells } from '../../../src/ingest/extraction-noise/wrapped-cells';
import { removeExtractionNoise } from '../../../src/ingest/extraction-noise';
import { SourceDocument } from '../../../src/ingest/source-document';

/** Lines as a document gives them, each tied to its 1-based file line. */
const fileLines = (...texts: string[]) => texts.map((text, i) => ({ text, fileLine: i + 1 }));
const tabs = (...cells: string[]): string => cells.join('\t');

// A column of 20 display columns (ten full-width characters): three distinct cells reach it, none passes it.
const [A, B, C] = ['市民活動推進課と危機', '自治会の加入率が上昇', '地域のニーズや課題に'] as const;

describe('joinWrappedCells: table cells continued on the next line(s)', () => {
  it('joins a wrapped status and remarks cell (`←変更あり` and its comment) under its column', () => {
    const out = joinWrappedCells(
      fileLines(
        tabs('', A, '←変更あり ●地域の'),
        tabs('', '管理課', 'ニーズや課題に対して'),
        tabs('', '', '支援します。'),
        tabs('', B, C),
      ),
    );
    // The joined row's printed text (no width folded here) is joined the same way.
    const joined = tabs('', `${A}管理課`, '←変更あり ●地域のニーズや課題に対して支援します。');
    expect(out).toEqual([
      { text: joined, fileLine: 1, printed: joined },
      { text: tabs('', B, C), fileLine: 4 },
    ]);
  });

  it('joins a wrapped cell at the end of a table (the next line is prose) and keeps the prose', () => {
    const out = joinWrappedCells(
      fileLines(
        tabs('計画名', B),
        tabs('計画名', C),
        tabs('計画名', A),
        tabs('', '管理課'),
        '地域の課題を解決します。',
      ),
    );
    expect(out.map((line) => line.text)).toEqual([
      tabs('計画名', B),
      tabs('計画名', C),
      tabs('計画名', `${A}管理課`),
      '地域の課題を解決します。',
    ]);
  });

  it('joins the halves of a cell split by a page break once the page furniture is gone', () => {
    const doc = removeExtractionNoise(
      new SourceDocument(
        'x.txt',
        ['a', '- 1 -', tabs('名称', A, B), '- 2 -', tabs('', '管理課'), tabs('名称', C), '- 3 -', 'b'].join('\n'),
      ),
    );
    expect(doc.lines).toEqual(['a', tabs('名称', `${A}管理課`, B), tabs('名称', C), 'b']);
    expect(doc.ref(2).line).toBe(3);
  });

  it('keeps a new row: a short cell above (the text fitted), a new entry, or a cell under an empty column', () => {
    const lines = fileLines(
      tabs('', A, B),
      tabs('', '1. 新しい項目'), // starts a numbered entry
      tabs('', C),
      tabs('', '', '', '余白'), // under no open cell
      tabs('短い', 'x'),
      '続き', // the cell above is short: it fitted, so this is not its rest
    );
    expect(joinWrappedCells(lines)).toEqual(lines);
  });

  it('keeps a bullet or mark that goes on a full cell in its cell, the space before a bullet restored', () => {
    // As a layout sets 002's cells (`。 ●…`, the space dropped at the break), and `会議※` with its mark.
    const out = joinWrappedCells(
      fileLines(tabs('', A, B), tabs('', '●新しい項目です。', C), tabs('', '', '※の付いた語'), tabs('', B)),
    );
    expect(out.map((line) => line.text)).toEqual([
      tabs('', `${A} ●新しい項目です。`, `${B}${C}※の付いた語`),
      tabs('', B),
    ]);
  });

  it('puts back a space dropped between two Japanese characters only where the document prints it elsewhere', () => {
    // `…開始` and `年度末` would have fitted on one line but for a space: another row prints `開始 年度末`.
    const rows = (...more: string[]) =>
      fileLines(tabs('', A, B), tabs('名称', '民活動推進課と開始'), tabs('', '年度末に在籍'), ...more);
    expect(joinWrappedCells(rows(tabs('名称', '開始 年度末'))).map((line) => line.text)).toEqual([
      tabs('', A, B),
      tabs('名称', '民活動推進課と開始 年度末に在籍'),
      tabs('名称', '開始 年度末'),
    ]);
    // Printed nowhere with a space, the same break has two readings (a ragged edge, or the cell ended): kept.
    expect(joinWrappedCells(rows(tabs('名称', '開始年度末')))).toEqual(rows(tabs('名称', '開始年度末')));
  });

  it("joins nothing under a cell narrower than the ceiling, or after the widest cell a row of its own (today's files)", () => {
    const lines = fileLines(tabs('', `${A}の長い説明文です`), tabs('名称', B), tabs('', '管理課'), '続き');
    expect(joinWrappedCells(lines)).toEqual(lines);
  });

  it('keeps a row whose label the document shows starting a row where nothing above could continue', () => {
    // `備考` under a label as wide as the column could be its rest, but after `年度末評価`, a short label, the
    // layout says it starts a row: a label starts rows everywhere.
    const label = 'R7年度に向けた取組方'; // 20 columns, the ceiling
    const lines = fileLines(
      tabs(label, ''),
      tabs('備考', ''),
      tabs('年度末評価', 'B'),
      tabs('備考', 'なし'),
      tabs(A, B),
    );
    expect(joinWrappedCells(lines)).toEqual(lines);
  });
});

/**
 * Japanese text with no space in it: kanji and full-size kana, none a mark that cannot start a line (so any
 * place is a place to break) and none that starts an entry.
 */
const JAPANESE = [...'市民活動推進課地域自治会加入率上昇課題支援計画本庄版ネットワークプランまちなか再生にぎわい'];

describe('joinWrappedCells: a break between two Japanese characters takes no space', () => {
  it('gives back every row of drawn Japanese cells wrapped in their column, tight or one character short', () => {
    const text = (min: number, max: number) =>
      fc.array(fc.constantFrom(...JAPANESE), { minLength: min, maxLength: max }).map((chars) => chars.join(''));
    const row = (chars: number) =>
      fc.record({
        label: text(1, Math.max(1, chars - 3)),
        // The first cell runs over a line at least, so the row has a cell that overflowed its column.
        cells: fc.tuple(text(chars + 1, chars * 3), fc.array(text(1, chars * 3), { minLength: 1, maxLength: 3 })),
        shortBreaks: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      });
    const table = fc
      .integer({ min: 8, max: 30 })
      .chain((chars) => fc.tuple(fc.constant(chars), fc.array(row(chars), { minLength: 1, maxLength: 4 })));
    fc.assert(
      fc.property(table, ([chars, rows]) => {
        // A layout fills a line of `chars` full-width characters, or breaks one character early (a ragged
        // edge, where the rest's first character would have fitted exactly); the first cell always fills.
        const lines: string[] = [];
        for (const { label, cells, shortBreaks } of rows) {
          const all = [cells[0], ...cells[1]];
          // A short break alone on its line has two readings (the cell may have ended): only where the first
          // cell, which overflowed, goes on too.
          const firstLines = Math.ceil(cells[0].length / chars);
          const pieces = all.map((cell, c) => {
            const out: string[] = [];
            let rest = cell;
            let k = 0;
            while (rest.length > chars) {
              const short = c > 0 && k + 1 < firstLines && shortBreaks[k % shortBreaks.length] === true;
              k++;
              const cut = short ? chars - 1 : chars;
              out.push(rest.slice(0, cut));
              rest = rest.slice(cut);
            }
            return [...out, rest];
          });
          const height = Math.max(...pieces.map((p) => p.length));
          for (let k = 0; k < height; k++) {
            const cellsOfLine = pieces.map((p) => p[k] ?? '');
            while (cellsOfLine.at(-1) === '') cellsOfLine.pop();
            lines.push(tabs(k === 0 ? label : '', ...cellsOfLine));
          }
        }
        const expected = rows.map(({ label, cells }) => tabs(label, cells[0], ...cells[1]));
        expect(joinWrappedCells(fileLines(...lines)).map((line) => line.text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
