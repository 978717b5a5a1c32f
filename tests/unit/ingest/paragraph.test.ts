import fc from 'fast-check';
import { removeExtractionNoise } from '../../../src/ingest/extraction-noise';
import { paragraphText } from '../../../src/ingest/paragraph';
import { SourceDocument } from '../../../src/ingest/source-document';
import { Draws, breakText } from './re-rendering';

/**
 * Japanese words, Latin words and numbers, separated as the documents write them: a space may stand next to
 * a Latin word (`NPO 法人`, `PPP / PFI`); Japanese runs on without one.
 */
const word = fc.oneof(
  fc.constantFrom('市民', '協働', 'まちづくり', '推進', '子育て支援', '、', '。', '「施策」', '（案）'),
  fc.stringMatching(/^[A-Za-z0-9]{1,6}$/),
);
const text = fc
  .array(fc.tuple(word, fc.constantFrom('', ' ')), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.map(([w, space]) => (/[A-Za-z0-9]/.test(w) ? w + space : w)).join(''))
  .map((t) => t.trim().replace(/ {2,}/g, ' '))
  .filter((t) => t !== '');

const fullWidth = (t: string): string =>
  t.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const folded = (t: string): string =>
  t.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

describe('paragraphText: a paragraph whatever its line breaks', () => {
  it('gives the text back from any kinsoku wrapping of it, the space at a break kept or dropped, in either width', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 16, max: 80 }), fc.nat(), fc.boolean(), (original, width, seed, wide) => {
        const printed = wide ? fullWidth(original) : original;
        const lines = breakText(printed, width, new Draws(seed));
        const doc = removeExtractionNoise(new SourceDocument('x.txt', lines.join('\n')));
        const read = paragraphText(
          doc,
          doc.lines.map((_, i) => i + 1),
        );
        expect(read.replace(/\s+$/, '')).toBe(folded(original));
      }),
      { numRuns: 300 },
    );
  });
});
