import { POLICY_ITEM_ATTRIBUTES } from '../../graph/properties/policy-item.properties';
import { declaredOrderDescriptions } from '../../read/page/declared-numbers';
import { OrderInput } from '../../read/page/order-input';

/**
 * One sort key of policy items: code (the default), name (added by OrderInput), the fields below, and each
 * orderable declared number (policy-item.properties.ts).
 */
export const PolicyItemOrder = OrderInput(
  'PolicyItem',
  'policy items',
  Object.assign(
    {
      CODE: 'Item code, numerically (5-2 before 5-10); the default order.',
      SATISFACTION_RANK: 'Rank by citizen satisfaction (1 = most satisfied); items without one last.',
      IMPORTANCE_RANK: 'Rank by importance to citizens (1 = most important); items without one last.',
      MEASURE_COUNT: 'How many measures (not deleted) the item has.',
    },
    declaredOrderDescriptions(POLICY_ITEM_ATTRIBUTES),
  ),
);
