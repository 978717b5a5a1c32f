import { rootListResolver } from '../../read/root-node';
import { PolicyField } from './policy-field.type';
import { relationshipResolvers } from '../../read/relationship-fields';
import { RELATED_KINDS } from '../node/related-kinds';

export const PolicyFieldResolver = rootListResolver(() => PolicyField, {
  field: 'fields',
  description: 'The six fields (分野) of the comprehensive plan, in number order.',
  label: 'Field',
  from: PolicyField.from,
});

export const PolicyFieldRelationships = relationshipResolvers(() => PolicyField, 'PolicyField', RELATED_KINDS);
