import { OrderInput } from '../../read/page/order-input';

/** One sort key of outcome indicators: code (the default), name (added by OrderInput) or a field below. */
export const IndicatorOrder = OrderInput('Indicator', 'outcome indicators', {
  CODE: 'Indicator code, numerically; the default order.',
  CURRENT: 'Current value (the baseline); indicators without a number last.',
  TARGET: 'Target value; indicators without a number last.',
  RELATIVE_CHANGE: 'Change from current value to target, relative to the current value; without both numbers last.',
});
