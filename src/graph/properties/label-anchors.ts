import type { NodeLabel } from '../graph-model';
import type { Anchors } from './anchor';
import { INDICATOR_ANCHORS } from './indicator.properties';
import { MEASURE_ANCHORS } from './measure.properties';
import { POLICY_ITEM_ANCHORS } from './policy-item.properties';
import { REFORM_SHEET_ANCHORS } from './reform-sheet.properties';

/** The declared anchors (anchor.ts) of every kind with a root connection, by label. */
export const LABEL_ANCHORS: Readonly<Partial<Record<NodeLabel, Anchors>>> = {
  Indicator: INDICATOR_ANCHORS,
  Measure: MEASURE_ANCHORS,
  PolicyItem: POLICY_ITEM_ANCHORS,
  ReformSheet: REFORM_SHEET_ANCHORS,
};
