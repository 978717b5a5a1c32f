import { PolicyItem } from '../policy-item/policy-item.type';
import { Project } from './project.type';
import { one, relationshipResolvers } from '../../read/relationship-fields';

export const ProjectRelationships = relationshipResolvers(() => Project, 'Project', {
  policyItem: one(() => PolicyItem, 'The policy item the project belongs to.'),
});
