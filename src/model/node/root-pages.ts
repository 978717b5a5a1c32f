import type { PageSpec } from '../../read/page/page-spec';
import { INDICATOR_PAGE } from '../indicator/indicator.page-spec';
import { MEASURE_PAGE } from '../measure/measure.page-spec';
import { POLICY_ITEM_PAGE } from '../policy-item/policy-item.page-spec';
import { REFORM_SHEET_PAGE } from '../reform-sheet/reform-sheet.page-spec';

/**
 * The page spec of every root connection, in the analysts' guide's order: what reads them all, the guide's
 * table of the numbers each connection's `aggregate` offers (src/read/page/numbers-on-offer.ts), takes them here.
 */
export const ROOT_PAGES: readonly PageSpec[] = [INDICATOR_PAGE, MEASURE_PAGE, POLICY_ITEM_PAGE, REFORM_SHEET_PAGE];
