import fc from 'fast-check';
import { drawnGlyphs } from '../../../src/ingest/pdf/drawn-glyphs';
import { respaced, withDrawnSpaces } from '../../../src/ingest/pdf/drawn-spaces';
import { pdfjs } from '../../../src/ingest/pdf/pdfjs-module';

/**
 * A run's spaces come from the glyphs the page draws, not from the room between them: pdfjs's text content
 * spaces any gap (a producer's extra room between Japanese and Latin letters too) and may miss a narrow
 * space glyph. Whatever pdfjs put between two characters, the text has white space there exactly when a
 * white space glyph is drawn there.
 */

/** A visible character: Japanese, Latin, a digit or a mark, as the documents mix them. */
const visible = fc.constantFrom(...'関連するSDGs年度H24R5市民協働NPO法人。、（）()%-/.・●①'.split(''));
/** White space a page may draw: a space or an ideographic space. */
const white = fc.constantFrom(' ', '\u3000');

/** Between two characters: nothing drawn (pdfjs may still space the gap), or white space glyphs drawn. */
const between = fc.oneof(
  fc.record({ drawn: fc.constant(''), pdfjs: fc.constantFrom('', ' ') }),
  fc.record({
    drawn: fc.array(white, { minLength: 1, maxLength: 2 }).map((spaces) => spaces.join('')),
    pdfjs: fc.constantFrom('', ' ', '\u3000'),
  }),
);

const runs = fc
  .array(fc.tuple(visible, between), { minLength: 1, maxLength: 30 })
  .chain((pairs) => visible.map((last) => ({ pairs, last })));

describe('respaced: a space between two characters exactly where white space is drawn', () => {
  it('keeps, drops or puts back white space by the glyphs, whatever pdfjs put in the gap', () => {
    fc.assert(
      fc.property(runs, ({ pairs, last }) => {
        const glyphs = [...pairs.flatMap(([char, gap]) => [char, ...gap.drawn]), last];
        const text = pairs.map(([char, gap]) => char + gap.pdfjs).join('') + last;
        const out = respaced(text, glyphs);
        const visibleOut = out.replace(/\s/gu, '');
        expect(visibleOut).toBe(pairs.map(([char]) => char).join('') + last);
        // Split at every visible character: each gap of the output against what was drawn there.
        const gaps = out.split(/\S/u).slice(1, -1);
        expect(gaps.map((gap) => gap !== '')).toEqual(pairs.map(([, gap]) => gap.drawn !== ''));
        // White space pdfjs gave where some is drawn is kept as pdfjs gave it.
        pairs.forEach(([, gap], index) => {
          if (gap.drawn !== '' && gap.pdfjs !== '') expect(gaps[index]).toBe(gap.pdfjs);
        });
      }),
    );
  });

  it('leaves white space at the run ends alone (a wrap or a cell edge, read elsewhere)', () => {
    fc.assert(
      fc.property(runs, fc.constantFrom('', ' '), fc.constantFrom('', ' '), ({ pairs, last }, lead, trail) => {
        const glyphs = [...pairs.flatMap(([char, gap]) => [char, ...gap.drawn]), last];
        const text = pairs.map(([char, gap]) => char + gap.pdfjs).join('') + last;
        const out = respaced(lead + text + trail, glyphs);
        expect(out.startsWith(lead) && out.endsWith(trail)).toBe(true);
        expect(out.trim()).toBe(respaced(text, glyphs).trim());
      }),
    );
  });

  it("returns pdfjs's text when the glyphs' visible characters are not the run's", () => {
    fc.assert(
      fc.property(runs, visible, ({ pairs, last }, stray) => {
        const glyphs = [...pairs.flatMap(([char, gap]) => [char, ...gap.drawn]), last, stray];
        const text = pairs.map(([char, gap]) => char + gap.pdfjs).join('') + last;
        expect(respaced(text, glyphs)).toBe(text);
      }),
    );
  });
});

describe('drawnGlyphs and withDrawnSpaces: glyphs placed by their advances pick the run they fall in', () => {
  it('places every glyph at the sum of the advances before it, and respaces the run over them', () => {
    const { OPS } = pdfjs();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(visible, fc.boolean(), fc.integer({ min: -400, max: 0 })), { minLength: 2, maxLength: 20 }),
        fc.integer({ min: 8, max: 14 }),
        fc.integer({ min: 0, max: 500 }),
        (chars, size, left) => {
          // Each character drawn at its width (a full em), optionally followed by a space glyph of half an
          // em, then moved right by a `TJ` offset (an office suite's autospace: room without a glyph).
          const operand: unknown[] = [];
          for (const [char, space, offset] of chars) {
            operand.push({ unicode: char, width: 1000 });
            if (space) operand.push({ unicode: ' ', width: 500, isSpace: true });
            operand.push(offset);
          }
          const fnArray = [OPS.beginText, OPS.setFont, OPS.moveText, OPS.showText, OPS.endText];
          const argsArray = [null, ['F1', size], [left, 700], [operand], null];
          const glyphs = drawnGlyphs({ fnArray, argsArray }, OPS);
          let x = left;
          for (const [index, [, space, offset]] of chars.entries()) {
            expect(glyphs.filter((glyph) => !/\s/u.test(glyph.text))[index]?.x).toBeCloseTo(x, 6);
            x += size + (space ? size / 2 : 0) - (offset * size) / 1000;
          }
          // pdfjs's text: a space in every gap, drawn or not.
          const text = chars.map(([char]) => char).join(' ');
          const run = { text, x: left, right: x, y: 700, size };
          const expected = chars.map(([char, space], index) => char + (space && index < chars.length - 1 ? ' ' : ''));
          expect(withDrawnSpaces(run, glyphs)).toBe(expected.join(''));
        },
      ),
    );
  });
});
