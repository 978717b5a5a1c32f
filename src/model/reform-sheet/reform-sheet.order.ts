import { REFORM_SHEET_ATTRIBUTES } from '../../graph/properties/reform-sheet.properties';
import { declaredOrderDescriptions } from '../../read/page/declared-numbers';
import { OrderInput } from '../../read/page/order-input';

/**
 * One sort key of reform sheets: code (the default), name (added by OrderInput), area, grade, and each
 * orderable declared number (reform-sheet.properties.ts).
 */
export const ReformSheetOrder = OrderInput(
  'ReformSheet',
  'reform sheets',
  Object.assign(
    {
      CODE: 'Sheet code `area-number`, numerically; the default order.',
      AREA: 'Area number.',
      EVALUATION: 'Year-end grade (年度末評価), A first when ascending; ungraded sheets last.',
    },
    declaredOrderDescriptions(REFORM_SHEET_ATTRIBUTES),
  ),
);
