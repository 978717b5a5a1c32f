import type { NodeLabel } from '../graph-model';
import { DEPARTMENT_ATTRIBUTES } from './department.kind';
import { FIELD_ATTRIBUTES } from './field.kind';
import { INDICATOR_ATTRIBUTES } from './indicator.kind';
import { INITIATIVE_ATTRIBUTES, LINKAGE_PLAN_ATTRIBUTES } from './linkage-plan.kind';
import { MEASURE_ATTRIBUTES } from './measure.kind';
import { POLICY_ITEM_ATTRIBUTES } from './policy-item.kind';
import { PROJECT_ATTRIBUTES } from './project.kind';
import { REFORM_AREA_ATTRIBUTES } from './reform-area.kind';
import { REFORM_SHEET_ATTRIBUTES } from './reform-sheet.kind';
import { RELATED_PLAN_ATTRIBUTES } from './related-plan.kind';
import { SDG_ATTRIBUTES } from './sdg.kind';
import type { Attributes } from './attribute';

/** Every label's attributes (attribute.ts), one `<kind>.kind.ts` each. */
export const LABEL_ATTRIBUTES = {
  Field: FIELD_ATTRIBUTES,
  PolicyItem: POLICY_ITEM_ATTRIBUTES,
  Measure: MEASURE_ATTRIBUTES,
  Department: DEPARTMENT_ATTRIBUTES,
  Sdg: SDG_ATTRIBUTES,
  Indicator: INDICATOR_ATTRIBUTES,
  Project: PROJECT_ATTRIBUTES,
  RelatedPlan: RELATED_PLAN_ATTRIBUTES,
  ReformArea: REFORM_AREA_ATTRIBUTES,
  ReformSheet: REFORM_SHEET_ATTRIBUTES,
  LinkagePlan: LINKAGE_PLAN_ATTRIBUTES,
  Initiative: INITIATIVE_ATTRIBUTES,
} as const satisfies Record<NodeLabel, Attributes>;
