import { INDICATOR_ATTRIBUTES } from '../../graph/properties/indicator.properties';
import { declaredOrderDescriptions } from '../../read/page/declared-numbers';
import { OrderInput } from '../../read/page/order-input';

/**
 * One sort key of outcome indicators: code (the default), name (added by OrderInput), each orderable declared
 * number (indicator.properties.ts) and the relative change computed from two of them.
 */
export const IndicatorOrder = OrderInput(
  'Indicator',
  'outcome indicators',
  Object.assign(
    { CODE: 'Indicator code, numerically; the default order.' },
    declaredOrderDescriptions(INDICATOR_ATTRIBUTES),
    {
      RELATIVE_CHANGE: 'Change from current value to target, relative to the current value; without both numbers last.',
    },
  ),
);
