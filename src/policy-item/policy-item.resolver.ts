import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { PolicyItemConnection } from './policy-item.connection';
import type { Page } from '../read/page/fetch-page';
import { PaginationArgs } from '../common/pagination.args';
import type { RequestContext } from '../read/request-context';
import { Department } from '../department/department.type';
import { PolicyField } from '../field/policy-field.type';
import { Indicator } from '../indicator/indicator.type';
import { Initiative, LinkagePlan } from '../linkage-plan/linkage-plan.type';
import { Measure } from '../measure/measure.type';
import { Project } from '../project/project.type';
import { fetchFilteredPage } from '../read/page/fetch-filtered-page';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { RelatedPlan } from '../related-plan/related-plan.type';
import { Sdg } from '../sdg/sdg.type';
import { policyItemCondition } from './policy-item.conditions';
import { PolicyItemFilter } from './policy-item.filter';
import { PolicyItemOrder } from './policy-item.order';
import { POLICY_ITEM_PAGE } from './policy-item.page-spec';
import { PolicyItem } from './policy-item.type';
import { loadNode } from '../read/prefetch/load-node';
import { FilterArg } from '../common/list-args';
import { related, relatedOne } from '../read/relationships';
import { nestedConnectionResolver } from '../read/nested-connection';
import { MEASURE_LIST } from '../measure/measure.list';

@Resolver(() => PolicyItem)
export class PolicyItemResolver {
  @Query(() => PolicyItem, {
    nullable: true,
    description: 'A policy item by code, e.g. `5-1`; null when there is none.',
  })
  async policyItem(
    @Arg('code', { description: 'Item code, e.g. `5-1`.' }) code: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PolicyItem | null> {
    const node = await loadNode(ctx, info, `policy-item:${code.trim()}`);
    return node ? PolicyItem.from(node) : null;
  }

  @Query(() => PolicyItemConnection, {
    description: 'Policy items matching a filter, in code order, paginated.',
  })
  async policyItems(
    @FilterArg(() => PolicyItemFilter)
    filter: PolicyItemFilter | null,
    @Arg('orderBy', () => [PolicyItemOrder], {
      nullable: true,
      description:
        'Sort keys, first key first (at most 4); code is the final tiebreak. Default (and with none): code order.',
    })
    orderBy: InstanceType<typeof PolicyItemOrder>[] | null,
    @Args() slice: PaginationArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<PolicyItem>> {
    const condition = await policyItemCondition(filter, ctx);
    return fetchFilteredPage({ ctx, spec: POLICY_ITEM_PAGE, condition, orderBy, slice, info, map: PolicyItem.from });
  }

  @FieldResolver(() => PolicyField, { description: 'The field (分野) the item belongs to.' })
  async field(@Root() item: PolicyItem, @Ctx() ctx: RequestContext): Promise<PolicyField> {
    return PolicyField.from(await relatedOne(ctx.loaders, 'PolicyItem', 'field', item.id));
  }

  @FieldResolver(() => [Sdg], {
    description: 'SDGs the item contributes to (関連するSDGs, as the departments answered).',
  })
  async sdgs(@Root() item: PolicyItem, @Ctx() ctx: RequestContext): Promise<Sdg[]> {
    return (await related(ctx.loaders, 'PolicyItem', 'sdgs', item.id)).map(Sdg.from);
  }

  @FieldResolver(() => [Measure], { description: 'Measures (施策中項目) of the item, in number order.' })
  async measures(
    @Root() item: PolicyItem,
    @Arg('includeDeleted', { defaultValue: false, description: 'Also list measures the next plan deletes.' })
    includeDeleted: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Measure[]> {
    return (await related(ctx.loaders, 'PolicyItem', 'measures', item.id, { includeDeleted })).map(Measure.from);
  }

  @FieldResolver(() => [Indicator], { description: 'Outcome indicators (成果指標) of the item.' })
  async indicators(@Root() item: PolicyItem, @Ctx() ctx: RequestContext): Promise<Indicator[]> {
    return (await related(ctx.loaders, 'PolicyItem', 'indicators', item.id)).map(Indicator.from);
  }

  @FieldResolver(() => [Project], { description: 'Main projects (主な事業) of the item.' })
  async projects(
    @Root() item: PolicyItem,
    @Arg('includeDeleted', { defaultValue: false, description: 'Also list projects the next plan deletes.' })
    includeDeleted: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Project[]> {
    return (await related(ctx.loaders, 'PolicyItem', 'projects', item.id, { includeDeleted })).map(Project.from);
  }

  @FieldResolver(() => [RelatedPlan], { description: 'Related plans (関連計画) of the item.' })
  async relatedPlans(@Root() item: PolicyItem, @Ctx() ctx: RequestContext): Promise<RelatedPlan[]> {
    return (await related(ctx.loaders, 'PolicyItem', 'relatedPlans', item.id)).map(RelatedPlan.from);
  }

  @FieldResolver(() => [Department], { description: 'Departments responsible for any of its (non-deleted) measures.' })
  async departments(@Root() item: PolicyItem, @Ctx() ctx: RequestContext): Promise<Department[]> {
    return (await related(ctx.loaders, 'PolicyItem', 'departments', item.id)).map(Department.from);
  }

  @FieldResolver(() => [ReformSheet], { description: 'Reform sheets supporting any of its measures.' })
  async reformSheets(@Root() item: PolicyItem, @Ctx() ctx: RequestContext): Promise<ReformSheet[]> {
    return (await related(ctx.loaders, 'PolicyItem', 'reformSheets', item.id)).map(ReformSheet.from);
  }

  @FieldResolver(() => [LinkagePlan], { description: 'Linkage plans whose initiatives target the item.' })
  async linkagePlans(@Root() item: PolicyItem, @Ctx() ctx: RequestContext): Promise<LinkagePlan[]> {
    return (await related(ctx.loaders, 'PolicyItem', 'linkagePlans', item.id)).map(LinkagePlan.from);
  }

  @FieldResolver(() => [Initiative], {
    description: 'Linkage-plan initiatives (推進のための取組) that target the item.',
  })
  async initiatives(@Root() item: PolicyItem, @Ctx() ctx: RequestContext): Promise<Initiative[]> {
    return (await related(ctx.loaders, 'PolicyItem', 'initiatives', item.id)).map(Initiative.from);
  }
}

/** `PolicyItem.measuresConnection`. */
export const PolicyItemMeasuresConnection = nestedConnectionResolver(MEASURE_LIST, {
  parent: () => PolicyItem,
  field: 'measuresConnection',
  scope: 'fragments/measure/scope-policy-item',
  lists: 'The measures of the item',
});
