import { RelatedPlan } from './related-plan.type';
import { relationshipResolvers } from '../../read/relationship-fields';
import { RELATED_KINDS } from '../node/related-kinds';

export const RelatedPlanRelationships = relationshipResolvers(() => RelatedPlan, 'RelatedPlan', RELATED_KINDS);
