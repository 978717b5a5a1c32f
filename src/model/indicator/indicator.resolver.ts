import { Indicator } from './indicator.type';
import { relationshipResolvers } from '../../read/relationship-fields';
import { RELATED_KINDS } from '../node/related-kinds';
import { INDICATOR_LIST } from './indicator.list';
import { rootConnectionResolver } from '../../read/root-connection';

export const IndicatorRelationships = relationshipResolvers(() => Indicator, 'Indicator', RELATED_KINDS);

export const IndicatorsRootConnection = rootConnectionResolver(INDICATOR_LIST, {
  field: 'indicators',
  description: 'Outcome indicators matching a filter, in code order, paginated.',
});
