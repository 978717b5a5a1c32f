import { rootNodeResolver } from '../../read/root-node';
import { Measure } from './measure.type';
import { relationshipResolvers } from '../../read/relationship-fields';
import { RELATED_KINDS } from '../node/related-kinds';
import { MEASURE_LIST } from './measure.list';
import { rootConnectionResolver } from '../../read/root-connection';

export const MeasureResolver = rootNodeResolver(() => Measure, {
  field: 'measure',
  description: 'A measure by code, e.g. `5-1-3` (or `5-6-d3` for a deleted one); null when there is none.',
  key: { name: 'code', description: 'Measure code.' },
  id: (code: string) => `measure:${code.trim()}`,
  from: Measure.from,
});

export const MeasureRelationships = relationshipResolvers(() => Measure, 'Measure', RELATED_KINDS);

export const MeasuresRootConnection = rootConnectionResolver(MEASURE_LIST, {
  field: 'measures',
  description:
    'Measures matching a filter, in code order (5-2 before 5-10), paginated. Deleted measures only when asked for.',
});
