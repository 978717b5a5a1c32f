import { describedEnum } from '../common/described-enum';
import { OrderInput } from '../common/order-input';

/** What reform sheets can be sorted by. */
export const ReformSheetOrderField = describedEnum('ReformSheetOrderField', 'What reform sheets can be sorted by.', {
  CODE: { description: 'Sheet code `area-number`, numerically; the default order.' },
  NAME: { description: 'Name (Unicode order).' },
  AREA: { description: 'Area number.' },
  EVALUATION: { description: 'Year-end grade (年度末評価), A first when ascending; ungraded sheets last.' },
  START_YEAR: { description: 'Fiscal year the sheet starts.' },
  TARGET_YEAR: { description: 'Target fiscal year.' },
});
export type ReformSheetOrderField = (typeof ReformSheetOrderField)[keyof typeof ReformSheetOrderField];

export const ReformSheetOrder = OrderInput('ReformSheet', ReformSheetOrderField, 'reform sheets');
