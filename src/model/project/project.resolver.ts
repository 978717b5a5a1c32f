import { Project } from './project.type';
import { relationshipResolvers } from '../../read/relationship-fields';
import { RELATED_KINDS } from '../node/related-kinds';

export const ProjectRelationships = relationshipResolvers(() => Project, 'Project', RELATED_KINDS);
