import type { NodeLabel } from '../graph-model';
import type { Anchors } from './anchor';
import type { Facets } from './facet';
import { INDICATOR_ANCHORS, INDICATOR_FACETS } from './indicator.properties';
import { MEASURE_ANCHORS, MEASURE_FACETS } from './measure.properties';
import { POLICY_ITEM_ANCHORS, POLICY_ITEM_FACETS } from './policy-item.properties';
import { REFORM_SHEET_ANCHORS, REFORM_SHEET_FACETS } from './reform-sheet.properties';

/** The declared anchors (anchor.ts) of every kind with a root connection, by label: where its pages start. */
export const LABEL_ANCHORS: Readonly<Partial<Record<NodeLabel, Anchors>>> = {
  Indicator: INDICATOR_ANCHORS,
  Measure: MEASURE_ANCHORS,
  PolicyItem: POLICY_ITEM_ANCHORS,
  ReformSheet: REFORM_SHEET_ANCHORS,
};

/** The declared facets (facet.ts) of every kind with a root connection, by label. */
export const LABEL_FACETS: Readonly<Partial<Record<NodeLabel, Facets>>> = {
  Indicator: INDICATOR_FACETS,
  Measure: MEASURE_FACETS,
  PolicyItem: POLICY_ITEM_FACETS,
  ReformSheet: REFORM_SHEET_FACETS,
};
