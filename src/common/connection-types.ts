import { Indicator } from '../indicator/indicator.type';
import { Measure } from '../measure/measure.type';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Connection } from './connection';

/** The paginated lists of the API, each a Relay-style connection with totalCount. */
export const PolicyItemConnection = Connection(
  PolicyItem,
  'PolicyItem',
  'A page of policy items (施策大項目) with the total count.',
);
export const MeasureConnection = Connection(
  Measure,
  'Measure',
  'A page of measures (施策中項目) with the total count.',
);
export const IndicatorConnection = Connection(
  Indicator,
  'Indicator',
  'A page of outcome indicators (成果指標) with the total count.',
);
export const ReformSheetConnection = Connection(
  ReformSheet,
  'ReformSheet',
  'A page of reform sheets (実施計画シート) with the total count.',
);
