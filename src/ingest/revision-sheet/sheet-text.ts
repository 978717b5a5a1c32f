import { joinWrappedText } from '../../core/text/index';
import { cellText } from '../tab-row';

/**
 * A running text of a revision sheet ready to store: the cell clean-up (HTML fragments and the `**`
 * emphasis that marks what the draft changed removed), then the wrap spaces joined (the PDF wrapped there,
 * or framed a changed phrase: `寄与する 市民提案型事業の周知`).
 */
export function sheetProse(text: string): string {
  return joinWrappedText(cellText(text));
}

/** Leading bullet marks of a list line (`●`, `○`, `- `, `・`). */
export function withoutBullet(text: string): string {
  return text.replace(/^(?:[●○・]|-\s)\s*/, '');
}
