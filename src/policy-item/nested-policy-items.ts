import type { GraphQLResolveInfo } from 'graphql';
import type { Page } from '../common/page-query';
import type { RequestContext } from '../context';
import type { Slice } from '../query/fetch-filtered-page';
import { fetchNestedPage } from '../query/fetch-nested-page';
import { policyItemCondition } from './policy-item.conditions';
import type { PolicyItemFilter } from './policy-item.filter';
import type { PolicyItemOrderField } from './policy-item.order';
import { POLICY_ITEM_PAGE } from './policy-item.page-spec';
import { PolicyItem } from './policy-item.type';

/** Whose items a nested `policyItemsConnection` lists: the scope fragment binding them to their parent. */
export const POLICY_ITEM_SCOPES = {
  sdg: 'fragments/policy-item/scope-sdg',
  linkagePlan: 'fragments/policy-item/scope-linkage-plan',
} as const;

/** One parent's page of policy items, filtered and sorted as the root `policyItems`, batched across parents. */
export async function nestedPolicyItems(
  ctx: RequestContext,
  parent: keyof typeof POLICY_ITEM_SCOPES,
  parentId: string,
  filter: PolicyItemFilter | null,
  orderBy: readonly { field: PolicyItemOrderField; direction: 'ASC' | 'DESC' }[] | null,
  slice: Slice,
  info: GraphQLResolveInfo,
): Promise<Page<PolicyItem>> {
  const condition = await policyItemCondition(filter, ctx);
  const scope = POLICY_ITEM_SCOPES[parent];
  return fetchNestedPage(ctx, POLICY_ITEM_PAGE, scope, parentId, condition, orderBy, slice, info, PolicyItem.from);
}
