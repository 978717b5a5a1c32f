import { PolicyItemConnection } from './policy-item.connection';
import type { OrderFieldOf } from '../../read/page/order-input';
import type { ListKind } from '../../read/nested-connection';
import { policyItemCondition } from './policy-item.conditions';
import { PolicyItemFilter } from './policy-item.filter';
import { PolicyItemOrder } from './policy-item.order';
import { POLICY_ITEM_PAGE } from './policy-item.page-spec';
import { PolicyItem } from './policy-item.type';

/** The list of policy items (施策大項目): its connection, filter, order and page statement, shared by every connection of it. */
export const POLICY_ITEM_LIST: ListKind<
  PolicyItem,
  PolicyItemFilter,
  OrderFieldOf<typeof PolicyItemOrder>,
  keyof typeof POLICY_ITEM_PAGE.facets
> = {
  spec: POLICY_ITEM_PAGE,
  connection: PolicyItemConnection,
  filter: PolicyItemFilter,
  order: PolicyItemOrder,
  condition: policyItemCondition,
  map: PolicyItem.from,
  storedAsIs: PolicyItem.storedAsIs,
};
