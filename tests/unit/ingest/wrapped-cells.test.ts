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
    expect(out).toEqual([
      { text: tabs('', `${A}管理課`, '←変更あり ●地域のニーズや課題に対して支援します。'), fileLine: 1 },
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
