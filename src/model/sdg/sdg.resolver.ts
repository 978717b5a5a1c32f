import { rootListResolver, rootNodeResolver } from '../../read/root-node';
import { Sdg } from './sdg.type';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';
import { MEASURE_LIST } from '../measure/measure.list';
import { connection, relationshipResolvers } from '../../read/relationship-fields';
import { RELATED_KINDS } from '../node/related-kinds';
import { scopeOf } from '../../read/declared-relationships';

export const SdgResolver = rootNodeResolver(() => Sdg, {
  field: 'sdg',
  description: 'An SDG by number 1–17; null for other numbers.',
  key: { name: 'number', description: 'Goal number.' },
  id: (number: number) => `sdg:${number}`,
  from: Sdg.from,
});

export const SdgsResolver = rootListResolver(() => Sdg, {
  field: 'sdgs',
  description: 'The 17 SDGs in number order.',
  label: 'Sdg',
  from: Sdg.from,
});

export const SdgRelationships = relationshipResolvers(() => Sdg, 'Sdg', RELATED_KINDS, {
  policyItemsConnection: connection(
    POLICY_ITEM_LIST,
    scopeOf('Sdg', 'policyItems'),
    'Policy items contributing to the goal',
  ),
  measuresConnection: connection(
    MEASURE_LIST,
    scopeOf('Sdg', 'measures'),
    'Measures touching the goal through their policy item',
  ),
});
