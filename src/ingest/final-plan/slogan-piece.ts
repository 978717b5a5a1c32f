import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';

/** A sentence's end: each speech bubble ends with one, a slogan (a phrase) never holds one. */
const SENTENCE_END = /[。！？!?]/;

/**
 * Where a chapter's slogan ends, the document printing two readings alike: the message names the document, the
 * line where the slogan starts, and both readings.
 */
export class AmbiguousSloganError extends ParseError {
  constructor(
    doc: SourceDocument,
    line: number,
    readonly readings: readonly [string, string],
  ) {
    super(
      doc.ref(line),
      `a blank line between the chapter slogan and the speech bubbles after it, nothing else parting a phrase ` +
        `from the sentence that follows it (two readings: ${JSON.stringify(readings[0])} or ` +
        `${JSON.stringify(readings[1])})`,
      doc.line(line),
    );
    this.name = 'AmbiguousSloganError';
  }
}

/**
 * The piece after a chapter heading, parted into the slogan's lines and the speech bubbles' (`text` joins lines
 * as the piece reader does). The slogan is a phrase and the bubbles are sentences with no mark to start them, so
 * only a blank line shows where the slogan ends; where none does, the piece runs on into a sentence end. A
 * paragraph starts at a line's start, so the first bubble starts at one of the lines before the one that ends
 * its sentence: where that is the piece's second line, the first line is the slogan; where it is later, any of
 * those lines may still be the slogan's, and the reader refuses rather than pick one by where lines break.
 */
export function partSloganPiece(
  doc: SourceDocument,
  lines: readonly number[],
  text: (lines: readonly number[]) => string,
): number[][] {
  const [first = 1, second = first] = lines;
  const sentenceEnds = lines.findIndex((n) => SENTENCE_END.test(doc.line(n)));
  if (sentenceEnds === -1) return [[...lines]];
  if (sentenceEnds === 1) return [[first], lines.slice(1)];
  if (sentenceEnds === 0) {
    throw new ParseError(doc.ref(first), 'the chapter slogan, a phrase with no sentence end', doc.line(first));
  }
  throw new AmbiguousSloganError(doc, first, [text([first]), text([first, second])]);
}
