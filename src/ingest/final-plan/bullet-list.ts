import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { displayText } from './display-text';
import { bulletText, isBlank, isCaption } from './line-kinds';
import { linesOf, type LineSpan } from '../line-span';

export interface Bullet {
  readonly text: string;
  readonly line: number;
}

/**
 * The `- ` bullets of a section body (visions, collaboration). Blank lines and photo captions are layout;
 * any other line means the section is not shaped as expected, and `what` names the section in the error.
 */
export function readBullets(doc: SourceDocument, body: LineSpan, what: string): Bullet[] {
  const bullets: Bullet[] = [];
  for (const { n, text } of linesOf(doc, body)) {
    if (isBlank(text) || isCaption(text)) continue;
    const bullet = bulletText(text);
    if (bullet === null) throw new ParseError(doc.ref(n), `a bullet ("- …") of ${what}`, text);
    bullets.push({ text: displayText(bullet), line: n });
  }
  return bullets;
}
