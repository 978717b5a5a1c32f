import { OrderInput } from '../../read/page/order-input';

/** One sort key of policy items: code (the default), name (added by OrderInput) or a field below. */
export const PolicyItemOrder = OrderInput('PolicyItem', 'policy items', {
  CODE: 'Item code, numerically (5-2 before 5-10); the default order.',
  SATISFACTION_RANK: 'Rank by citizen satisfaction (1 = most satisfied); items without one last.',
  IMPORTANCE_RANK: 'Rank by importance to citizens (1 = most important); items without one last.',
  MEASURE_COUNT: 'How many measures (not deleted) the item has.',
});
