import { describedEnum } from '../common/described-enum';
import { OrderInput } from '../common/order-input';

/** What measures can be sorted by. */
export const MeasureOrderField = describedEnum('MeasureOrderField', 'What measures can be sorted by.', {
  CODE: { description: 'Measure code, numerically (5-2 before 5-10); the default order.' },
  NAME: { description: 'Name (Unicode order).' },
  STATUS: { description: 'Change mark, newest first when ascending: NEW, CHANGED, UNCHANGED, DELETED.' },
  FIELD: { description: 'Number of the field the measure belongs to.' },
  DEPARTMENT_COUNT: { description: 'How many departments are responsible for the measure.' },
});
export type MeasureOrderField = (typeof MeasureOrderField)[keyof typeof MeasureOrderField];

export const MeasureOrder = OrderInput('Measure', MeasureOrderField, 'measures');
