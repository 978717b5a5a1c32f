import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { readWrappedTabRow } from '../tab-row';
import { tidy } from '../../core/text/index';
import { readPolicyItemCode } from './policy-item-code';

/**
 * How the matrix's cells line up. The header that names the plans has FEWER leading cells than the rows
 * it heads (the PDF merged the field and code columns above the item names):
 *
 *   header: ['',       '',    '塙保己一プラン', '本庄版ネウボラプラン', …, '']
 *   row:    ['健康福祉', '1-1', '子ども・子育て支援', '', '○', '', '', '○']
 *
 * so the header's third cell names the column whose marks sit in the rows' fourth cell. Matching cells by
 * index would shift every ○ one plan to the left. Instead plan columns are COUNTED: the k-th non-empty
 * header cell names the k-th cell after a row's item name, whatever the leading cells of either line.
 */

export interface HeaderPlanName {
  readonly name: string;
  /** 0-based tab-separated cell the name was found in: the tests pin the header's one-cell shift with it. */
  readonly cell: number;
}

/**
 * The plan names of the header line `n` (and the lines `more` its names were wrapped onto), in column order;
 * there must be exactly `planCount`.
 */
export function readHeaderPlanNames(
  doc: SourceDocument,
  n: number,
  planCount: number,
  more: readonly number[] = [],
): readonly HeaderPlanName[] {
  const names = readWrappedTabRow(doc, [n, ...more])
    .cells.map((name, cell) => ({ name, cell }))
    .filter(({ name }) => name !== '');
  if (names.length !== planCount) {
    throw new ParseError(doc.ref(n), `a matrix header naming the ${planCount} plans`, doc.line(n));
  }
  return names;
}

export interface MatrixRowCells {
  /** The field's name where the row carries it (first row of a field), else null. */
  readonly fieldName: string | null;
  /** The normalised policy-item code. */
  readonly code: string;
  readonly name: string;
  /** One cell per plan column, in plan order; '' where the row has no cell left (trailing tabs lost). */
  readonly planCells: readonly string[];
}

/**
 * Splits a matrix row (line `n`, and the lines `more` its cells were wrapped onto) into its leading cells
 * (field, code, name) and its `planCount` plan cells.
 */
export function readMatrixRowCells(
  doc: SourceDocument,
  n: number,
  planCount: number,
  more: readonly number[] = [],
): MatrixRowCells {
  const { raw: line, cells } = readWrappedTabRow(doc, [n, ...more]);
  const codeCell = cells.findIndex((cell) => readPolicyItemCode(cell) !== null);
  const code = readPolicyItemCode(cells[codeCell] ?? '');
  if (code === null) {
    throw new ParseError(doc.ref(n), 'a matrix row with a policy-item code (N-M) after the field', line);
  }
  const leading = cells.slice(0, codeCell).filter((cell) => cell !== '');
  if (leading.length > 1) {
    throw new ParseError(doc.ref(n), `at most a field name before the code ${code}`, line);
  }
  const name = cells[codeCell + 1] ?? '';
  if (name === '' || isMark(name)) {
    throw new ParseError(doc.ref(n), `the name of policy item ${code} after its code`, line);
  }
  const planCells = cells.slice(codeCell + 2);
  if (planCells.slice(planCount).some((cell) => cell !== '')) {
    throw new ParseError(doc.ref(n), `${planCount} plan columns after the name of ${code}`, line);
  }
  return {
    fieldName: leading[0] ?? null,
    code,
    name,
    planCells: Array.from({ length: planCount }, (_, i) => planCells[i] ?? ''),
  };
}

/** Whether a plan cell holds the ○ that links the row's item to the plan (○, ◯ and 〇 are all written). */
export function isMark(cell: string): boolean {
  return /^[○◯〇]$/.test(tidy(cell));
}

/**
 * Whether line `n` holds only the rest of cells wrapped from row `rowStart`: text, but no code and no ○, and
 * nothing under the row's code (codes and ○ never wrap, so a line with one there is a row of its own, or a
 * defect the row reader names).
 */
export function continuesMatrixLine(doc: SourceDocument, n: number, rowStart: number): boolean {
  const cells = doc.line(n).split('\t');
  const above = doc.line(rowStart).split('\t');
  const isCode = (cell: string | undefined): boolean => readPolicyItemCode(cell ?? '') !== null;
  return (
    cells.some((cell) => tidy(cell) !== '') &&
    cells.every((cell, column) => tidy(cell) === '' || (!isCode(cell) && !isMark(cell) && !isCode(above[column])))
  );
}
