import type { OperatorList } from './operator-list';
import type { PdfjsModule } from './pdfjs-module';

/**
 * Whether a page's drawing paints anything besides text: an image of any kind pdfjs names (an XObject, an
 * inline image, an image mask), a shading, or a path filled or stroked (pdfjs packs a path's paint operator
 * into `constructPath` as its first argument). A page without text that paints something is a scan or a
 * drawing whose facts cannot be read; one that paints nothing at all is a blank page.
 */
export function paintsAnything(ops: OperatorList, OPS: PdfjsModule['OPS']): boolean {
  const images = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintSolidColorImageMask,
    OPS.shadingFill,
  ]);
  const paths = new Set<number>([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.stroke,
    OPS.closeStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  return ops.fnArray.some(
    (fn, index) =>
      images.has(fn) ||
      paths.has(fn) ||
      (fn === OPS.constructPath && paths.has(Number((ops.argsArray[index] as unknown[] | null)?.[0]))),
  );
}
