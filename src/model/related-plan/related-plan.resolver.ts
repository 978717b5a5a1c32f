import { PolicyItem } from '../policy-item/policy-item.type';
import { RelatedPlan } from './related-plan.type';
import { one, relationshipResolvers } from '../../read/relationship-fields';

export const RelatedPlanRelationships = relationshipResolvers(() => RelatedPlan, 'RelatedPlan', {
  policyItem: one(() => PolicyItem, 'The policy item the plan is related to.'),
});
