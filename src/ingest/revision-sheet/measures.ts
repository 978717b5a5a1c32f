import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { foldWidth } from '../../core/text/index';
import { readStatusCell, splitChangeColumn } from './change-status';
import { readDepartmentList } from './department-list';
import { readMeasureChange } from './measure-change';
import type { ChangeStatus, MeasureRecord } from './records';
import { filledTexts, type TabRow } from '../tab-row';
import type { SheetSection } from './sheet-sections';
import { displayName, nameKey } from '../../core/text/index';
import { sheetProse } from './sheet-text';

/** A change-column entry: the status and the pieces of text that follow it, until the next row. */
interface ChangeEntry {
  readonly status: ChangeStatus;
  readonly pieces: string[];
  readonly line: number;
}

interface MeasureDraft {
  readonly number: number;
  readonly name: string;
  readonly departments: readonly string[];
  readonly description: string[];
  readonly row: TabRow;
  change: ChangeEntry | null;
}

// `評価回答部署` labels the row's departments; `評価回答部署：…` (with a colon) is a new set in the change column.
const DEPARTMENT_LABEL = /^評価回答部署(?!\s*[:：])\s*(.*)$/s;
const DESCRIPTION_LABEL = /^内容\s*(.*)$/s;

/**
 * 施策中項目. A measure row holds `N name`, `評価回答部署`, the departments, and possibly its 内容 and its
 * change column; a `内容` row may follow. A row whose change column is empty gets its status from a
 * detached block (`←変更あり` lines, each followed by the rewritten text) further down: those blocks
 * serve the waiting rows in order. Rows are found by the 評価回答部署 label, never by column.
 */
export function readMeasures(doc: SourceDocument, section: SheetSection, code: string): MeasureRecord[] {
  const drafts: MeasureDraft[] = [];
  const waiting: MeasureDraft[] = [];
  let detached: ChangeEntry | null = null;
  for (const row of section.rows) {
    const cells = filledTexts(row);
    const departmentAt = cells.findIndex((cell) => DEPARTMENT_LABEL.test(cell));
    const leadingStatus = readStatusCell(cells[0] ?? '');
    if (departmentAt >= 0) {
      const draft = readMeasureRow(doc, row, cells, departmentAt, drafts.length + 1);
      drafts.push(draft);
      if (draft.change === null) waiting.push(draft);
      detached = null;
    } else if (DESCRIPTION_LABEL.test(cells[0] ?? '')) {
      const draft = drafts[drafts.length - 1];
      if (!draft) throw new ParseError(doc.ref(row.line), 'a measure row (N name 評価回答部署 …) before 内容', row.raw);
      const hadChange = draft.change !== null;
      readRowTail(doc, row, cells, draft);
      if (!hadChange && draft.change !== null) waiting.splice(waiting.indexOf(draft), 1);
      detached = null;
    } else if (leadingStatus) {
      for (const { status, pieces } of splitChangeColumn(cells).entries) {
        const entry: ChangeEntry = { status, pieces, line: row.line };
        const draft = waiting.shift();
        if (!draft)
          throw new ParseError(doc.ref(row.line), 'a measure row still without a status for this status', row.raw);
        draft.change = entry;
        detached = entry;
      }
    } else if (detached) {
      detached.pieces.push(cells.join(' '));
    } else {
      throw new ParseError(doc.ref(row.line), 'a measure row, 内容, or a change status (←変更あり)', row.raw);
    }
  }
  const [unresolved] = waiting;
  if (unresolved) {
    throw new ParseError(
      doc.ref(unresolved.row.line),
      'a change status for this measure (in its row or in a ← line below)',
      unresolved.row.raw,
    );
  }
  if (drafts.length === 0)
    throw new ParseError(doc.ref(section.line), 'at least one measure under 施策中項目', doc.line(section.line));
  const measures = drafts.map((draft) => toRecord(doc, draft, code));
  checkNextNumbers(doc, section, measures);
  return measures;
}

