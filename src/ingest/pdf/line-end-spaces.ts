import type { PdfjsModule } from './pdfjs-module';
import type { PrintedRun } from './printed-run';
import { IDENTITY, type Matrix, multiply, type OperatorList, toMatrix } from './operator-list';

/**
 * Which printed lines of each piece of marked content (by MCID) end with a space, top line first. A line
 * that wraps at a space keeps it at its end (Chromium and word processors draw it), but pdfjs's text
 * content drops white space at a line's end, so a wrapped `470 件` would read back as `470件`. The
 * drawing operators still have it: the last glyph a line shows. Lines are told apart by the text
 * matrix's vertical position; content outside marked content is left out.
 */
export function lineEndSpaces(ops: OperatorList, OPS: PdfjsModule['OPS']): Map<number, boolean[]> {
  const lines = new Map<number, { y: number; space: boolean }[]>();
  const open: (number | null)[] = [];
  let y = 0;
  ops.fnArray.forEach((fn, index) => {
    const args = ops.argsArray[index] as unknown[] | null;
    if (fn === OPS.beginMarkedContentProps) {
      const mcid = args?.[0] !== 'OC' && Number.isInteger(args?.[1]) ? (args?.[1] as number) : null;
      open.push(mcid ?? open.at(-1) ?? null);
    } else if (fn === OPS.beginMarkedContent) open.push(open.at(-1) ?? null);
    else if (fn === OPS.endMarkedContent) open.pop();
    else if (fn === OPS.setTextMatrix) y = Number((args?.[0] as ArrayLike<number> | undefined)?.[5] ?? y);
    else if (fn === OPS.moveText || fn === OPS.setLeadingMoveText) y += Number(args?.[1] ?? 0);
    else if (fn === OPS.nextLine || fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) y += 1e-3;
    else if (fn === OPS.showText || fn === OPS.showSpacedText) {
      const mcid = open.at(-1);
      if (mcid === null || mcid === undefined) return;
      const glyphs = (args?.[0] as readonly unknown[] | undefined) ?? [];
      const shown = glyphs.filter((glyph): glyph is { unicode: string } => typeof glyph === 'object' && glyph !== null);
      if (shown.length === 0) return;
      const space = /\s$/.test(shown.at(-1)?.unicode ?? '');
      const own = lines.get(mcid) ?? [];
      const last = own.at(-1);
      if (last && last.y === y) last.space = space;
      else own.push({ y, space });
      lines.set(mcid, own);
    }
  });
  return new Map([...lines].map(([mcid, own]): [number, boolean[]] => [mcid, own.map((line) => line.space)]));
}

/** A piece of text the page shows: where it starts (page coordinates) and whether its last glyph is white space. */
interface ShownText {
  readonly x: number;
  readonly y: number;
  readonly space: boolean;
}

/**
 * The same for an untagged page, whose lines no marked content names: each printed line's last shown text
 * is found by position. The operators' text positions are mapped to the page through the transformation
 * matrix (`save`/`restore`/`transform`) as pdfjs maps the runs, and a run gets the space back when the
 * text shown last within it ends with one (a cell's last run on a printed line, in a table of many cells).
 */
export function withLineEndSpacesByPosition(
  runs: readonly PrintedRun[],
  ops: OperatorList,
  OPS: PdfjsModule['OPS'],
): PrintedRun[] {
  const shown = shownTexts(ops, OPS);
  return runs.map((run) => {
    const within = shown.filter(
      (text) => Math.abs(text.y - run.y) <= 0.35 * run.size && text.x >= run.x - 1 && text.x < run.right,
    );
    const final = within.reduce<ShownText | undefined>(
      (end, text) => (!end || text.x >= end.x ? text : end),
      undefined,
    );
    return final?.space && run.text.trim() !== '' && !/\s$/.test(run.text) ? { ...run, text: `${run.text} ` } : run;
  });
}

function shownTexts(ops: OperatorList, OPS: PdfjsModule['OPS']): ShownText[] {
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let line: Matrix = IDENTITY;
  const out: ShownText[] = [];
  ops.fnArray.forEach((fn, index) => {
    const args = ops.argsArray[index] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(toMatrix(args), ctm);
    else if (fn === OPS.beginText) line = IDENTITY;
    else if (fn === OPS.setTextMatrix) line = toMatrix(Array.from((args?.[0] as ArrayLike<number> | undefined) ?? []));
    else if (fn === OPS.moveText || fn === OPS.setLeadingMoveText)
      line = multiply([1, 0, 0, 1, Number(args?.[0] ?? 0), Number(args?.[1] ?? 0)], line);
    else if (fn === OPS.showText || fn === OPS.showSpacedText) {
      const glyphs = (args?.[0] as readonly unknown[] | undefined) ?? [];
      const unicode = glyphs
        .filter((glyph): glyph is { unicode: string } => typeof glyph === 'object' && glyph !== null)
        .map((glyph) => glyph.unicode);
      if (unicode.length === 0) return;
      const [, , , , x, y] = multiply(line, ctm);
      out.push({ x, y, space: /\s$/.test(unicode.at(-1) ?? '') });
    }
  });
  return out;
}
