import { IndicatorConnection } from './indicator.connection';
import type { OrderFieldOf } from '../../read/page/order-input';
import type { ListKind } from '../../read/nested-connection';
import { indicatorCondition } from './indicator.conditions';
import { IndicatorFilter } from './indicator.filter';
import { IndicatorOrder } from './indicator.order';
import { INDICATOR_PAGE } from './indicator.page-spec';
import { Indicator } from './indicator.type';

/** The list of outcome indicators (成果指標): its connection, filter, order and page statement. */
export const INDICATOR_LIST: ListKind<
  Indicator,
  IndicatorFilter,
  OrderFieldOf<typeof IndicatorOrder>,
  keyof typeof INDICATOR_PAGE.facets
> = {
  spec: INDICATOR_PAGE,
  connection: IndicatorConnection,
  filter: IndicatorFilter,
  order: IndicatorOrder,
  condition: indicatorCondition,
  map: Indicator.from,
  storedAsIs: Indicator.storedAsIs,
};
