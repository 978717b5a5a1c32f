import { PolicyItem } from '../policy-item/policy-item.type';
import { Indicator } from './indicator.type';
import { one, relationshipResolvers } from '../../read/relationship-fields';
import { INDICATOR_LIST } from './indicator.list';
import { rootConnectionResolver } from '../../read/root-connection';

export const IndicatorRelationships = relationshipResolvers(() => Indicator, 'Indicator', {
  policyItem: one(() => PolicyItem, 'The policy item the indicator measures.'),
});

export const IndicatorsRootConnection = rootConnectionResolver(INDICATOR_LIST, {
  field: 'indicators',
  description: 'Outcome indicators matching a filter, in code order, paginated.',
});
