import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { foldWidth } from '../../core/text/index';
import { filledTexts, firstFilledIndex, type TabRow } from '../tab-row';
import { displayName } from '../../core/text/index';

/**
 * The heading of one sheet, `施策大項目 **1. 市民との協働によるまちづくりの推進**`, and its answer to
 * 大項目名の変更必要性 (does the item need a new name?). The answer sits on the heading line in some sheets
 * (`施策大項目 <b>2. …</b> 大項目名の変更必要性 なし`) and on a line of its own in others.
 */
export interface PolicyItemHeading {
  readonly number: number;
  readonly name: string;
  /** The rename answer when the heading line carries it. */
  readonly rename: RenameAnswer | null;
  readonly line: number;
}

export interface RenameAnswer {
  readonly renamed: boolean;
  readonly newName: string | null;
}

const HEADING_LABEL = '施策大項目';
const RENAME_LABEL = '大項目名の変更必要性';

export function isPolicyItemHeading(row: TabRow): boolean {
  return (row.cells[firstFilledIndex(row)] ?? '').startsWith(HEADING_LABEL);
}

export function readPolicyItemHeading(doc: SourceDocument, row: TabRow): PolicyItemHeading {
  const text = filledTexts(row).join(' ');
  const [headingPart = '', renamePart] = text.split(RENAME_LABEL);
  const match = /^施策大項目\s*(\d+)\s*[.．]\s*(.+)$/.exec(foldWidthDigits(headingPart.trim()));
  if (!match) throw new ParseError(doc.ref(row.line), '施策大項目 followed by "N. name"', row.raw);
  const number = Number(match[1]);
  return {
    number,
    name: displayName(match[2] ?? ''),
    rename: renamePart === undefined ? null : readRenameAnswer(doc, row.line, renamePart, number, row.raw),
    line: row.line,
  };
}

/**
 * Reads `なし`, or `あり` followed by the new name (`あり 4. 行政のデジタル化の推進`); a number written
 * before the new name must be the item's own.
 */
export function readRenameAnswer(
  doc: SourceDocument,
  line: number,
  answer: string,
  itemNumber: number,
  raw: string,
): RenameAnswer {
  const match = /^(?:なし|あり\s*(.*))$/.exec(answer.trim());
  if (!match) throw new ParseError(doc.ref(line), `${RENAME_LABEL} answered なし, or あり and the new name`, raw);
  if (match[1] === undefined) return { renamed: false, newName: null };
  const named = /^(?:(\d+)\s*[.．]\s*)?(.+)$/.exec(foldWidthDigits(match[1]));
  if (!named) throw new ParseError(doc.ref(line), `the new name after ${RENAME_LABEL} あり`, raw);
  if (named[1] !== undefined && Number(named[1]) !== itemNumber) {
    throw new ParseError(doc.ref(line), `the new name numbered ${itemNumber} like its policy item`, raw);
  }
  return { renamed: true, newName: displayName(named[2] ?? '') };
}

// Only digits are folded: the name keeps its printed form.
function foldWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => foldWidth(digit));
}
