import type { REFORM_SHEET_PROPERTIES } from '../../graph/kinds/reform-sheet.kind';
import type { FiguresOf } from '../../graph/kinds/stored-specs';
import type { FiscalYear } from '../fiscal-year';
import type { Sourced } from '../source-document';

/**
 * Records read from 行政改革大綱 実施計画シート (document 003): the reform areas, the table of contents and
 * one record per implementation sheet. Text values are stored tidied (HTML fragments removed, white space
 * collapsed) but otherwise as written; the merge step matches names by `nameKey` (src/core/text).
 */

/** A named thing on one line: a department, a measure name, a collective term. */
export interface NamedRef extends Sourced {
  readonly name: string;
}

/** 改革分野: one of the three reform areas, from the table of contents (`改革分野1. 行政サービス改革 4`). */
export interface ReformArea extends Sourced {
  readonly number: number;
  readonly name: string;
  /** First page of the area, as the table of contents gives it. */
  readonly page: number | null;
}

/** One row of the table of contents. */
export interface ReformContentsEntry extends Sourced {
  readonly area: number;
  readonly number: number;
  readonly name: string;
  /** The 実行課 column as written, split into names (sheet 2-18 lists two). */
  readonly executingDepartments: readonly string[];
  readonly start: FiscalYear;
  /** The 終了 column; empty throughout the real document. */
  readonly end: FiscalYear | null;
  readonly page: number | null;
}

/**
 * The people a sheet names in one role (実行課 or 連携課), sorted by kind: city departments, collective
 * terms that stand for many departments (全庁, 関係各課, 各公共施設所管課 …, never departments themselves),
 * and outside partners (citizen groups, companies) when a sheet names any.
 */
export interface ParticipantList {
  readonly departments: readonly NamedRef[];
  readonly terms: readonly NamedRef[];
  readonly groups: readonly NamedRef[];
  /** The list ends in `など` ("and others"): more participants than those named. */
  readonly openEnded: boolean;
}

/** A target for one fiscal year (各年度達成目標 under the 年度 header). Years without a target are absent. */
export interface YearlyTarget extends Sourced {
  readonly year: FiscalYear;
  readonly text: string;
}

/** 年度末評価: the grade given at the end of the plan year, as written (A, B, C in the real document). */
export interface YearEndEvaluation extends Sourced {
  readonly grade: string;
  /** The row's label as written (`年度末評価`). */
  readonly label: string;
}

/** A free-text row of a sheet, with the label as written (labels carry stray spaces: `R 6年度末の 取組状況報告`). */
export interface LabelledText extends Sourced {
  readonly label: string;
  readonly text: string;
}

export interface ReformSheet extends Sourced {
  /** `<area>-<number>`: the only unique key, since sheets 1-24 and 1-26 share a name. */
  readonly code: string;
  readonly area: number;
  /** Position within the area, as numbered in the table of contents. */
  readonly number: number;
  readonly name: string;
  /** 改革テーマ as printed on the sheet. */
  readonly theme: string | null;
  /** Page from the table of contents entry this sheet matched. */
  readonly page: number | null;
  readonly executing: ParticipantList;
  readonly partners: ParticipantList;
  readonly start: FiscalYear;
  readonly target: FiscalYear;
  /** 改革の視点, as written (`I C Tの積極的な活用` and `ICTの積極的な活用` both occur). */
  readonly viewpoint: string;
  /** 総合振興計画 施策中項目 names the sheet supports, split on `、` only (names contain `・`). */
  readonly supportedMeasures: readonly NamedRef[];
  /**
   * The measures cell unsplit. Kept because a measure of fields 1–4 may itself contain `、`
   * (2-11: `優良企業の誘致、工業用地の確保、工場の適正配置`), which splitting cannot tell apart.
   */
  readonly supportedMeasuresText: string;
  readonly currentSituation: LabelledText | null;
  readonly actions: LabelledText | null;
  readonly effects: LabelledText | null;
  readonly yearlyTargets: readonly YearlyTarget[];
  /** R 6年度末の取組状況報告; null while the row is empty (as on every sheet of the real document). */
  readonly progressReport: LabelledText | null;
  /** R 7年度に向けた取組方針; null while the row is empty. */
  readonly nextYearPolicy: LabelledText | null;
  /** Null for sheets not yet graded (those starting in the plan year). */
  readonly yearEndEvaluation: YearEndEvaluation | null;
  readonly notes: LabelledText | null;
  /** The notes record a change of plan (`<令和6年度計画変更>`). */
  readonly planChanged: boolean;
  /**
   * The numbers declared as figures (src/graph/kinds/reform-sheet.kind.ts, `figure`), as read:
   * the merge stores them as they are, so a new one is declared there and read in sheet.ts, nothing else.
   */
  readonly figures: FiguresOf<typeof REFORM_SHEET_PROPERTIES>;
}

export interface ReformSheetDocument {
  readonly document: string;
  /** The plan year of the sheets (`R6年度実施計画シート`). */
  readonly planYear: FiscalYear;
  readonly areas: readonly ReformArea[];
  readonly contents: readonly ReformContentsEntry[];
  readonly sheets: readonly ReformSheet[];
}
