import type { FiscalYear } from '../fiscal-year';
import { ParseError } from '../parse-error';
import type { SourceDocument, SourceRef } from '../source-document';
import { foldWidth, matchKey, tidy } from '../../core/text/index';
import { type AreaLabel, parseAreaLabel } from './area-label';
import { requireEraYear } from './era-year';
import { readParticipants, requireExecuting } from './participants';
import type { LabelledText, NamedRef, ParticipantList, ReformSheet, YearEndEvaluation, YearlyTarget } from './records';
import { SHEET_ROWS, type SheetRowKind, sheetRowKind } from './sheet-rows';
import { type TabRow, columnOf, filledCells, filledTexts, isLayoutRow } from '../tab-row';
import { joinedValue, valueCells } from './row-value';
import { isSpacedRow, readSpacedRow, spacedTargets } from './spaced-row';

/** What a sheet prints: everything but its number, which only the table of contents gives. */
export type PrintedSheet = Omit<ReformSheet, 'code' | 'area' | 'number' | 'page'>;

/** A printed sheet with what is needed to place it: its area as written and the line of its name. */
export interface SheetBody {
  readonly printed: PrintedSheet;
  readonly areaLabel: AreaLabel & { readonly source: SourceRef };
  readonly nameSource: SourceRef;
}

/** Marks a note that records a change of plan: `<令和6年度計画変更>` (real text, not markup). */
const PLAN_CHANGE = /[<‹〈＜]\s*(?:令和|R)\s*\d+\s*年度\s*計画変更\s*[>›〉＞]/;

/** Reads a sheet from its rows (`reformPieces`): its header first, then its labelled rows. */
export function parseSheet(doc: SourceDocument, sheet: readonly TabRow[]): SheetBody {
  const header = sheet[0]?.line ?? 1;
  const rows = collectRows(sheet.slice(1));
  const row = (kind: SheetRowKind): TabRow => requireRow(doc, rows, kind, header);
  const optional = (kind: SheetRowKind): TabRow | undefined => rows.get(kind);

  const areaLabel = readArea(row('area'));
  const nameRow = row('name');
  const name = joinedValue(nameRow);
  if (name === '') throw new ParseError(nameRow.source, 'the sheet name after 計画名', nameRow.raw);
  const { start, target } = readYears(row('years'));
  const notes = textRow(optional('notes'));
  const themeRow = optional('theme');
  const yearlyTargets = readTargets(row('yearHeader'), row('targets'));

  const printed: PrintedSheet = {
    name,
    theme: themeRow ? tidy(themeRow.cells.join(' ')).replace(/^改革テーマ\s*/, '') || null : null,
    ...readParticipantRow(row('participants')),
    start,
    target,
    viewpoint: requireValue(row('viewpoint'), 'the viewpoint after 改革の視点'),
    supportedMeasures: readMeasures(row('measures')),
    supportedMeasuresText: joinedValue(row('measures')),
    currentSituation: textRow(optional('situation')),
    actions: textRow(optional('actions')),
    effects: textRow(optional('effects')),
    yearlyTargets,
    progressReport: textRow(optional('progressReport')),
    nextYearPolicy: textRow(optional('nextYearPolicy')),
    yearEndEvaluation: readEvaluation(row('evaluation')),
    notes,
    planChanged: notes !== null && PLAN_CHANGE.test(notes.text),
    // One target per filled cell of the 各年度達成目標 row (years without one are left empty).
    figures: { yearlyTargetCount: yearlyTargets.length },
    source: doc.ref(header),
  };
  return { printed, areaLabel, nameSource: nameRow.source };
}

/**
 * Every labelled row of the sheet by kind; separators are layout and skipped. A row printed one space apart
 * is cut by its label and content (`spaced-row.ts`).
 */
function collectRows(sheet: readonly TabRow[]): Map<SheetRowKind, TabRow> {
  const rows = new Map<SheetRowKind, TabRow>();
  for (const found of sheet) {
    if (isLayoutRow(found)) continue;
    const labelled = sheetRowKind(found.cells[0] ?? '');
    const spaced = labelled === null ? readSpacedRow(found) : null;
    const kind = labelled ?? spaced?.kind ?? null;
    if (kind === null) {
      throw new ParseError(found.source, 'a sheet row label such as 計画名, 実行課 or 備考', found.raw);
    }
    const row = spaced?.row ?? found;
    const earlier = rows.get(kind);
    if (earlier) {
      throw new ParseError(
        row.source,
        `one ${earlier.cells[0] ?? kind} row per sheet (already on line ${earlier.line})`,
        row.raw,
      );
    }
    rows.set(kind, row);
  }
  return rows;
}

/**
 * The row of `kind`, or a ParseError at the line where it should have been: just after the nearest row
 * that precedes it in print order (or after the sheet header).
 */
function requireRow(doc: SourceDocument, rows: Map<SheetRowKind, TabRow>, kind: SheetRowKind, header: number): TabRow {
  const found = rows.get(kind);
  if (found) return found;
  const position = SHEET_ROWS.findIndex((row) => row.kind === kind);
  const before = SHEET_ROWS.slice(0, position)
    .map((row) => rows.get(row.kind))
    .filter((row): row is TabRow => row !== undefined);
  const expectedAt = (before[before.length - 1]?.line ?? header) + 1;
  const label = SHEET_ROWS[position]?.label ?? kind;
  throw new ParseError(
    doc.ref(expectedAt),
    `a ${label} row in the sheet starting on line ${header}`,
    doc.line(expectedAt),
  );
}

