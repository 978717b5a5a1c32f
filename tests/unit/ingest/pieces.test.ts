import fc from 'fast-check';
import { readPieces } from '../../../src/ingest/pieces';
import { SourceDocument } from '../../../src/ingest/source-document';
import { startsSheetPiece } from '../../../src/ingest/revision-sheet/sheet-sections';
import { Draws, breakText } from './re-rendering';

/**
 * Pieces of a revision sheet: whatever width each paragraph was wrapped at, wherever kinsoku let it break,
 * with the space at a break kept or dropped and blank lines between pieces or not, `readPieces` gives the
 * pieces back, each at the line its text starts on. What starts a piece is what the sheets print (an entry
 * mark, a label, a status), never where a line ended.
 */
const word = fc.constantFrom(
  '市民',
  '協働',
  'まちづくり',
  '推進',
  '子育て支援',
  '、',
  '。',
  '「施策」',
  '内容の',
  '新規事業',
);
const prose = fc
  .array(word, { minLength: 1, maxLength: 25 })
  .map((words) => words.join(''))
  .filter((text) => !/^[、。]/.test(text));
const paragraph = fc.oneof(
  fc.tuple(fc.constantFrom('●', '- ', '※', '【市民アンケートより】'), prose).map(([mark, text]) => mark + text),
  fc.tuple(fc.constantFrom('←変更あり ', '新規 '), fc.constantFrom('●', '- '), prose).map((parts) => parts.join('')),
  fc.constantFrom('めざす姿', '現況と課題', '←変更なし', '大項目名の変更必要性 なし'),
  prose.map((name) => `施策大項目 **2. ${name}**`),
);
/** A table row: a piece of its own, whatever stands around it. */
const row = fc.constantFrom('施策中項目\t1 自治会の支援\t評価回答部署\t市民活動推進課', '\t満足度\t-0.10\t0.03');

describe('readPieces on a revision sheet', () => {
  it('gives back each drawn piece, at the line it starts on, however its paragraphs were wrapped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: paragraph, weight: 4 }, { arbitrary: row, weight: 1 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(),
        (pieces, seed) => {
          const draws = new Draws(seed);
          const lines: string[] = [];
          const starts: number[] = [];
          for (const piece of pieces) {
            if (draws.chance(0.5)) lines.push('');
            starts.push(lines.length + 1);
            lines.push(...(piece.includes('\t') ? [piece] : breakText(piece, draws.int(16, 120), draws)));
          }
          const doc = new SourceDocument('x.txt', lines.join('\n'));
          const read = readPieces(doc, { first: 1, last: lines.length }, startsSheetPiece);
          expect(read.map((r) => r.line)).toEqual(starts);
          expect(read.map((r) => r.cells.join('\t').replace(/\s+/g, ''))).toEqual(
            pieces.map((piece) => piece.replace(/\*\*/g, '').replace(/\s+/g, '')),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
