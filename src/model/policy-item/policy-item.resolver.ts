import { rootNodeResolver } from '../../read/root-node';
import { Department } from '../department/department.type';
import { PolicyField } from '../field/policy-field.type';
import { Indicator } from '../indicator/indicator.type';
import { Initiative, LinkagePlan } from '../linkage-plan/linkage-plan.type';
import { Measure } from '../measure/measure.type';
import { Project } from '../project/project.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { RelatedPlan } from '../related-plan/related-plan.type';
import { Sdg } from '../sdg/sdg.type';
import { PolicyItem } from './policy-item.type';
import { MEASURE_LIST } from '../measure/measure.list';
import { connection, many, manyNotDeleted, one, relationshipResolvers } from '../../read/relationship-fields';
import { scopeOf } from '../../read/declared-relationships';
import { POLICY_ITEM_LIST } from './policy-item.list';
import { rootConnectionResolver } from '../../read/root-connection';
import { INDICATOR_LIST } from '../indicator/indicator.list';
import { REFORM_SHEET_LIST } from '../reform-sheet/reform-sheet.list';

export const PolicyItemResolver = rootNodeResolver(() => PolicyItem, {
  field: 'policyItem',
  description: 'A policy item by code, e.g. `5-1`; null when there is none.',
  key: { name: 'code', description: 'Item code, e.g. `5-1`.' },
  id: (code: string) => `policy-item:${code.trim()}`,
  from: PolicyItem.from,
});

export const PolicyItemRelationships = relationshipResolvers(() => PolicyItem, 'PolicyItem', {
  field: one(() => PolicyField, 'The field (分野) the item belongs to.'),
  measures: manyNotDeleted(() => Measure, 'Measures (施策中項目) of the item, in number order.', 'measures'),
  projects: manyNotDeleted(() => Project, 'Main projects (主な事業) of the item.', 'projects'),
  sdgs: many(() => Sdg, 'SDGs the item contributes to (関連するSDGs, as the departments answered).'),
  indicators: many(() => Indicator, 'Outcome indicators (成果指標) of the item.', INDICATOR_LIST),
  relatedPlans: many(() => RelatedPlan, 'Related plans (関連計画) of the item.'),
  departments: many(() => Department, 'Departments responsible for any of its (non-deleted) measures.'),
  reformSheets: many(() => ReformSheet, 'Reform sheets supporting any of its measures.', REFORM_SHEET_LIST),
  linkagePlans: many(() => LinkagePlan, 'Linkage plans whose initiatives target the item.'),
  initiatives: many(() => Initiative, 'Linkage-plan initiatives (推進のための取組) that target the item.'),
  measuresConnection: connection(MEASURE_LIST, scopeOf('PolicyItem', 'measures'), 'The measures of the item'),
});

export const PolicyItemsRootConnection = rootConnectionResolver(POLICY_ITEM_LIST, {
  field: 'policyItems',
  description: 'Policy items matching a filter, in code order, paginated.',
});