function requireValue(row: TabRow, what: string): string {
  const value = joinedValue(row);
  if (value === '') throw new ParseError(row.source, what, row.raw);
  return value;
}

function textRow(row: TabRow | undefined): LabelledText | null {
  if (!row) return null;
  const text = joinedValue(row);
  return text === '' ? null : { label: row.cells[0] ?? '', text, source: row.source };
}

function readArea(row: TabRow): SheetBody['areaLabel'] {
  const area = parseAreaLabel(joinedValue(row));
  if (!area) throw new ParseError(row.source, 'an area such as `1. 行政サービス改革` after 改革分野', row.raw);
  return { ...area, source: row.source };
}

/**
 * `実行課 | 企画課 | | 連携課 | 全庁`: the 連携課 label sits in the third or the fourth column depending on
 * the sheet, so the executing side is whatever precedes the label and the partners whatever follows it.
 */
function readParticipantRow(row: TabRow): { executing: ParticipantList; partners: ParticipantList } {
  const partnerColumn = columnOf(row, '連携課');
  if (partnerColumn < 0) throw new ParseError(row.source, 'a 連携課 cell in the 実行課 row', row.raw);
  return {
    executing: requireExecuting(row, readParticipants(row, filledTexts(row, 1, partnerColumn))),
    partners: readParticipants(row, filledTexts(row, partnerColumn + 1)),
  };
}

/** `開始年度 | R 5 | 達成目標年度 | R 9 | SDGs関連No. | …`; the SDGs label is missing on some sheets. */
function readYears(row: TabRow): { start: FiscalYear; target: FiscalYear } {
  const targetColumn = columnOf(row, '達成目標年度');
  if (targetColumn < 0) throw new ParseError(row.source, 'a 達成目標年度 cell in the 開始年度 row', row.raw);
  const sdgColumn = row.cells.findIndex((cell) => matchKey(cell).startsWith('sdgs関連no'));
  const single = (from: number, to: number, what: string): string => {
    const cells = filledCells(row, from, to);
    const only = cells[0];
    if (!only || cells.length > 1) throw new ParseError(row.source, `one ${what}`, row.raw);
    return only.text;
  };
  const start = requireEraYear(row, single(1, targetColumn, 'start year after 開始年度'), 'the start year');
  const targetEnd = sdgColumn < 0 ? row.cells.length : sdgColumn;
  const target = requireEraYear(
    row,
    single(targetColumn + 1, targetEnd, 'target year after 達成目標年度'),
    'the target year',
  );
  if (target.year < start.year) {
    throw new ParseError(row.source, `a target year not before the start year ${start.label}`, target.label);
  }
  if (sdgColumn >= 0) requireNoSdgNumbers(row, sdgColumn);
  return { start, target };
}

/**
 * SDGs関連No. is empty on every sheet of the document, and the plan ties SDGs to policy items (the revision
 * sheets' 関連するSDGs), not to reform sheets, so the graph has no place for a sheet's SDG. A number here is
 * not dropped in silence: it stops ingestion, so the model is extended on purpose the day a sheet fills it.
 */
function requireNoSdgNumbers(row: TabRow, labelColumn: number): void {
  const afterLabel = foldWidth(row.cells[labelColumn] ?? '')
    .replace(/^SDGs\s*関連\s*No\.?/i, '')
    .trim();
  const written = [afterLabel, ...filledTexts(row, labelColumn + 1)].filter((text) => text !== '');
  if (written.length > 0) {
    throw new ParseError(
      row.source,
      'an empty SDGs関連No. cell (no sheet of this document names an SDG; the graph links SDGs to policy items)',
      written.join(' '),
    );
  }
}

/** Names are separated by `、` only: `・` occurs inside names (`効率的・安定的な行政事務の推進`). */
function readMeasures(row: TabRow): NamedRef[] {
  const names = valueCells(row)
    .flatMap((cell) => cell.text.split('、'))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new ParseError(row.source, 'at least one 施策中項目 name', row.raw);
  return names.map((name) => ({ name, source: row.source }));
}

/**
 * Each target belongs to the year printed above it in the 年度 row (same column); a row printed one space
 * apart holds one per year (`spacedTargets`).
 */
function readTargets(header: TabRow, printed: TabRow): YearlyTarget[] {
  const years = new Map<number, FiscalYear>();
  for (const cell of valueCells(header))
    years.set(cell.column, requireEraYear(header, cell.text, 'a year in the 年度 row'));
  if (years.size === 0) throw new ParseError(header.source, 'the years R 5 … R 9 after 年度', header.raw);
  const targets = isSpacedRow(printed) ? spacedTargets(printed, years.size) : printed;
  return valueCells(targets).map((cell) => {
    const year = years.get(cell.column);
    if (!year) {
      throw new ParseError(targets.source, `each target under a year of the 年度 row (line ${header.line})`, cell.text);
    }
    return { year, text: cell.text, source: targets.source };
  });
}

/** Empty until the sheet is graded (sheets starting in the plan year are not). */
function readEvaluation(row: TabRow): YearEndEvaluation | null {
  const cells = valueCells(row);
  const only = cells[0];
  if (!only) return null;
  const grade = foldWidth(only.text);
  if (cells.length > 1 || !/^[A-Z][+-]?$/.test(grade)) {
    throw new ParseError(row.source, 'one grade letter such as A, B or C after 年度末評価', row.raw);
  }
  return { grade, label: row.cells[0] ?? '', source: row.source };
}
