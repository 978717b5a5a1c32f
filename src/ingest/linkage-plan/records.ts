import type { Sourced, SourceRef } from '../source-document';

/**
 * What the linkage-plan document (政策連携プラン, 004) says: the cross-field plans with their initiatives,
 * and the matrix (政策連携プラン体系) of all policy items of the six fields with the plans that touch them.
 */
export interface LinkagePlanDocument {
  readonly document: string;
  readonly plans: readonly LinkagePlan[];
  readonly matrix: LinkageMatrix;
}

/** One plan, headed `①塙保己一プラン`; the circled numeral is folded to its number (① → 1). */
export interface LinkagePlan {
  readonly number: number;
  readonly name: string;
  /** The text between the heading and 推進のための取組, as one paragraph (line breaks carry no meaning). */
  readonly summary: string;
  readonly initiatives: readonly LinkageInitiative[];
  /** The proposed numeric targets (数値目標案), split on `、`. */
  readonly numericTargets: readonly string[];
  /** The 数値目標案 label line. */
  readonly numericTargetsSource: SourceRef;
  /** The heading line. */
  readonly source: SourceRef;
}

/** One initiative (推進のための取組), headed `○name`, with the policy items (施策大項目) it serves. */
export interface LinkageInitiative {
  readonly planNumber: number;
  /** 1-based position within its plan. */
  readonly number: number;
  readonly name: string;
  readonly text: string;
  /** The policy items in document order, as written after 【施策大項目】 (codes normalised to `N-M`). */
  readonly policyItems: readonly PolicyItemReference[];
  /** The heading line. */
  readonly source: SourceRef;
}

/** A policy item named in an initiative's code list: `2-4 生涯学習の活発化`. */
export interface PolicyItemReference extends Sourced {
  /** Normalised `N-M`, half-width digits and ASCII hyphen. */
  readonly code: string;
  /** The name as written next to the code ('' when only the code is written); the matrix is authoritative. */
  readonly name: string;
}

/** The matrix 政策連携プラン体系: one row per policy item, one ○ column per plan. */
export interface LinkageMatrix {
  /** The plan columns in order, as the header names them (already checked against the plans' names). */
  readonly planColumns: readonly MatrixPlanColumn[];
  /** The fields whose name a row carries in its first cell (健康福祉 on 1-1's row, ...). */
  readonly fields: readonly MatrixField[];
  readonly rows: readonly MatrixRow[];
  /** The title line. */
  readonly source: SourceRef;
}

export interface MatrixPlanColumn extends Sourced {
  readonly planNumber: number;
  readonly name: string;
}

export interface MatrixField extends Sourced {
  readonly number: number;
  readonly name: string;
}

export interface MatrixRow extends Sourced {
  /** The `N` of the code `N-M`. */
  readonly fieldNumber: number;
  /** Only the first row of a field names it; the other rows leave the cell empty. */
  readonly fieldName: string | null;
  /** Normalised `N-M`. */
  readonly code: string;
  readonly name: string;
  /** The plans whose column holds ○ on this row, ascending. */
  readonly planNumbers: readonly number[];
}
