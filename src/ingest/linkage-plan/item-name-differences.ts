import type { SourceRef } from '../source-document';
import { nameKey } from '../../core/text/index';
import type { LinkageMatrix, LinkagePlan } from './records';

/**
 * An initiative writes a policy item's name next to its code; the matrix holds the item's name (and is
 * what the graph uses). A written name that is not the matrix's name is a typo in one of the two places
 * (e.g. 豊かな学力 for 2-1 確かな学力と自立する力の育成), reported so it can be corrected or judged.
 */
export interface ItemNameDifference {
  readonly planNumber: number;
  readonly initiativeNumber: number;
  readonly code: string;
  readonly writtenName: string;
  readonly matrixName: string;
  /** The initiative's code line. */
  readonly source: SourceRef;
}

/** Written names that differ from the matrix's (spaces and widths ignored); unwritten names are not compared. */
export function findItemNameDifferences(
  plans: readonly LinkagePlan[],
  matrix: LinkageMatrix,
): readonly ItemNameDifference[] {
  const matrixNames = new Map(matrix.rows.map((row) => [row.code, row.name]));
  return plans.flatMap((plan) =>
    plan.initiatives.flatMap((initiative) =>
      initiative.policyItems.flatMap((item) => {
        const matrixName = matrixNames.get(item.code);
        if (matrixName === undefined || item.name === '' || nameKey(item.name) === nameKey(matrixName)) return [];
        return [
          {
            planNumber: plan.number,
            initiativeNumber: initiative.number,
            code: item.code,
            writtenName: item.name,
            matrixName,
            source: item.source,
          },
        ];
      }),
    ),
  );
}
