import { IndicatorFacets } from '../indicator/indicator.facets';
import { Indicator } from '../indicator/indicator.type';
import { MeasureFacets } from '../measure/measure.facets';
import { Measure } from '../measure/measure.type';
import { PolicyItemFacets } from '../policy-item/policy-item.facets';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheetFacets } from '../reform-sheet/reform-sheet.facets';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Connection } from './connection';

/** The paginated lists of the API, each a Relay-style connection with totalCount. */
export const PolicyItemConnection = Connection(
  PolicyItem,
  'PolicyItem',
  'A page of policy items (施策大項目) with the total count.',
  PolicyItemFacets,
);
export const MeasureConnection = Connection(
  Measure,
  'Measure',
  'A page of measures (施策中項目) with the total count.',
  MeasureFacets,
);
export const IndicatorConnection = Connection(
  Indicator,
  'Indicator',
  'A page of outcome indicators (成果指標) with the total count.',
  IndicatorFacets,
);
export const ReformSheetConnection = Connection(
  ReformSheet,
  'ReformSheet',
  'A page of reform sheets (実施計画シート) with the total count.',
  ReformSheetFacets,
);
