/**
 * A page's drawing operators as pdfjs returns them (`PDFPageProxy.getOperatorList`), and the transformation
 * matrices that place what they draw on the page (`cm`, kept across `q`/`Q`), which the readers of ruling
 * lines and of the text shown at a line's end both follow.
 */
/** A page's operator list as pdfjs returns it (`PDFPageProxy.getOperatorList`). */
export interface OperatorList {
  readonly fnArray: readonly number[];
  readonly argsArray: readonly unknown[];
}

export type Matrix = readonly [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` then `n`: PDF's matrices multiply row vectors, so a `cm` operand comes first. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export function toMatrix(args: readonly unknown[] | null): Matrix {
  const [a, b, c, d, e, f] = (args ?? []).map(Number);
  return [a ?? 1, b ?? 0, c ?? 0, d ?? 1, e ?? 0, f ?? 0];
}
