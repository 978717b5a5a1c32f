import { MeasureConnection } from './measure.connection';
import type { OrderFieldOf } from '../../read/page/order-input';
import type { ListKind } from '../../read/nested-connection';
import { measureCondition } from './measure.conditions';
import { MeasureFilter } from './measure.filter';
import { MeasureOrder } from './measure.order';
import { MEASURE_PAGE } from './measure.page-spec';
import { Measure } from './measure.type';

/** The list of measures (施策中項目): its connection, filter, order and page statement, shared by every connection of it. */
export const MEASURE_LIST: ListKind<
  Measure,
  MeasureFilter,
  OrderFieldOf<typeof MeasureOrder>,
  keyof typeof MEASURE_PAGE.facets
> = {
  spec: MEASURE_PAGE,
  connection: MeasureConnection,
  filter: MeasureFilter,
  order: MeasureOrder,
  condition: measureCondition,
  map: Measure.from,
  storedAsIs: Measure.storedAsIs,
};
