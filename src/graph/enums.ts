import { describedEnum } from './described-enum';

/** How the draft revision sheets mark a row: 変更なし / 変更あり / 新規 / 削除. */
export const ChangeStatus = describedEnum(
  'ChangeStatus',
  'Change mark of the draft revision sheets (変更なし / 変更あり / 新規 / 削除).',
  {
    UNCHANGED: { description: '変更なし: kept as in the current plan.' },
    CHANGED: { description: '変更あり: kept with changes (name, content or departments).' },
    NEW: { description: '新規: new in the next plan.' },
    DELETED: { description: '削除: dropped from the next plan (kept in the graph for history).' },
  },
);
export type ChangeStatus = (typeof ChangeStatus)[keyof typeof ChangeStatus];

/** Which way is better for an outcome indicator: the side of its target to reach, or to stay on. */
export const Direction = describedEnum(
  'Direction',
  'Which way is better for an indicator: a bound printed after the target (以内, 以下, 以上) decides; ' +
    'without one, the target compared with the current value.',
  {
    INCREASE: {
      description:
        'Higher is better: the target is a floor (以上) to stay at or above, or, with no bound, above the current value.',
    },
    DECREASE: {
      description:
        'Lower is better: the target is a ceiling (以内, 以下) to stay at or below, whatever the current value ' +
        '(6-5-1: 89.3 % → 92.7 %以内), or, with no bound, below the current value.',
    },
    UNKNOWN: {
      description: 'No bound, and no baseline (—) or a target equal to the current value: no side is printed.',
    },
  },
);
export type Direction = (typeof Direction)[keyof typeof Direction];

/** A department's part in a reform sheet: 実行課 (executing) or 連携課 (partner). */
export const SheetRole = describedEnum('SheetRole', "A department's role on a reform sheet.", {
  EXECUTING: { description: '実行課: the department carrying the sheet out.' },
  PARTNER: { description: '連携課: a partner department.' },
  ANY: { description: 'Either role.' },
});
export type SheetRole = (typeof SheetRole)[keyof typeof SheetRole];
