import type { PdfjsModule } from './pdfjs-module';
import { IDENTITY, type Matrix, multiply, type OperatorList, toMatrix } from './operator-list';

/** A glyph a page draws (`showText`): its Unicode text and its origin on the page, in points. */
export interface DrawnGlyph {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/** A glyph as pdfjs's operator list gives it inside a `showText` operand. */
interface OperatorGlyph {
  readonly unicode: string;
  readonly width: number;
  readonly isSpace?: boolean;
}

function isGlyph(item: unknown): item is OperatorGlyph {
  return typeof item === 'object' && item !== null && typeof (item as OperatorGlyph).unicode === 'string';
}

/** The text state the advance of a glyph depends on (PDF 32000-1, 9.3 and 9.4.4). */
interface TextState {
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  leading: number;
}

/**
 * Every glyph the page draws, where its origin falls, in drawing order. pdfjs's text content decides a
 * space by the room between glyphs, so a gap a producer leaves without drawing anything (a word
 * processor's extra room between Japanese and Latin letters) and a space glyph read alike there; the
 * drawing operators keep the difference. The origin follows the text and line matrices and each glyph's
 * advance (width × size, character and word spacing, horizontal scaling, `TJ` offsets) through the
 * transformation matrix, as pdfjs places the runs of its text content. Widths are taken in thousandths
 * of the text size (every font type but Type 3, whose own matrix the operator list does not carry: its
 * glyphs then fall off their runs, and those runs keep pdfjs's spaces).
 */
export function drawnGlyphs(ops: OperatorList, OPS: PdfjsModule['OPS']): DrawnGlyph[] {
  const stack: { ctm: Matrix; state: TextState }[] = [];
  let ctm: Matrix = IDENTITY;
  let state: TextState = { size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, rise: 0, leading: 0 };
  let lineMatrix: Matrix = IDENTITY;
  let textMatrix: Matrix = IDENTITY;
  const out: DrawnGlyph[] = [];
  const moveLine = (tx: number, ty: number): void => {
    lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
    textMatrix = lineMatrix;
  };
  ops.fnArray.forEach((fn, index) => {
    const args = (ops.argsArray[index] as unknown[] | null) ?? [];
    const number = (at: number): number => Number(args[at] ?? 0);
    if (fn === OPS.save) stack.push({ ctm, state: { ...state } });
    else if (fn === OPS.restore) ({ ctm, state } = stack.pop() ?? { ctm: IDENTITY, state });
    else if (fn === OPS.transform) ctm = multiply(toMatrix(args), ctm);
    else if (fn === OPS.beginText) lineMatrix = textMatrix = IDENTITY;
    else if (fn === OPS.setTextMatrix)
      lineMatrix = textMatrix = toMatrix(Array.from((args[0] as ArrayLike<number> | undefined) ?? []));
    else if (fn === OPS.moveText) moveLine(number(0), number(1));
    else if (fn === OPS.setLeadingMoveText) {
      state.leading = -number(1);
      moveLine(number(0), number(1));
    } else if (fn === OPS.nextLine) moveLine(0, -state.leading);
    else if (fn === OPS.setFont) state.size = Math.abs(number(1));
    else if (fn === OPS.setCharSpacing) state.charSpacing = number(0);
    else if (fn === OPS.setWordSpacing) state.wordSpacing = number(0);
    else if (fn === OPS.setHScale) state.hScale = number(0) / 100;
    else if (fn === OPS.setTextRise) state.rise = number(0);
    else if (fn === OPS.setLeading) state.leading = number(0);
    else if (fn === OPS.showText) {
      let advance = 0;
      for (const item of (args[0] as readonly unknown[] | undefined) ?? []) {
        if (typeof item === 'number') {
          advance -= (item * state.size) / 1000;
          continue;
        }
        if (!isGlyph(item)) continue;
        const [, , , , x, y] = multiply(multiply([1, 0, 0, 1, advance * state.hScale, state.rise], textMatrix), ctm);
        out.push({ text: item.unicode, x, y });
        advance += (item.width * state.size) / 1000 + state.charSpacing + (item.isSpace ? state.wordSpacing : 0);
      }
      textMatrix = multiply([1, 0, 0, 1, advance * state.hScale, 0], textMatrix);
    }
  });
  return out;
}
