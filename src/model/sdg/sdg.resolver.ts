import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../read/request-context';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Sdg } from './sdg.type';
import { loadNode } from '../../read/prefetch/load-node';
import { listByLabel } from '../../read/prefetch/list-by-label';
import { POLICY_ITEM_LIST } from '../policy-item/policy-item.list';
import { MEASURE_LIST } from '../measure/measure.list';
import { connection, many, relationshipResolvers } from '../../read/relationship-fields';
import { REFORM_SHEET_LIST } from '../reform-sheet/reform-sheet.list';

@Resolver(() => Sdg)
export class SdgResolver {
  @Query(() => Sdg, { nullable: true, description: 'An SDG by number 1–17; null for other numbers.' })
  async sdg(
    @Arg('number', () => Int, { description: 'Goal number.' }) number: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Sdg | null> {
    const node = await loadNode(ctx, info, `sdg:${number}`);
    return node ? Sdg.from(node) : null;
  }

  @Query(() => [Sdg], { description: 'The 17 SDGs in number order.' })
  async sdgs(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Sdg[]> {
    return (await listByLabel(ctx, info, 'Sdg')).map(Sdg.from);
  }
}

export const SdgRelationships = relationshipResolvers(() => Sdg, 'Sdg', {
  policyItems: many(() => PolicyItem, 'Policy items contributing to the goal.'),
  measures: many(() => Measure, 'Measures touching the goal through their policy item (deleted ones excluded).'),
  departments: many(() => Department, 'Departments responsible for a measure touching the goal.'),
  reformSheets: many(() => ReformSheet, 'Reform sheets supporting a measure touching the goal.', REFORM_SHEET_LIST),
  policyItemsConnection: connection(
    POLICY_ITEM_LIST,
    'fragments/policy-item/scope-sdg',
    'Policy items contributing to the goal',
  ),
  measuresConnection: connection(
    MEASURE_LIST,
    'fragments/measure/scope-sdg',
    'Measures touching the goal through their policy item',
  ),
});
