import { OrderInput } from '../../read/page/order-input';

/** One sort key of reform sheets: code (the default), name (added by OrderInput) or a field below. */
export const ReformSheetOrder = OrderInput('ReformSheet', 'reform sheets', {
  CODE: 'Sheet code `area-number`, numerically; the default order.',
  AREA: 'Area number.',
  EVALUATION: 'Year-end grade (年度末評価), A first when ascending; ungraded sheets last.',
  START_YEAR: 'Fiscal year the sheet starts.',
  TARGET_YEAR: 'Target fiscal year.',
});
