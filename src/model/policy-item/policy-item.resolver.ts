import { rootNodeResolver } from '../../read/root-node';
import { PolicyItem } from './policy-item.type';
import { MEASURE_LIST } from '../measure/measure.list';
import { connection, relationshipResolvers } from '../../read/relationship-fields';
import { RELATED_KINDS } from '../node/related-kinds';
import { scopeOf } from '../../read/declared-relationships';
import { POLICY_ITEM_LIST } from './policy-item.list';
import { rootConnectionResolver } from '../../read/root-connection';

export const PolicyItemResolver = rootNodeResolver(() => PolicyItem, {
  field: 'policyItem',
  description: 'A policy item by code, e.g. `5-1`; null when there is none.',
  key: { name: 'code', description: 'Item code, e.g. `5-1`.' },
  id: (code: string) => `policy-item:${code.trim()}`,
  from: PolicyItem.from,
});

export const PolicyItemRelationships = relationshipResolvers(() => PolicyItem, 'PolicyItem', RELATED_KINDS, {
  measuresConnection: connection(MEASURE_LIST, scopeOf('PolicyItem', 'measures'), 'The measures of the item'),
});

export const PolicyItemsRootConnection = rootConnectionResolver(POLICY_ITEM_LIST, {
  field: 'policyItems',
  description: 'Policy items matching a filter, in code order, paginated.',
});
