import type { INDICATOR_PROPERTIES } from '../../graph/kinds/indicator.kind';
import type { MEASURE_PROPERTIES } from '../../graph/kinds/measure.kind';
import type { POLICY_ITEM_PROPERTIES } from '../../graph/kinds/policy-item.kind';
import type { FiguresOf } from '../../graph/kinds/stored-specs';
import type { Sourced, SourceRef } from '../source-document';

/**
 * Records read from the final text of the field chapters of 後期基本計画 (document 001: 第5章 市民生活分野 and
 * 第6章 行財政経営分野). Names are stored for display: spaces that a PDF line wrap put between two Japanese
 * characters are removed and glossary marks (`*`, `※`) dropped; `matchKey` is the key to compare them with
 * names from other documents. Longer texts (visions, descriptions) are stored tidied, as printed.
 */

/** One policy item (施策大項目) as the chapter's overview lists it (`施策大項目と関連するSDGs`). */
export interface OverviewEntry extends Sourced {
  /** Position within the field: `1` of `5-1`. */
  readonly number: number;
  /** `5-1`. */
  readonly code: string;
  readonly name: string;
  readonly matchKey: string;
}

/** One bullet of めざす姿: what the city should look like when the item succeeds. */
export interface FinalVision extends Sourced {
  readonly text: string;
  readonly matchKey: string;
}

/**
 * One value of an indicator table cell: `82.31 %`, `1,900人`, `92.7 %以内`, `0 人(移動均衡)`, or `—` (no
 * baseline, `value` null).
 */
export interface IndicatorValue {
  /** The cell as printed, tidied. */
  readonly text: string;
  readonly value: number | null;
  /** `%`, `件`, `人` …; empty when the value is `—`. */
  readonly unit: string;
  /** A bound written after the unit: `以内` in `92.7 %以内`. */
  readonly bound: string | null;
  /** A parenthesised note after the unit: `移動均衡` in `0 人(移動均衡)`. */
  readonly note: string | null;
}

/** One row of 成果指標: name, optional [definition], current value ▶▶ target value. */
export interface OutcomeIndicator extends Sourced {
  readonly name: string;
  readonly matchKey: string;
  /** The bracketed definition after the name, when the row has one. */
  readonly definition: string | null;
  /** The name cell as printed (with glossary marks and definition), tidied. */
  readonly label: string;
  /** 現状値; its `value` is null when the document prints `—` (no baseline yet). */
  readonly current: IndicatorValue;
  /** 目標値; always a number. */
  readonly target: IndicatorValue;
  /** The unit both values are measured in. */
  readonly unit: string;
  /**
   * The numbers declared as figures (src/graph/kinds/indicator.kind.ts, `figure`), as read: the
   * merge stores them as they are, so a new one is declared there and read in indicator-reader.ts.
   */
  readonly figures: FiguresOf<typeof INDICATOR_PROPERTIES>;
}

/** 施策に係る市民満足度: the survey question and the share of citizens who agreed. */
export interface SatisfactionRate extends Sourced {
  readonly question: string;
  readonly percent: number;
  /** The percentage as printed, e.g. `30.6%`. */
  readonly text: string;
}

/** One 施策中項目 in its final numbering. */
export interface FinalMeasure extends Sourced {
  /** Position within the policy item: `6` of `6-5-6`. */
  readonly number: number;
  /** `6-5-6`. */
  readonly code: string;
  readonly name: string;
  readonly matchKey: string;
  /** The bullets under the measure, one per line. */
  readonly description: string;
  /**
   * The numbers declared as figures (src/graph/kinds/measure.kind.ts, `figure`), as read: the
   * merge stores them as they are, so a new one is declared there and read in measure-reader.ts.
   */
  readonly figures: FiguresOf<typeof MEASURE_PROPERTIES>;
}

export interface FinalPolicyItem {
  readonly fieldNumber: number;
  readonly number: number;
  /** `5-1`. */
  readonly code: string;
  /** The name the chapter overview gives. */
  readonly name: string;
  readonly matchKey: string;
  /**
   * The line where the item's heading is printed, or null: the document lacks the headings of some items
   * (5-2, 5-5, 5-6 and 6-4), which are then known by their position among the chapter's items.
   */
  readonly heading: SourceRef | null;
  readonly visions: readonly FinalVision[];
  readonly indicators: readonly OutcomeIndicator[];
  readonly satisfaction: SatisfactionRate;
  /** In their final order. */
  readonly measures: readonly FinalMeasure[];
  /** 協働による取組, one string per bullet; empty when the item has no such section (5-6, 6-2, 6-4). */
  readonly collaboration: readonly string[];
  /** The 協働による取組 label line, null when the section is absent. */
  readonly collaborationSource: SourceRef | null;
  /**
   * The numbers declared as figures (src/graph/kinds/policy-item.kind.ts, `figure`), as read: the
   * merge stores them as they are, so a new one is declared there and read in item-reader.ts.
   */
  readonly figures: FiguresOf<typeof POLICY_ITEM_PROPERTIES>;
  /** The heading line when printed, otherwise the めざす姿 label that opens the item. */
  readonly source: SourceRef;
}

/** One field chapter (`第5章 市民生活分野`). */
export interface FinalChapter extends Sourced {
  /** The chapter number, which is the field number of its policy items (第5章 → 5-1 …). */
  readonly fieldNumber: number;
  /** `市民生活` (the chapter title without `分野`). */
  readonly fieldName: string;
  /** The chapter title as printed, e.g. `市民生活分野`. */
  readonly title: string;
  /** The chapter's motto, e.g. `市民だれもが活躍し、安全に生活できるまち`. */
  readonly slogan: string;
  readonly overview: readonly OverviewEntry[];
  readonly items: readonly FinalPolicyItem[];
}

/** Where reading stopped: the first chapter heading that is not a field chapter (第7章 政策連携プラン). */
export interface FollowingChapter extends Sourced {
  readonly heading: string;
}

export interface FinalPlanDocument {
  readonly document: string;
  readonly chapters: readonly FinalChapter[];
  /** Null when the document ends with the last field chapter. */
  readonly stoppedAt: FollowingChapter | null;
}
