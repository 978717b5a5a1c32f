import { ParseError } from '../parse-error';
import type { SourceRef } from '../source-document';
import { foldWidth } from '../../core/text/index';
import { readDepartmentList } from './department-list';
import { sheetProse } from './sheet-text';

/**
 * What a measure's change column says besides its status. Its pieces (cells and the lines under a
 * detached status) may hold, in any order:
 * - `【順番の入替】2 市民相談の充実` — the measure moves to number 2 (and takes the name written there),
 *   optionally followed on the same line by the new 内容;
 * - `評価回答部署：情報システム課、課税課、…` — a new department set, optionally followed by the new 内容;
 * - anything else — the rewritten 内容 (or, beside 削除, the reason).
 */
export interface MeasureChange {
  readonly newNumber: number | null;
  /** The name written after the new number, as printed. */
  readonly numberedName: string | null;
  readonly departments: readonly string[] | null;
  readonly text: string | null;
}

const REORDER = /^【順番の入替】\s*([0-9０-９]+)\s*(\S+)\s*(.*)$/s;
const DEPARTMENTS = /^評価回答部署\s*[:：]\s*([^\s●]+)\s*(.*)$/s;

export function readMeasureChange(pieces: readonly string[], where: SourceRef, raw: string): MeasureChange {
  let newNumber: number | null = null;
  let numberedName: string | null = null;
  let departments: string[] | null = null;
  const text: string[] = [];
  for (const written of pieces) {
    // Detached text comes as Markdown list lines (`- …`) where row text uses `●`: one bullet style.
    const piece = written.replace(/^-\s+/, '●');
    const reorder = REORDER.exec(piece);
    const departmentSet = DEPARTMENTS.exec(piece);
    if (reorder) {
      if (newNumber !== null) throw new ParseError(where, 'one 【順番の入替】 per measure', raw);
      newNumber = Number(foldWidth(reorder[1] ?? ''));
      numberedName = reorder[2] ?? null;
      text.push(reorder[3] ?? '');
    } else if (departmentSet) {
      if (departments !== null) throw new ParseError(where, 'one 評価回答部署 set per measure change', raw);
      departments = readDepartmentList(departmentSet[1] ?? '', where, raw);
      text.push(departmentSet[2] ?? '');
    } else {
      text.push(piece);
    }
  }
  const joined = sheetProse(text.join(' '));
  return { newNumber, numberedName, departments, text: joined === '' ? null : joined };
}
