import { describedEnum } from './described-enum';

/**
 * The rule by which a department answers for an outcome indicator. The documents attach indicators to policy
 * items, never to a measure or a department, so each department is read from lines in
 * seed/reference/indicator-owners.yaml; the first two values are also the file's `basis`.
 */
export const OwnerBasis = describedEnum(
  'OwnerBasis',
  'The rule by which a department answers for an outcome indicator. The documents attach indicators to policy items, never to a department, so each department is read from lines (seed/reference/indicator-owners.yaml); an indicator no line gives a department has no owner (`Indicator.ownerConfirmed` false).',
  {
    MEASURE_ROW: {
      description:
        "The department is on the 評価回答部署 row of the measure whose text names the indicator's subject, and no line gives the subject to another department of that row; `evidence` cites the measure's text and the row.",
    },
    NAMED_BY_LINE: {
      description:
        "A line about the indicator's programme names the department, such as a reform sheet's 実行課 or 連携課 with the sheet's 計画名 and 施策中項目 (企画課 for 6-2-1 職員提案制度件数); it may answer though no row of the measure names it. `evidence` cites those lines.",
    },
    BY_POLICY_ITEM: {
      description:
        "No single measure names the indicator's subject: the indicator answers to every department of its policy item's measures (those the next plan keeps); `reason` says why.",
    },
  },
);
export type OwnerBasis = (typeof OwnerBasis)[keyof typeof OwnerBasis];
