import { rootListResolver, rootNodeResolver } from '../../read/root-node';
import { Initiative, LinkagePlan } from './linkage-plan.type';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';
import { connection, relationshipResolvers } from '../../read/relationship-fields';
import { RELATED_KINDS } from '../node/related-kinds';
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

export const LinkagePlanRelationships = relationshipResolvers(() => LinkagePlan, 'LinkagePlan', RELATED_KINDS, {
  policyItemsConnection: connection(
    POLICY_ITEM_LIST,
    scopeOf('LinkagePlan', 'policyItems'),
    'Policy items any initiative of the plan targets',
  ),
});

export const InitiativeRelationships = relationshipResolvers(() => Initiative, 'Initiative', RELATED_KINDS);
