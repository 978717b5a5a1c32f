import { ReformSheetConnection } from './reform-sheet.connection';
import type { OrderFieldOf } from '../../read/page/order-input';
import type { ListKind } from '../../read/nested-connection';
import { reformSheetCondition } from './reform-sheet.conditions';
import { ReformSheetFilter } from './reform-sheet.filter';
import { ReformSheetOrder } from './reform-sheet.order';
import { REFORM_SHEET_PAGE } from './reform-sheet.page-spec';
import { ReformSheet } from './reform-sheet.type';

/** The list of reform sheets (実施計画シート): its connection, filter, order and page statement, shared by every connection of it. */
export const REFORM_SHEET_LIST: ListKind<
  ReformSheet,
  ReformSheetFilter,
  OrderFieldOf<typeof ReformSheetOrder>,
  keyof typeof REFORM_SHEET_PAGE.facets
> = {
  spec: REFORM_SHEET_PAGE,
  connection: ReformSheetConnection,
  filter: ReformSheetFilter,
  order: ReformSheetOrder,
  condition: reformSheetCondition,
  map: ReformSheet.from,
  storedAsIs: ReformSheet.storedAsIs,
};
