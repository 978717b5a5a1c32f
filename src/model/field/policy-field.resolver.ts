import { rootListResolver } from '../../read/root-node';
import { PolicyItem } from '../policy-item/policy-item.type';
import { PolicyField } from './policy-field.type';
import { many, relationshipResolvers } from '../../read/relationship-fields';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';

export const PolicyFieldResolver = rootListResolver(() => PolicyField, {
  field: 'fields',
  description: 'The six fields (分野) of the comprehensive plan, in number order.',
  label: 'Field',
  from: PolicyField.from,
});

export const PolicyFieldRelationships = relationshipResolvers(() => PolicyField, 'PolicyField', {
  policyItems: many(() => PolicyItem, 'Policy items of this field, in code order.', POLICY_ITEM_LIST),
});
