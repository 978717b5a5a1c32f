import { displayWidth } from '../../../src/ingest/extraction-noise/line-measure';
import { SOURCE_FILES } from '../../../src/ingest/merge/read-documents';
import { SourceDocument } from '../../../src/ingest/source-document';
import { breakLines, mayBreakBefore } from '../../helpers/japanese-line-breaking';

/**
 * The layout generator the re-wrap tests use follows Japanese line breaking, not a fixed count: checked on
 * every line and cell of the five documents set at 20 and 33 ems.
 */
const texts = Object.values(SOURCE_FILES).flatMap((file) =>
  SourceDocument.read('seed/sources', file).lines.flatMap((line) => line.split('\t')),
);
const CANNOT_START =
  /^[、。，．・：；？！ー々）」』】〕］｝〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥)\].,:;!?%/]/u;

describe.each([20, 33])('text set in a column of %i ems', (ems) => {
  const laid = texts.filter((text) => text.trim() !== '').map((text) => ({ text, lines: breakLines(text, ems) }));
  const breaks = laid.flatMap(({ lines }) => lines.slice(1).map((next, i) => [lines[i] ?? '', next] as const));

  it('keeps every character, drops only white space at a break, and starts or ends no line with a space', () => {
    for (const { text, lines } of laid) expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    for (const [above, next] of breaks) {
      expect(above).toBe(above.trimEnd());
      expect(next).toBe(next.trimStart());
    }
    expect(breaks.length).toBeGreaterThan(500);
  });

  it('starts no line with a mark kinsoku keeps off a line’s start and ends none with an opening bracket', () => {
    expect(breaks.filter(([, next]) => CANNOT_START.test(next))).toEqual([]);
    expect(breaks.filter(([above]) => /[（「『【〔［｛〈《(]$/.test(above))).toEqual([]);
  });

  it('splits no Latin word or number', () => {
    // Two ASCII characters either side of a break were one word unless the text had a space between them.
    const split = laid.flatMap(({ text, lines }) =>
      lines.slice(1).flatMap((next, i) => {
        const above = lines[i] ?? '';
        const joined = /[!-,.-~]$/.test(above) && /^[!-~]/.test(next) ? above + next : null;
        return joined !== null && text.replace(/\s+/g, ' ').includes(joined) ? [joined] : [];
      }),
    );
    expect(split).toEqual([]);
  });

  it('fills each line to the last place a line may break: wider lines only where a piece cannot be broken', () => {
    const over = laid.flatMap(({ lines }) =>
      lines.filter((line) => displayWidth(line) > ems * 2 && [...line].some((_, i) => mayBreakBefore([...line], i))),
    );
    expect(over).toEqual([]);
    // The next line's first character would not have fitted after any line that broke (ragged, not cut):
    // a line shorter than the column by more than one full-width character broke before a longer piece.
    const ragged = breaks.filter(([above]) => displayWidth(above) < ems * 2 - 2);
    expect(ragged.length).toBeGreaterThan(10);
  });
});
