import { IDENTITY, type Matrix, multiply, type OperatorList, toMatrix } from './operator-list';
import type { PdfjsModule } from './pdfjs-module';

/**
 * A ruling line of the page: a horizontal or vertical stroke or thin filled rectangle, in the page's default
 * coordinates (points, y up from the page's foot, as the text's positions). `from`…`to` runs along it, `at`
 * is where it lies across (y of a horizontal rule, x of a vertical one).
 */
export interface Rule {
  readonly horizontal: boolean;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** A painted shape thinner than this (points) is a rule; a table border is 0.5–1 pt wide. */
const RULE_THICKNESS = 2.5;
/** A rule shorter than this (points) is a dot or a glyph's piece, not a border. */
const MIN_RULE_LENGTH = 4;

/**
 * The page's ruling lines, read from its drawing operators as the lattice method of Camelot, Tabula and
 * pdfplumber reads them: every painted path (filled or stroked, never a clip) whose box is thin in one
 * direction is a rule; a stroked box is its four sides. pdfjs hands each path with its bounding box in the
 * coordinates of the moment (`constructPath`: paint operator, path data, box), so the box is mapped through
 * the transformation matrix the `save`/`restore`/`transform` operators keep.
 */
export function rulingLines(ops: OperatorList, OPS: PdfjsModule['OPS']): Rule[] {
  const painting = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke]);
  const stroking = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke]);
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const rules: Rule[] = [];
  ops.fnArray.forEach((fn, index) => {
    const args = ops.argsArray[index] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(toMatrix(args), ctm);
    else if (fn === OPS.constructPath) {
      const paint = Number(args?.[0]);
      const box = args?.[2] as ArrayLike<number> | null | undefined;
      if (!box || box.length < 4 || !(painting.has(paint) || stroking.has(paint))) return;
      const corners = [
        [box[0] ?? 0, box[1] ?? 0],
        [box[2] ?? 0, box[3] ?? 0],
        [box[0] ?? 0, box[3] ?? 0],
        [box[2] ?? 0, box[1] ?? 0],
      ].map(([x = 0, y = 0]) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]] as const);
      const xs = corners.map(([x]) => x);
      const ys = corners.map(([, y]) => y);
      const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      rules.push(...rulesOfBox(left, right, bottom, top, stroking.has(paint)));
    }
  });
  return rules;
}

function rulesOfBox(left: number, right: number, bottom: number, top: number, stroked: boolean): Rule[] {
  const [width, height] = [right - left, top - bottom];
  if (height <= RULE_THICKNESS && width >= MIN_RULE_LENGTH)
    return [{ horizontal: true, at: (top + bottom) / 2, from: left, to: right }];
  if (width <= RULE_THICKNESS && height >= MIN_RULE_LENGTH)
    return [{ horizontal: false, at: (left + right) / 2, from: bottom, to: top }];
  if (!stroked || width < MIN_RULE_LENGTH || height < MIN_RULE_LENGTH) return [];
  return [
    { horizontal: true, at: top, from: left, to: right },
    { horizontal: true, at: bottom, from: left, to: right },
    { horizontal: false, at: left, from: bottom, to: top },
    { horizontal: false, at: right, from: bottom, to: top },
  ];
}
