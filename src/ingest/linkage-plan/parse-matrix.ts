import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { readTabRow } from '../tab-row';
import { matchKey, nameKey, tidy } from '../../core/text/index';
import { continuesMatrixLine, isMark, readHeaderPlanNames, readMatrixRowCells } from './matrix-columns';
import { circled } from './plan-heading';
import { fieldNumberOf } from './policy-item-code';
import type { LinkageMatrix, LinkagePlan, MatrixField, MatrixPlanColumn, MatrixRow } from './records';

/**
 * Reads the matrix 政策連携プラン体系 that starts at the title line `titleLine` and runs to the end of the
 * document: a column header (施策大項目 / 項目名 / 政策連携プラン), a header naming the plans, then one
 * row per policy item. The plans' names in the header must be those of `plans`, in order: that is what
 * ties a column to a plan.
 */
export function parseMatrix(doc: SourceDocument, titleLine: number, plans: readonly LinkagePlan[]): LinkageMatrix {
  const columnHeader = nextNonBlank(doc, titleLine + 1);
  const labels = readTabRow(doc, columnHeader)
    .cells.map(matchKey)
    .filter((cell) => cell !== '');
  if (labels[0] !== '施策大項目' || labels[1] !== '項目名') {
    throw new ParseError(
      doc.ref(columnHeader),
      'the matrix columns 施策大項目, 項目名, 政策連携プラン',
      doc.line(columnHeader),
    );
  }

  const planHeader = nextNonBlank(doc, columnHeader + 1);
  const headerRest = continuationLines(doc, planHeader);
  const planColumns = readPlanColumns(doc, planHeader, plans, headerRest);

  const rows: MatrixRow[] = [];
  const fields: MatrixField[] = [];
  for (let n = (headerRest.at(-1) ?? planHeader) + 1; n <= doc.lines.length; n++) {
    if (tidy(doc.line(n)) === '') continue; // includes the empty "line" after a final newline
    const rest = continuationLines(doc, n);
    const row = readRow(doc, n, planColumns, rest);
    if (rows.some((earlier) => earlier.code === row.code)) {
      throw new ParseError(doc.ref(n), `policy item ${row.code} once in the matrix`, doc.line(n));
    }
    recordField(doc, n, row, fields);
    rows.push(row);
    n = rest.at(-1) ?? n; // the row's wrapped lines are read
  }
  if (rows.length === 0) {
    throw new ParseError(
      doc.ref(planHeader + 1),
      'matrix rows (field, N-M, item name, ○ per plan)',
      doc.line(planHeader + 1),
    );
  }
  return { planColumns, fields, rows, source: doc.ref(titleLine) };
}

function readPlanColumns(
  doc: SourceDocument,
  n: number,
  plans: readonly LinkagePlan[],
  more: readonly number[],
): readonly MatrixPlanColumn[] {
  return readHeaderPlanNames(doc, n, plans.length, more).map(({ name }, i) => {
    const plan = plans[i];
    if (plan === undefined || nameKey(name) !== nameKey(plan.name)) {
      const expected = plan ? `"${plan.name}"` : 'no further plan';
      throw new ParseError(doc.ref(n), `plan ${circled(i + 1)} ${expected} as matrix column ${i + 1}`, name);
    }
    return { planNumber: plan.number, name, source: doc.ref(n) };
  });
}

function readRow(
  doc: SourceDocument,
  n: number,
  planColumns: readonly MatrixPlanColumn[],
  more: readonly number[],
): MatrixRow {
  const cells = readMatrixRowCells(doc, n, planColumns.length, more);
  const planNumbers = cells.planCells.flatMap((cell, i) => {
    if (cell !== '' && !isMark(cell)) {
      throw new ParseError(doc.ref(n), `○ or an empty cell for ${cells.code} in column ${i + 1}`, cell);
    }
    const column = planColumns[i];
    return isMark(cell) && column ? [column.planNumber] : [];
  });
  return {
    fieldNumber: fieldNumberOf(cells.code),
    fieldName: cells.fieldName,
    code: cells.code,
    name: cells.name,
    planNumbers,
    source: doc.ref(n),
  };
}

/** A field is named on its first row; naming it again differently is a defect, not a second field. */
function recordField(doc: SourceDocument, n: number, row: MatrixRow, fields: MatrixField[]): void {
  const name = row.fieldName;
  if (name === null) return;
  const earlier = fields.find((field) => field.number === row.fieldNumber);
  if (!earlier) {
    fields.push({ number: row.fieldNumber, name, source: doc.ref(n) });
  } else if (earlier.name !== name) {
    throw new ParseError(doc.ref(n), `field ${row.fieldNumber} named "${earlier.name}" as before`, name);
  }
}

/**
 * The lines after `rowStart` that hold the rest of its cells (`continuesMatrixLine`), blank lines between
 * them skipped: a row or header printed over several lines is read as one, whatever width its cells had.
 */
function continuationLines(doc: SourceDocument, rowStart: number): number[] {
  const lines: number[] = [];
  for (let n = rowStart + 1; n <= doc.lines.length; n++) {
    if (tidy(doc.line(n)) === '') continue;
    if (!continuesMatrixLine(doc, n, rowStart)) break;
    lines.push(n);
  }
  return lines;
}

function nextNonBlank(doc: SourceDocument, from: number): number {
  for (let n = from; n <= doc.lines.length; n++) {
    if (tidy(doc.line(n)) !== '') return n;
  }
  return doc.lines.length;
}
