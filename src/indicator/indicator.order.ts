import { describedEnum } from '../common/described-enum';
import { OrderInput } from '../common/order-input';

/** What outcome indicators can be sorted by. */
export const IndicatorOrderField = describedEnum('IndicatorOrderField', 'What outcome indicators can be sorted by.', {
  CODE: { description: 'Indicator code, numerically; the default order.' },
  NAME: { description: 'Name (Unicode order).' },
  CURRENT: { description: 'Current value (the baseline); indicators without a number last.' },
  TARGET: { description: 'Target value; indicators without a number last.' },
  RELATIVE_CHANGE: {
    description: 'Change from current value to target, relative to the current value; without both numbers last.',
  },
});
export type IndicatorOrderField = (typeof IndicatorOrderField)[keyof typeof IndicatorOrderField];

export const IndicatorOrder = OrderInput('Indicator', IndicatorOrderField, 'outcome indicators');
