import { parseFiscalYear } from '../fiscal-year';
import { ParseError } from '../parse-error';
import type { SourceDocument } from '../source-document';
import { readStatusCell } from './change-status';
import type { RelatedPlanRecord } from './records';
import { filledTexts, type TabRow } from '../tab-row';
import type { SheetSection } from './sheet-sections';
import { displayName, nameKey } from '../../core/text/index';
import { sheetProse } from './sheet-text';

/** 計画名 / 期間 / 概要 of one side of a row; null where the cell is empty. */
interface PlanSide {
  readonly name: string | null;
  readonly period: string | null;
  readonly summary: string | null;
}

const EMPTY_SIDE: PlanSide = { name: null, period: null, summary: null };

/**
 * 関連計画: a table `計画名 期間 概要 | 変更有無 | 計画名 期間 概要`, current plan left, next plan right.
 * The status cell (`←変更あり`, `新規`, `←削除`, `←変更なし`) is the anchor: the current side is the filled
 * cells before it, in column order; the next side is the three cells after it, by position, because an
 * empty next-side cell means "as before" (`←変更あり ⇥ ⇥ R5-R9年度 ⇥ …` changes only the period). Rows that
 * name no plan on either side (`-`) are placeholders and give no record.
 */
export function readRelatedPlans(doc: SourceDocument, section: SheetSection): RelatedPlanRecord[] {
  const plans: RelatedPlanRecord[] = [];
  for (const row of section.rows) {
    if (isHeaderRow(row)) continue;
    const statusAt = row.cells.findIndex((cell) => readStatusCell(cell) !== null);
    const statusCell = readStatusCell(row.cells[statusAt] ?? '');
    const current = sideOf(row.cells.slice(0, Math.max(statusAt, 0)).filter((cell) => cell !== ''));
    if (!statusCell) {
      if (sideOf(filledTexts(row)).name === null) continue;
      throw new ParseError(doc.ref(row.line), 'a change status (変更有無) for this plan', row.raw);
    }
    const { status } = statusCell;
    const next = sideOf(row.cells.slice(statusAt + 1, statusAt + 4));
    if (status !== 'NEW' && current.name === null && next.name === null) continue;
    if (status === 'NEW' && next.name === null)
      throw new ParseError(doc.ref(row.line), 'the name of the new plan', row.raw);
    if (status !== 'NEW' && current.name === null)
      throw new ParseError(doc.ref(row.line), 'the current plan before its change status', row.raw);
    const kept = status === 'DELETED' ? EMPTY_SIDE : next;
    const name = kept.name ?? current.name ?? '';
    const period = kept.period ?? (status === 'NEW' ? null : current.period);
    plans.push({
      status,
      name,
      matchKey: nameKey(name),
      currentName: current.name,
      period,
      periodStart: period === null ? null : parseFiscalYear(period),
      summary: kept.summary ?? (status === 'NEW' ? null : current.summary),
      source: doc.ref(row.line),
    });
  }
  return plans;
}

function isHeaderRow(row: TabRow): boolean {
  return filledTexts(row).includes('変更有無');
}

/** Reads up to three cells as 計画名, 期間, 概要; `-` marks "no plan". */
function sideOf(cells: readonly string[]): PlanSide {
  const [name = '', period = '', summary = ''] = cells;
  const present = (text: string): string | null => (text === '' || text === '-' ? null : text);
  return { name: present(displayName(name)), period: present(period), summary: present(sheetProse(summary)) };
}
