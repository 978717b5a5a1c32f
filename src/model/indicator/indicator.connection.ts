import { Connection } from '../../read/page/connection';
import { INDICATOR_PAGE } from './indicator.page-spec';
import { IndicatorFacets } from './indicator.facets';
import { Indicator } from './indicator.type';

/** The paginated list of Indicators: a Relay-style connection with totalCount and facets. */
export const IndicatorConnection = Connection(
  Indicator,
  'Indicator',
  'A page of outcome indicators (成果指標) with the total count.',
  IndicatorFacets,
  INDICATOR_PAGE.aggregates,
);
