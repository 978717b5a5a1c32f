import { MEASURE_ATTRIBUTES } from '../../graph/properties/measure.properties';
import { declaredOrderDescriptions } from '../../read/page/declared-numbers';
import { OrderInput } from '../../read/page/order-input';

/**
 * One sort key of measures: code (the default), name (added by OrderInput), the fields below, and each
 * orderable declared number (measure.properties.ts).
 */
export const MeasureOrder = OrderInput(
  'Measure',
  'measures',
  Object.assign(
    {
      CODE: 'Measure code, numerically (5-2 before 5-10); the default order.',
      STATUS: 'Change mark, newest first when ascending: NEW, CHANGED, UNCHANGED, DELETED.',
      FIELD: 'Number of the field the measure belongs to.',
      DEPARTMENT_COUNT: 'How many departments are responsible for the measure.',
    },
    declaredOrderDescriptions(MEASURE_ATTRIBUTES),
  ),
);
