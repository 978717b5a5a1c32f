import { OrderInput } from '../../read/page/order-input';

/** One sort key of measures: code (the default), name (added by OrderInput) or a field below. */
export const MeasureOrder = OrderInput('Measure', 'measures', {
  CODE: 'Measure code, numerically (5-2 before 5-10); the default order.',
  STATUS: 'Change mark, newest first when ascending: NEW, CHANGED, UNCHANGED, DELETED.',
  FIELD: 'Number of the field the measure belongs to.',
  DEPARTMENT_COUNT: 'How many departments are responsible for the measure.',
});
