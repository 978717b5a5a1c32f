import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../read/request-context';
import { Department } from '../department/department.type';
import { PolicyItem } from '../policy-item/policy-item.type';
import { ReformSheet } from '../reform-sheet/reform-sheet.type';
import { Sdg } from '../sdg/sdg.type';
import { Measure } from './measure.type';
import { loadNode } from '../../read/prefetch/load-node';
import { many, one, relationshipResolvers } from '../../read/relationship-fields';
import { MEASURE_LIST } from './measure.list';
import { rootConnectionResolver } from '../../read/root-connection';
import { REFORM_SHEET_LIST } from '../reform-sheet/reform-sheet.list';

@Resolver(() => Measure)
export class MeasureResolver {
  @Query(() => Measure, {
    nullable: true,
    description: 'A measure by code, e.g. `5-1-3` (or `5-6-d3` for a deleted one); null when there is none.',
  })
  async measure(
    @Arg('code', { description: 'Measure code.' }) code: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Measure | null> {
    const node = await loadNode(ctx, info, `measure:${code.trim()}`);
    return node ? Measure.from(node) : null;
  }
}

export const MeasureRelationships = relationshipResolvers(() => Measure, 'Measure', {
  policyItem: one(() => PolicyItem, 'The policy item (施策大項目) the measure belongs to.'),
  departments: many(() => Department, 'Departments responsible for the measure (評価回答部署).'),
  sdgs: many(() => Sdg, 'SDGs the measure touches, through its policy item.'),
  reformSheets: many(() => ReformSheet, 'Reform sheets that name the measure as one they support.', REFORM_SHEET_LIST),
});

export const MeasuresRootConnection = rootConnectionResolver(MEASURE_LIST, {
  field: 'measures',
  description:
    'Measures matching a filter, in code order (5-2 before 5-10), paginated. Deleted measures only when asked for.',
});