function readMeasureRow(
  doc: SourceDocument,
  row: TabRow,
  cells: readonly string[],
  departmentAt: number,
  expected: number,
): MeasureDraft {
  const before = cells.slice(0, departmentAt);
  const heading = before.length === 1 ? /^([0-9０-９]+)\s*(.+)$/s.exec(before[0] ?? '') : null;
  if (!heading) throw new ParseError(doc.ref(row.line), '"N name" before 評価回答部署', row.raw);
  const number = Number(foldWidth(heading[1] ?? ''));
  if (number !== expected) throw new ParseError(doc.ref(row.line), `measure number ${expected}`, row.raw);
  // The departments follow the label in the same cell (`評価回答部署 企画課`) or fill the next cell.
  const inLabel = DEPARTMENT_LABEL.exec(cells[departmentAt] ?? '')?.[1] ?? '';
  const departmentCell = inLabel !== '' ? inLabel : (cells[departmentAt + 1] ?? '');
  const tailFrom = departmentAt + (inLabel !== '' ? 1 : 2);
  const draft: MeasureDraft = {
    number,
    name: displayName(heading[2] ?? ''),
    departments: readDepartmentList(departmentCell, doc.ref(row.line), row.raw),
    description: [],
    row,
    change: null,
  };
  readRowTail(doc, row, cells.slice(tailFrom), draft);
  return draft;
}

/** The cells after the departments (or a `内容` row): the current 内容, then the change column. */
function readRowTail(doc: SourceDocument, row: TabRow, cells: readonly string[], draft: MeasureDraft): void {
  let reading: 'nothing' | 'description' | 'change' = 'nothing';
  for (const cell of cells) {
    const status = readStatusCell(cell);
    const description = DESCRIPTION_LABEL.exec(cell);
    if (status) {
      if (draft.change)
        throw new ParseError(doc.ref(row.line), `one change status for measure ${draft.number}`, row.raw);
      draft.change = { status: status.status, pieces: [status.rest], line: row.line };
      reading = 'change';
    } else if (description) {
      draft.description.push(description[1] ?? '');
      reading = 'description';
    } else if (reading === 'description') {
      draft.description.push(cell);
    } else if (reading === 'change' && draft.change) {
      draft.change.pieces.push(cell);
    } else {
      throw new ParseError(doc.ref(row.line), '内容 or a change status after the departments', row.raw);
    }
  }
}

function toRecord(doc: SourceDocument, draft: MeasureDraft, code: string): MeasureRecord {
  const { row } = draft;
  const entry = draft.change;
  if (!entry) throw new ParseError(doc.ref(row.line), 'a change status for this measure', row.raw);
  const change = readMeasureChange(entry.pieces, doc.ref(entry.line), doc.line(entry.line));
  const deleted = entry.status === 'DELETED';
  const newName =
    change.numberedName !== null && nameKey(change.numberedName) !== nameKey(draft.name)
      ? displayName(change.numberedName)
      : null;
  const description = sheetProse(draft.description.join(' '));
  return {
    code: `${code}-${draft.number}`,
    number: draft.number,
    name: draft.name,
    matchKey: nameKey(draft.name),
    departments: draft.departments,
    status: entry.status,
    description: description === '' ? null : description,
    newDepartments: change.departments,
    newName,
    nextNumber: deleted ? null : (change.newNumber ?? draft.number),
    revisedDescription: deleted ? null : change.text,
    deletionReason: deleted ? change.text : null,
    source: doc.ref(row.line),
    statusSource: doc.ref(entry.line),
  };
}

/** The measures kept must be numbered 1…k in the next plan, once every 【順番の入替】 is applied. */
function checkNextNumbers(doc: SourceDocument, section: SheetSection, measures: readonly MeasureRecord[]): void {
  const next = measures
    .flatMap((measure) => (measure.nextNumber === null ? [] : [measure.nextNumber]))
    .sort((a, b) => a - b);
  const gap = next.findIndex((number, i) => number !== i + 1);
  if (gap >= 0) {
    throw new ParseError(
      doc.ref(section.line),
      `next-plan measure numbers 1…${next.length} (after 【順番の入替】)`,
      `numbers ${next.join(', ')}`,
    );
  }
}
