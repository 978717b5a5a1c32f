import { Connection } from '../../read/page/connection';
import { MEASURE_PAGE } from './measure.page-spec';
import { MeasureFacets } from './measure.facets';
import { Measure } from './measure.type';

/** The paginated list of Measures: a Relay-style connection with totalCount and facets. */
export const MeasureConnection = Connection(
  Measure,
  'Measure',
  'A page of measures (施策中項目) with the total count.',
  MeasureFacets,
  MEASURE_PAGE.aggregates,
);
