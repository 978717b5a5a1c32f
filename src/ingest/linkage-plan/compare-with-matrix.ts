import type { SourceRef } from '../source-document';
import { compareCodes } from './policy-item-code';
import type { LinkageMatrix, LinkagePlan } from './records';

/**
 * The plans say twice which policy items they touch: in their initiatives' code lists and in the matrix's
 * ○ marks. The two must agree; every disagreement is reported rather than resolved here.
 */
export interface LinkageDifference {
  readonly planNumber: number;
  readonly code: string;
  /** The side that links the plan to the item; the other side does not. */
  readonly onlyIn: 'initiatives' | 'matrix';
  /** Where that side says so: the initiative's code line, or the matrix row. */
  readonly source: SourceRef;
}

/** The differences between the initiatives' codes and the matrix's marks, by plan then code. */
export function compareInitiativesWithMatrix(
  plans: readonly LinkagePlan[],
  matrix: LinkageMatrix,
): readonly LinkageDifference[] {
  return plans.flatMap((plan) => {
    const fromInitiatives = initiativeCodes(plan);
    const fromMatrix = new Map(
      matrix.rows.filter((row) => row.planNumbers.includes(plan.number)).map((row) => [row.code, row.source]),
    );
    const differences: LinkageDifference[] = [
      ...onlyInFirst(fromInitiatives, fromMatrix).map(([code, source]) => ({
        planNumber: plan.number,
        code,
        onlyIn: 'initiatives' as const,
        source,
      })),
      ...onlyInFirst(fromMatrix, fromInitiatives).map(([code, source]) => ({
        planNumber: plan.number,
        code,
        onlyIn: 'matrix' as const,
        source,
      })),
    ];
    return differences.sort((a, b) => compareCodes(a.code, b.code));
  });
}

/** Every code a plan's initiatives name, with the line that first names it; ascending by code. */
export function initiativeCodes(plan: LinkagePlan): ReadonlyMap<string, SourceRef> {
  const codes = new Map<string, SourceRef>();
  for (const initiative of plan.initiatives) {
    for (const item of initiative.policyItems) {
      if (!codes.has(item.code)) codes.set(item.code, item.source);
    }
  }
  return new Map([...codes].sort(([a], [b]) => compareCodes(a, b)));
}

function onlyInFirst(
  first: ReadonlyMap<string, SourceRef>,
  second: ReadonlyMap<string, SourceRef>,
): [string, SourceRef][] {
  return [...first].filter(([code]) => !second.has(code));
}
