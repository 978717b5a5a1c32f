import { registerEnumType } from 'type-graphql';

/** How the draft revision sheets mark a row: 変更なし / 変更あり / 新規 / 削除. */
export enum ChangeStatus {
  UNCHANGED = 'UNCHANGED',
  CHANGED = 'CHANGED',
  NEW = 'NEW',
  DELETED = 'DELETED',
}
registerEnumType(ChangeStatus, {
  name: 'ChangeStatus',
  description: 'Change mark of the draft revision sheets (変更なし / 変更あり / 新規 / 削除).',
  valuesConfig: {
    UNCHANGED: { description: '変更なし: kept as in the current plan.' },
    CHANGED: { description: '変更あり: kept with changes (name, content or departments).' },
    NEW: { description: '新規: new in the next plan.' },
    DELETED: { description: '削除: dropped from the next plan (kept in the graph for history).' },
  },
});

/** Which way an outcome indicator should move, from its current value towards its target. */
export enum Direction {
  INCREASE = 'INCREASE',
  DECREASE = 'DECREASE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(Direction, {
  name: 'Direction',
  description: 'Which way an indicator should move (target compared with current value).',
  valuesConfig: {
    INCREASE: { description: 'The target is above the current value.' },
    DECREASE: { description: 'The target is below the current value.' },
    UNKNOWN: { description: 'No baseline (—), or the target equals the current value.' },
  },
});

/** A department's part in a reform sheet: 実行課 (executing) or 連携課 (partner). */
export enum SheetRole {
  EXECUTING = 'EXECUTING',
  PARTNER = 'PARTNER',
  ANY = 'ANY',
}
registerEnumType(SheetRole, {
  name: 'SheetRole',
  description: "A department's role on a reform sheet.",
  valuesConfig: {
    EXECUTING: { description: '実行課: the department carrying the sheet out.' },
    PARTNER: { description: '連携課: a partner department.' },
    ANY: { description: 'Either role.' },
  },
});
