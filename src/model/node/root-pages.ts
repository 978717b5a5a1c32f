import type { PageSpec } from '../../read/page/page-spec';
import { INDICATOR_LIST } from '../indicator/indicator.list';
import { MEASURE_LIST } from '../measure/measure.list';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';
import { REFORM_SHEET_LIST } from '../reform-sheet/reform-sheet.list';

/**
 * The page spec of every root connection, in the analysts' guide's order: what reads them all, the guide's
 * table of the numbers each connection's `aggregate` offers (src/read/page/numbers-on-offer.ts), takes them here.
 */
export const ROOT_PAGES: readonly PageSpec[] = [
  INDICATOR_LIST.spec,
  MEASURE_LIST.spec,
  POLICY_ITEM_LIST.spec,
  REFORM_SHEET_LIST.spec,
];
