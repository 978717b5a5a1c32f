import { describedEnum } from './described-enum';

/** How it was decided that a department answers for an outcome indicator. */
export const OwnerBasis = describedEnum(
  'OwnerBasis',
  "Why a department answers for an outcome indicator. The documents attach indicators to policy items, never to a measure, so the choice is seed/reference/indicator-owners.yaml's.",
  {
    REVIEWED: {
      description:
        "A reviewed judgement of seed/reference/indicator-owners.yaml: the indicator reports on the listed measure(s), and these are their departments (評価回答部署); `evidence` cites the measure's text naming the indicator's subject and the draft sheet's row.",
    },
    BY_POLICY_ITEM: {
      description:
        "No judgement: the indicator answers to every department of its policy item's measures (those the next plan keeps); `reason` says why no single measure was chosen.",
    },
  },
);
export type OwnerBasis = (typeof OwnerBasis)[keyof typeof OwnerBasis];
