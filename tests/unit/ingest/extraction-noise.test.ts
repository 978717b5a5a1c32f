import { removeExtractionNoise } from '../../../src/ingest/extraction-noise';
import { SourceDocument } from '../../../src/ingest/source-document';
import { foldDigitsAndLatin } from '../../../src/core/text';
import { describeCorpus } from './corpus-graph';
import {
  asExtraction,
  blankLines,
  crlfAndBom,
  fullWidthDigitsAndLatin,
  pageFurniture,
  rewrapRunningText,
  type Transformation,
} from './extraction-corpus';

describe('the extraction-noise rules', () => {
  const clean = (...lines: string[]): { lines: readonly string[]; fileLines: number[] } => {
    const doc = removeExtractionNoise(new SourceDocument('x.txt', lines.join('\n')));
    return { lines: doc.lines, fileLines: doc.lines.map((_, i) => doc.ref(i + 1).line) };
  };

  it('drops page numbers with the running header next to them, keeping each line tied to its file line', () => {
    const page = (n: number): string[] => ['', `- ${n} -`, '', '本庄市計画'];
    expect(clean('本庄市計画', 'a', ...page(2), 'b', ...page(3), 'c')).toEqual({
      lines: ['本庄市計画', 'a', 'b', 'c'],
      fileLines: [1, 2, 7, 12],
    });
  });

  it('keeps one blank line where a page break held more blank lines than the furniture’s own (a paragraph ended)', () => {
    const page = (n: number): string[] => ['', `- ${n} -`, '', '本庄市計画'];
    expect(clean('本庄市計画', 'a', ...page(2), 'b', '', ...page(3), 'c', ...page(4), 'd')).toEqual({
      lines: ['本庄市計画', 'a', 'b', '', 'c', 'd'],
      fileLines: [1, 2, 7, 8, 13, 18],
    });
  });

  it('keeps no blank line where a page break cut a table, however wide the gap above the page number', () => {
    // As 003's contents read from Chromium's PDF: rows 21 and 22 of one table, a page a row short of full.
    const page = (n: number): string[] => ['', `- ${n} -`, ''];
    expect(
      clean(
        '21\tWEB アンケート\t市街地整備室',
        '',
        ...page(1),
        '22\tICT 機器\t生涯学習課',
        ...page(2),
        '23\t蔵書\t図書館',
      ),
    ).toEqual({
      lines: ['21\tWEB アンケート\t市街地整備室', '22\tICT 機器\t生涯学習課', '23\t蔵書\t図書館'],
      fileLines: [1, 6, 10],
    });
  });

  it('drops a running header of two lines (title, then chapter)', () => {
    const header = ['本庄市計画', '第5章'];
    expect(clean('a', '1', ...header, 'b', '2', ...header, 'c', '3', ...header, 'd').lines).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('keeps the content line the running header repeats, wherever a page break falls next to it (each layout)', () => {
    // The first heading, after blank lines, is the title every page repeats (001's `第5章 市民生活分野`), and
    // pages of 5 lines and more put a break next to it.
    // A run of blank lines makes pages that hold nothing: two breaks, each with its header, next to each other.
    const text = (k: number): string[] => [`本文${k}。`, '', ...(k === 20 ? Array<string>(14).fill('') : [])];
    const body = ['', '', '', '', '第1章 題名', '', ...Array.from({ length: 40 }, (_, k) => text(k)).flat()];
    const original = new SourceDocument('x.txt', body.join('\n'));
    const styles = ['dashed number, header, blank lines', 'bare number and header', 'form feed and footer'] as const;
    for (const style of styles) {
      for (let interval = 5; interval <= 12; interval++) {
        const copy = pageFurniture(interval, style)(asExtraction(original), original);
        const doc = removeExtractionNoise(new SourceDocument('x.txt', copy.text));
        const texts = doc.lines.flatMap((line, i) => (line.trim() === '' ? [] : [[line, doc.fileLine(i + 1)]]));
        const expected = body.flatMap((line, i) => (line === '' ? [] : [[line, copy.lineOf[i]]]));
        expect({ style, interval, texts }).toEqual({ style, interval, texts: expected });
      }
    }
  });

  it('splits at form feeds and drops a footer seen at every break', () => {
    expect(clean('a', '本庄市', '\fb', '本庄市', '\fc').lines).toEqual(['a', 'b', 'c']);
  });

  it('keeps a line that stands next to one page break only: content, not furniture', () => {
    expect(clean('a', '12', '現況と課題', 'b', '13', 'c', '14', 'd').lines).toEqual(['a', '現況と課題', 'b', 'c', 'd']);
  });

  it('keeps a number alone on its line that is out of the page sequence (a year between pages 12 and 13)', () => {
    expect(clean('a', '12', 'b', '2023', 'c', '13', 'd', '14', 'e').lines).toEqual(['a', 'b', '2023', 'c', 'd', 'e']);
    expect(clean('a', '5', 'b').lines).toEqual(['a', '5', 'b']);
  });

  it('keeps two numbers alone between lines of text where nothing else says a page broke (a paragraph’s digits)', () => {
    // A paragraph wrapped before its `０` and its last `１`: two numbers in sequence, no header, blank or form feed.
    expect(clean('まちづくり０', '０', 'Ａａ', 'Ａ０Ａ０', '１').lines).toEqual([
      'まちづくり0',
      '0',
      'Aa',
      'A0A0',
      '1',
    ]);
    // `０` and `１` on lines of their own at a paragraph's start: two numbers together, nothing else.
    expect(clean('０', '１', 'Ａａ０ 「施策」').lines).toEqual(['0', '1', 'Aa0 「施策」']);
    expect(clean('a', '12', 'b', '13', 'c', '14', 'd').lines).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a number alone between two lines of text, in the page sequence, where pages print a header', () => {
    // `１０` of `１０６団体`, a narrow line's digits, between pages 11 and 12 (a number one page short of 12).
    const page = (n: number): string[] => [String(n), '本庄市計画'];
    expect(clean('a', ...page(11), 'b', '10', 'c', ...page(12), 'd', ...page(13), 'e').lines).toEqual([
      'a',
      'b',
      '10',
      'c',
      'd',
      'e',
    ]);
  });

  it('keeps numbers that share their line with text (table cells, list items)', () => {
    expect(clean('12\t13', '1. 自治会の支援', '82.31 %').lines).toEqual(['12\t13', '1. 自治会の支援', '82.31 %']);
  });

  it('folds full-width digits and Latin only: katakana, circled numerals and symbols stay', () => {
    expect(foldDigitsAndLatin('令和４年（ＮＰＯ法人）⑯ｶﾀｶﾅ：１２％')).toBe('令和4年（NPO法人）⑯ｶﾀｶﾅ：12％');
  });

  it('joins a break next to half-width text in a recognised column, but not the next entry, an indent, a tab row or a short line', () => {
    const full = (k: number): string => `●${'あ'.repeat(17)}${k}`.padEnd(19, 'い') + 'AB'; // 40 or 39 columns
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const paragraphs = ten.flatMap((k) => [full(k), `CD続き${k}。`]);
    const rest = [full(11), '- 次の項目', full(12), ' 字下げの段落', full(13), '項目\t値', '短い行', '別の行'];
    const { lines, fileLines } = clean(...paragraphs, ...rest);
    // Every break falls inside `ABCD` where one more letter would not fit: a dump cut at a fixed count, so no space.
    expect(lines.slice(0, 10)).toEqual(ten.map((k) => `${full(k)}CD続き${k}。`));
    expect(fileLines.slice(0, 3)).toEqual([1, 3, 5]);
    expect(lines.slice(10)).toEqual(rest);
  });

  it('leaves a break between Japanese or full-width characters to the readers, and keeps a lone bullet off', () => {
    const kana = [...'かきくけこさしすせそ'];
    // A column of 39: breaks between `１` and `６` of `１６.８%`, where no space was printed, and breaks between
    // two half-width words that a layout broke at the space it dropped (`AB` would have fitted one more letter).
    const digits = kana.map((k) => `●${'あ'.repeat(17)}${k}１`);
    const words = kana.map((k) => `●${'あ'.repeat(16)}${k}AB`);
    const lines = [
      ...digits.flatMap((line) => [line, '６.８%です。']),
      ...words.flatMap((line) => [line, 'CDEFGH です。']),
    ];
    const last = `●${'あ'.repeat(17)}たち`;
    const doc = removeExtractionNoise(new SourceDocument('x.txt', [...lines, last, '-', '防犯'].join('\n')));
    expect(doc.lines.slice(0, 20)).toEqual(digits.flatMap((line) => [foldDigitsAndLatin(line), '6.8%です。']));
    expect(doc.lines.slice(20, 30)).toEqual(words.map((line) => `${line} CDEFGH です。`));
    expect(doc.lines.slice(30)).toEqual([last, '-', '防犯']);
  });

  it("joins nothing when no column is shared by enough prose lines (today's files)", () => {
    const wide = `●${'あ'.repeat(30)}`;
    expect(clean(wide, 'つづき', wide, 'つづき').lines).toEqual([wide, 'つづき', wide, 'つづき']);
  });

  it('drops a byte-order mark', () => {
    expect(clean('\uFEFF本庄市', 'a').lines).toEqual(['本庄市', 'a']);
  });
});

/**
 * The corpus: the five real documents as other extractions of the same PDFs would give them (see
 * extraction-corpus.ts for exactly what each transformation does). Every copy must build seed/graph.json:
 * everything identical except source lines, and every source line of a document must point at the line
 * where the same text now starts.
 */
const CORPUS: Record<string, readonly Transformation[]> = {
  'page numbers `- n -`, title header, blank lines every 25 lines': [
    pageFurniture(25, 'dashed number, header, blank lines'),
  ],
  'bare page numbers and title header every 40 lines': [pageFurniture(40, 'bare number and header')],
  'form feeds with title footer and page number every 60 lines': [pageFurniture(60, 'form feed and footer')],
  'page furniture every 7 lines': [pageFurniture(7, 'dashed number, header, blank lines')],
  'full-width digits and Latin everywhere': [fullWidthDigitsAndLatin('all')],
  'full-width digits and Latin on every other line': [fullWidthDigitsAndLatin('mixed')],
  'CRLF and a BOM': [crlfAndBom],
  'running text re-wrapped at 40 columns': [rewrapRunningText(40)],
  'running text re-wrapped at 60 columns': [rewrapRunningText(60)],
  'running text re-wrapped at 84 columns': [rewrapRunningText(84)],
  'running text re-wrapped at 50 columns, page furniture every 30 lines, full-width digits, CRLF and BOM': [
    rewrapRunningText(50),
    pageFurniture(30, 'dashed number, header, blank lines'),
    fullWidthDigitsAndLatin('all'),
    crlfAndBom,
  ],
  'every blank line removed but after slogans': [blankLines('removed but after slogans')],
  'every blank line doubled': [blankLines('doubled')],
  'page furniture every 33 lines, full-width digits, CRLF and BOM': [
    pageFurniture(33, 'bare number and header'),
    fullWidthDigitsAndLatin('mixed'),
    crlfAndBom,
  ],
};

describeCorpus('another extraction of the five documents', CORPUS);
