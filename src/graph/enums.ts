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

/** Which way an outcome indicator should move, from its current value towards its target. */
export const Direction = describedEnum(
  'Direction',
  'Which way an indicator should move (target compared with current value).',
  {
    INCREASE: { description: 'The target is above the current value.' },
    DECREASE: { description: 'The target is below the current value.' },
    UNKNOWN: { description: 'No baseline (—), or the target equals the current value.' },
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
