import type { GraphQLResolveInfo } from 'graphql';
import type { Page } from '../common/page-query';
import type { RequestContext } from '../context';
import type { Slice } from '../query/fetch-filtered-page';
import { fetchNestedPage } from '../query/fetch-nested-page';
import { reformSheetCondition } from './reform-sheet.conditions';
import type { ReformSheetFilter } from './reform-sheet.filter';
import type { ReformSheetOrderField } from './reform-sheet.order';
import { REFORM_SHEET_PAGE } from './reform-sheet.page-spec';
import { ReformSheet } from './reform-sheet.type';

/** Whose sheets a nested `…Connection` lists: the scope fragment binding them to their parent. */
export const REFORM_SHEET_SCOPES = {
  department: 'fragments/reform-sheet/scope-department',
  area: 'fragments/reform-sheet/scope-area',
} as const;

/** One parent's page of reform sheets, filtered and sorted as the root `reformSheets`, batched across parents. */
export async function nestedReformSheets(
  ctx: RequestContext,
  parent: keyof typeof REFORM_SHEET_SCOPES,
  parentId: string,
  filter: ReformSheetFilter | null,
  orderBy: readonly { field: ReformSheetOrderField; direction: 'ASC' | 'DESC' }[] | null,
  slice: Slice,
  info: GraphQLResolveInfo,
): Promise<Page<ReformSheet>> {
  const condition = await reformSheetCondition(filter, ctx);
  const scope = REFORM_SHEET_SCOPES[parent];
  return fetchNestedPage(ctx, REFORM_SHEET_PAGE, scope, parentId, condition, orderBy, slice, info, ReformSheet.from);
}
