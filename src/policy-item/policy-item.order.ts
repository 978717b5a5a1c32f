import { describedEnum } from '../common/described-enum';
import { OrderInput } from '../common/order-input';

/** What policy items can be sorted by. */
export const PolicyItemOrderField = describedEnum('PolicyItemOrderField', 'What policy items can be sorted by.', {
  CODE: { description: 'Item code, numerically (5-2 before 5-10); the default order.' },
  NAME: { description: 'Name (Unicode order).' },
  SATISFACTION_RANK: { description: 'Rank by citizen satisfaction (1 = most satisfied); items without one last.' },
  IMPORTANCE_RANK: { description: 'Rank by importance to citizens (1 = most important); items without one last.' },
  MEASURE_COUNT: { description: 'How many measures (not deleted) the item has.' },
});
export type PolicyItemOrderField = (typeof PolicyItemOrderField)[keyof typeof PolicyItemOrderField];

export const PolicyItemOrder = OrderInput('PolicyItem', PolicyItemOrderField, 'policy items');
