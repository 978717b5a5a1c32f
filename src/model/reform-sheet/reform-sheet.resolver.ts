import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../read/request-context';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { Sdg } from '../sdg/sdg.type';
import { ReformArea } from './reform-area.type';
import { ReformSheet } from './reform-sheet.type';
import { loadNode } from '../../read/prefetch/load-node';
import { listByLabel } from '../../read/prefetch/list-by-label';
import { REFORM_SHEET_LIST } from './reform-sheet.list';
import { connection, many, one, relationshipResolvers } from '../../read/relationship-fields';
import { rootConnectionResolver } from '../../read/root-connection';
import { MEASURE_LIST } from '../measure/measure.list';

@Resolver(() => ReformSheet)
export class ReformSheetResolver {
  @Query(() => ReformSheet, {
    nullable: true,
    description: 'A reform sheet by code `area-number`, e.g. `1-6`; null when there is none.',
  })
  async reformSheet(
    @Arg('code', { description: 'Sheet code.' }) code: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReformSheet | null> {
    const node = await loadNode(ctx, info, `reform-sheet:${code.trim()}`);
    return node ? ReformSheet.from(node) : null;
  }

  @Query(() => [ReformArea], { description: 'The three areas of the administrative-reform outline.' })
  async reformAreas(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ReformArea[]> {
    return (await listByLabel(ctx, info, 'ReformArea')).map(ReformArea.from);
  }
}

export const ReformSheetRelationships = relationshipResolvers(() => ReformSheet, 'ReformSheet', {
  area: one(() => ReformArea, 'The area the sheet belongs to.'),
  departments: many(() => Department, 'Executing departments (実行課).'),
  partners: many(() => Department, 'Partner departments (連携課).'),
  measures: many(
    () => Measure,
    'Measures (施策中項目) the sheet supports, as resolved from the names it cites.',
    MEASURE_LIST,
  ),
  sdgs: many(() => Sdg, 'SDGs touched through the measures the sheet supports.'),
});

export const ReformAreaRelationships = relationshipResolvers(() => ReformArea, 'ReformArea', {
  sheets: many(() => ReformSheet, 'Sheets of the area, in code order.'),
  sheetsConnection: connection(REFORM_SHEET_LIST, 'fragments/reform-sheet/scope-area', 'The sheets of the area'),
});

export const ReformSheetsRootConnection = rootConnectionResolver(REFORM_SHEET_LIST, {
  field: 'reformSheets',
  description: 'Reform sheets matching a filter, in code order, paginated.',
});
