import type { GraphQLResolveInfo } from 'graphql';
import type { Page } from '../common/page-query';
import type { RequestContext } from '../context';
import { fetchNestedPage } from '../query/fetch-nested-page';
import type { Slice } from '../query/fetch-filtered-page';
import { measureCondition } from './measure.conditions';
import type { MeasureFilter } from './measure.filter';
import type { MeasureOrderField } from './measure.order';
import { MEASURE_PAGE } from './measure.page-spec';
import { Measure } from './measure.type';

/** Whose measures a nested `measuresConnection` lists: the scope fragment binding them to their parent. */
export const MEASURE_SCOPES = {
  department: 'fragments/measure/scope-department',
  sdg: 'fragments/measure/scope-sdg',
  policyItem: 'fragments/measure/scope-policy-item',
} as const;

/** One parent's page of measures, filtered and sorted as the root `measures`, batched across parents. */
export async function nestedMeasures(
  ctx: RequestContext,
  parent: keyof typeof MEASURE_SCOPES,
  parentId: string,
  filter: MeasureFilter | null,
  orderBy: readonly { field: MeasureOrderField; direction: 'ASC' | 'DESC' }[] | null,
  slice: Slice,
  info: GraphQLResolveInfo,
): Promise<Page<Measure>> {
  const condition = await measureCondition(filter, ctx);
  return fetchNestedPage(
    ctx,
    MEASURE_PAGE,
    MEASURE_SCOPES[parent],
    parentId,
    condition,
    orderBy,
    slice,
    info,
    Measure.from,
  );
}
