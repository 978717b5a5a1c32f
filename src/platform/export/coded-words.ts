import type { ChangeStatus, Direction } from '../../graph/enums';
import type {
  IndicatorOutlookStatus,
  OutlookMethod,
  OutlookNotAssessedReason,
  ProjectionMethod,
} from '../../graph/outlook-status';
import type { OwnerBasis } from '../../graph/owner-basis';
import type { ProgressRule } from '../../write/achievement-rate';
import type { CellValue, ExportColumn } from './export-column';

/**
 * Japanese words for every coded value an export carries, so a Japanese-headed column reads as a city hall
 * writes it (変更なし, not UNCHANGED); the code itself stays in a column of its own for filters and formulas.
 * Each table is typed by its enum, so a value added to an enum without its words fails to compile.
 */
type WordsOf<E extends Readonly<Record<string, string>>> = Readonly<Record<E[keyof E], string>>;

export const DIRECTION_WORDS: WordsOf<typeof Direction> = {
  INCREASE: '増やす（高いほどよい）',
  DECREASE: '減らす（低いほどよい）',
  UNKNOWN: '不明',
};

export const OUTLOOK_WORDS: WordsOf<typeof IndicatorOutlookStatus> = {
  TARGET_ACHIEVED: '目標達成',
  ON_TRACK: '達成の見込み',
  NEEDS_ACCELERATION: '加速が必要',
  LIMITED_PROGRESS: '進捗がわずか',
  DETERIORATION: '悪化',
  NOT_ASSESSED: '判定不能',
};

export const NOT_ASSESSED_WORDS: WordsOf<typeof OutlookNotAssessedReason> = {
  NO_TARGET: '数値の目標値がない',
  NO_BASELINE: '数値の現状値がない',
  NO_DISTANCE: '目標値が現状値と同じ',
  NO_RESULT: '実績が未記録',
  NO_YEAR_AFTER_BASELINE: '現状値の年度より後の実績がない',
};

export const OUTLOOK_METHOD_WORDS: WordsOf<typeof OutlookMethod> = {
  COMPOUND_GROWTH: '年平均伸び率（複利）',
  LINEAR_GROWTH: '年あたりの増減（直線）',
  BOUND: '上限・下限の判定',
};

export const PROJECTION_METHOD_WORDS: WordsOf<typeof ProjectionMethod> = {
  PACE_CARRIED_FORWARD: '判定と同じ伸び方で目標年度まで延長',
  PACE_CARRIED_FORWARD_CLAMPED: '判定と同じ伸び方で延長（単位の範囲内に補正）',
};

export const OWNER_BASIS_WORDS: WordsOf<typeof OwnerBasis> = {
  MEASURE_ROW: '施策中項目の評価回答部署（行の引用あり）',
  NAMED_BY_LINE: '指標の事業を担う課として資料に記載（行の引用あり）',
  BY_POLICY_ITEM: '施策大項目の全担当課',
};

export const PROGRESS_RULE_WORDS: WordsOf<typeof ProgressRule> = {
  BASELINE_TO_TARGET: '現状値から目標値への達成率',
  CEILING: '上限（以内・以下）',
  FLOOR: '下限（以上）',
  NO_BASELINE: '現状値なし',
  NO_TARGET: '目標値なし',
  NO_DISTANCE: '現状値と目標値が同じ',
};

export const CHANGE_STATUS_WORDS: WordsOf<typeof ChangeStatus> = {
  UNCHANGED: '変更なし',
  CHANGED: '変更あり',
  NEW: '新規',
  DELETED: '削除',
};

/**
 * A coded value as two columns: its Japanese words under the column's own header (`方向`), then the code
 * under `<header>コード` (`Direction code`). An unknown code reads as itself rather than an empty cell.
 */
export function codedColumns<TNode>(
  ja: string,
  en: string,
  codeOf: (node: TNode) => string | null,
  words: Readonly<Record<string, string>>,
): ExportColumn<TNode>[] {
  const wordsOf = (node: TNode): CellValue => {
    const code = codeOf(node);
    return code === null ? null : (words[code] ?? code);
  };
  return [
    { ja, en, type: 'text', value: wordsOf },
    { ja: `${ja}コード`, en: `${en} code`, type: 'text', value: codeOf },
  ];
}
