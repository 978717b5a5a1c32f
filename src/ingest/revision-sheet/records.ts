import type { FiscalYear } from '../fiscal-year';
import type { Sourced, SourceRef } from '../source-document';

/**
 * Records read from the draft revision sheets of 後期基本計画（素案） (documents 000: field 5 市民生活, and
 * 002: field 6 行財政経営). Each sheet sets the current plan (現行計画) beside the proposed next plan
 * (次期計画素案) and marks every row with a change status. Records keep the current-plan value in the
 * plain field and what the draft changes in `new…`/`revised…` fields, so the merge step can pick the
 * next-plan side without re-reading the sheet.
 *
 * Names are stored for display (HTML fragments, `**` emphasis and glossary marks `※` removed, wrap
 * spaces between Japanese characters joined) with a `matchKey` to compare them across documents; longer
 * texts are stored tidied, as printed.
 */

/** A row's change mark: 変更なし / 変更あり / 新規 / 削除. */
export type ChangeStatus = 'UNCHANGED' | 'CHANGED' | 'NEW' | 'DELETED';

export interface RevisionSheetDocument {
  readonly document: string;
  /** `5` of `5. 市民生活分野`. */
  readonly fieldNumber: number;
  /** `市民生活` (without the trailing 分野). */
  readonly fieldName: string;
  readonly policyItems: readonly PolicyItemRecord[];
  /** The field heading line. */
  readonly source: SourceRef;
}

/** One 施策大項目 sheet. */
export interface PolicyItemRecord {
  /** `5-1`. */
  readonly code: string;
  readonly fieldNumber: number;
  /** `1` of `5-1`. */
  readonly number: number;
  /** The current-plan name, as in the sheet heading. */
  readonly name: string;
  readonly matchKey: string;
  /** 大項目名の変更必要性: なし → false, あり → true. */
  readonly renamed: boolean;
  /** The next-plan name written after `あり`; null when not renamed. */
  readonly newName: string | null;
  readonly survey: CitizenSurveyRecord;
  readonly sdgs: readonly RelatedSdgRecord[];
  readonly indicatorProposals: readonly IndicatorProposalRecord[];
  readonly visions: readonly VisionRecord[];
  /** 施策中項目 in current-plan order, new ones last; deleted ones included with status DELETED. */
  readonly measures: readonly MeasureRecord[];
  readonly relatedPlans: readonly RelatedPlanRecord[];
  readonly projects: readonly ProjectRecord[];
  /** The `施策大項目` heading line. */
  readonly source: SourceRef;
}

/** 市民アンケート結果: one question asked in three survey years. */
export interface CitizenSurveyRecord extends Sourced {
  /** 項目名: the statement citizens rated. */
  readonly question: string;
  readonly satisfaction: SurveyScaleRecord;
  readonly importance: SurveyScaleRecord;
}

/** One row of the survey table (満足度 or 重要度): a score per survey year and the reference rank. */
export interface SurveyScaleRecord extends Sourced {
  /** In the table's column order (H24, H28, R3). */
  readonly scores: readonly SurveyScore[];
  /** 参考順位 `11/36位`: 11th of 36 survey questions. */
  readonly rank: number;
  readonly rankOutOf: number;
}

export interface SurveyScore {
  readonly fiscalYear: FiscalYear;
  readonly value: number;
}

/** 関連するSDGs (各課回答より): one goal the departments named. */
export interface RelatedSdgRecord extends Sourced {
  /** 1–17. */
  readonly goal: number;
  /** The goal's title as the sheet writes it (it has typos: `パートナースHIP`); use `goal` to match. */
  readonly label: string;
}

/** Whether a proposed indicator is an outcome indicator (成果指標), a status figure (現状), or both. */
export type IndicatorKind = 'OUTCOME' | 'CURRENT_STATE';

/** The departments' verdict on an indicator: ←問題なし / ←要変更 / ←新規案. */
export type IndicatorVerdict = 'NO_ISSUE' | 'NEEDS_CHANGE' | 'NEW_PROPOSAL';

