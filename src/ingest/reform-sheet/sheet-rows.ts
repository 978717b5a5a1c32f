import { matchKey } from '../../core/text/index';

/**
 * The labelled rows of an implementation sheet, in the order the sheet prints them. Labels are matched
 * by `matchKey`, so `R 6年度末の 取組状況報告`, `R 6 年度末の取組状況報告` and `R6年度末の取組状況報告`
 * are one label. The order matters only to say where a missing row was expected.
 */
export const SHEET_ROWS = [
  { kind: 'theme', label: '改革テーマ', required: false },
  { kind: 'area', label: '改革分野', required: true },
  { kind: 'name', label: '計画名', required: true },
  { kind: 'participants', label: '実行課', required: true },
  { kind: 'years', label: '開始年度', required: true },
  { kind: 'viewpoint', label: '改革の視点', required: true },
  { kind: 'measures', label: '本庄市総合振興計画（後期基本計画施策中項目）', required: true },
  { kind: 'situation', label: '現状と課題', required: false },
  { kind: 'actions', label: '取組内容', required: false },
  { kind: 'effects', label: '取組の効果', required: false },
  { kind: 'yearHeader', label: '年度', required: true },
  { kind: 'targets', label: '各年度達成目標', required: true },
  { kind: 'progressReport', label: 'R 6年度末の取組状況報告', required: false },
  { kind: 'evaluation', label: '年度末評価', required: true },
  { kind: 'nextYearPolicy', label: 'R 7年度に向けた取組方針', required: false },
  { kind: 'notes', label: '備考', required: false },
] as const;

export type SheetRowKind = (typeof SHEET_ROWS)[number]['kind'];

/**
 * The row kind a first cell names, or null. The theme row is one cell (`改革テーマ スマート自治体…`), so
 * it is recognised by its prefix; the progress-report and next-year rows name a year that changes with
 * each plan year, so any year is accepted there.
 */
export function sheetRowKind(firstCell: string): SheetRowKind | null {
  const key = matchKey(firstCell);
  if (key.startsWith(matchKey('改革テーマ'))) return 'theme';
  if (/^r\d+年度末の取組状況報告$/.test(key)) return 'progressReport';
  if (/^r\d+年度に向けた取組方針$/.test(key)) return 'nextYearPolicy';
  const row = SHEET_ROWS.find((candidate) => matchKey(candidate.label) === key);
  return row ? row.kind : null;
}

/** The header each sheet starts with; its plan year changes with each plan year. */
export const SHEET_HEADER = '本庄市行政改革大綱 R6年度実施計画シート';

/** Whether `line` is a sheet header (`SHEET_HEADER`, any plan year). */
export function isSheetHeader(line: string): boolean {
  return /^本庄市行政改革大綱r\d+年度実施計画シート$/.test(matchKey(line));
}
