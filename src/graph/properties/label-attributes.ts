import type { NodeLabel } from '../graph-model';
import { DEPARTMENT_ATTRIBUTES } from './department.properties';
import { FIELD_ATTRIBUTES } from './field.properties';
import { INDICATOR_ATTRIBUTES } from './indicator.properties';
import { INITIATIVE_ATTRIBUTES, LINKAGE_PLAN_ATTRIBUTES } from './linkage-plan.properties';
import { MEASURE_ATTRIBUTES } from './measure.properties';
import { POLICY_ITEM_ATTRIBUTES } from './policy-item.properties';
import { PROJECT_ATTRIBUTES } from './project.properties';
import { REFORM_AREA_ATTRIBUTES } from './reform-area.properties';
import { REFORM_SHEET_ATTRIBUTES } from './reform-sheet.properties';
import { RELATED_PLAN_ATTRIBUTES } from './related-plan.properties';
import { SDG_ATTRIBUTES } from './sdg.properties';
import type { Attributes } from './attribute';

/** Every label's attributes (attribute.ts), one `<kind>.properties.ts` each. */
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