/** One row of 「成果指標」「現状」の項目案 (各課回答より). */
export interface IndicatorProposalRecord extends Sourced {
  readonly kinds: readonly IndicatorKind[];
  /** 現行通り / 新規 / 変更 as written; null when the cell is empty. */
  readonly basis: string | null;
  /** The current indicator's name; null for a new proposal. */
  readonly currentName: string | null;
  readonly verdict: IndicatorVerdict;
  /** The text after the verdict: the proposed name or a note on the change. */
  readonly proposal: string | null;
  /** Lines under the row that are not rows themselves (`↓各課意見` and the comments after it). */
  readonly notes: readonly string[];
}

/** One めざす姿 bullet. */
export interface VisionRecord extends Sourced {
  /** The current-plan text; for a NEW vision the proposed text. */
  readonly text: string;
  /**
   * Null when the sheet gives this vision no status cell at all (6-2 lists three visions but only two
   * status cells); the merge step decides from the final text.
   */
  readonly status: ChangeStatus | null;
  /** The rewritten text the change column gives; null when none is given. */
  readonly revisedText: string | null;
  /** The line of the status cell (it may sit far below the vision); null with `status`. */
  readonly statusSource: SourceRef | null;
}

/** One 施策中項目 row. */
export interface MeasureRecord extends Sourced {
  /** `5-1-1`, from the current-plan number. */
  readonly code: string;
  /** The current-plan number (for a NEW measure, the number the draft gives it). */
  readonly number: number;
  readonly name: string;
  readonly matchKey: string;
  /** 評価回答部署, split on `、`. */
  readonly departments: readonly string[];
  readonly status: ChangeStatus;
  /** The current plan's 内容; null when the cell is empty. */
  readonly description: string | null;
  /** A department set written in the change column (`評価回答部署：…`); null when none. */
  readonly newDepartments: readonly string[] | null;
  /** A new name from `【順番の入替】N name`; null when the name stays. */
  readonly newName: string | null;
  /** The number in the next plan: the `【順番の入替】` number, or `number`; null when DELETED. */
  readonly nextNumber: number | null;
  /** The rewritten 内容 from the change column (for NEW, the proposed 内容); null when none. */
  readonly revisedDescription: string | null;
  /** The reason written beside 削除; null otherwise. */
  readonly deletionReason: string | null;
  /** The line of the status cell (it may sit far below the row). */
  readonly statusSource: SourceRef;
}

/** One 関連計画 row, read for the next plan: the next-plan side, falling back to the current side. */
export interface RelatedPlanRecord extends Sourced {
  readonly status: ChangeStatus;
  /** The next-plan name (the current name when the next-plan cell is empty, or the plan is deleted). */
  readonly name: string;
  readonly matchKey: string;
  /** The current-plan name; null for a NEW plan. */
  readonly currentName: string | null;
  /** 期間 as written (`令和5～9年度`, `R5-R9年度`); null when none is given on either side. */
  readonly period: string | null;
  /** The first era year in `period` (its start). */
  readonly periodStart: FiscalYear | null;
  /** 概要; null when none is given on either side. */
  readonly summary: string | null;
}

/** One 主な事業 row. */
export interface ProjectRecord extends Sourced {
  /** `①` → 1; for a NEW project, the number the draft gives it. */
  readonly number: number;
  /** The current name; for a NEW project the proposed name. */
  readonly name: string;
  readonly matchKey: string;
  /** The current 事業概要; for a NEW project the proposed one; null when none. */
  readonly summary: string | null;
  readonly status: ChangeStatus;
  /** A new name from the change column (`事業名の変更:「…」`, `「…」を「…」に変更`, `②new name …`). */
  readonly newName: string | null;
  /** The rewritten 事業概要 from the change column; null when none. */
  readonly revisedSummary: string | null;
  readonly deletionReason: string | null;
}
