import { rootListResolver, rootNodeResolver } from '../../read/root-node';
import { PolicyItem } from '../policy-item/policy-item.type';
import { Initiative, LinkagePlan } from './linkage-plan.type';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';
import { connection, many, one, relationshipResolvers } from '../../read/relationship-fields';
import { scopeOf } from '../../read/declared-relationships';

export const LinkagePlanResolver = rootNodeResolver(() => LinkagePlan, {
  field: 'linkagePlan',
  description: 'A linkage plan by number 1–5 (①–⑤); null for other numbers.',
  key: { name: 'number', description: 'Plan number.' },
  id: (number: number) => `linkage-plan:${number}`,
  from: LinkagePlan.from,
});

export const LinkagePlansResolver = rootListResolver(() => LinkagePlan, {
  field: 'linkagePlans',
  description: 'The five cross-field linkage plans (政策連携プラン).',
  label: 'LinkagePlan',
  from: LinkagePlan.from,
});

export const LinkagePlanRelationships = relationshipResolvers(() => LinkagePlan, 'LinkagePlan', {
  initiatives: many(() => Initiative, 'Initiatives (推進のための取組) of the plan, in order.'),
  policyItems: many(() => PolicyItem, 'Policy items any initiative of the plan targets.'),
  policyItemsConnection: connection(
    POLICY_ITEM_LIST,
    scopeOf('LinkagePlan', 'policyItems'),
    'Policy items any initiative of the plan targets',
  ),
});

export const InitiativeRelationships = relationshipResolvers(() => Initiative, 'Initiative', {
  plan: one(() => LinkagePlan, 'The plan the initiative belongs to.'),
  policyItems: many(() => PolicyItem, 'Policy items the initiative names.', POLICY_ITEM_LIST),
});
