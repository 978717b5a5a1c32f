import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RowReader } from '../../db/row-reader';
import { OwnerBasis } from '../../graph/owner-basis';
import type { RequestContext } from '../../read/request-context';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { IndicatorOwner } from './indicator-owner.type';
import { Indicator } from './indicator.type';

@Resolver(() => Indicator)
export class IndicatorOwnersResolver {
  @FieldResolver(() => [IndicatorOwner], {
    description:
      "The departments that answer for the indicator, by department: each with the basis (REVIEWED with its evidence, or BY_POLICY_ITEM) and the measures through which it answers. Recording rights, progressSummary's department groups, the dashboard and the exports follow this list.",
  })
  async owners(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<IndicatorOwner[]> {
    const rows = await ctx.loaders.rows('indicator/owners-by-ids').load(indicator.id);
    return rows.map(ownerOf);
  }
}

function ownerOf(row: RowReader): IndicatorOwner {
  const documents = row.strings('evidenceDocuments');
  const lines = row.numbers('evidenceLines');
  const texts = row.strings('evidenceTexts');
  return Object.assign(new IndicatorOwner(), {
    department: Department.from(row.map('department')),
    basis: OwnerBasis[row.string('basis') as keyof typeof OwnerBasis],
    measures: row.maps('measures').map(Measure.from),
    reason: row.string('reason'),
    evidence: documents.map((document, i) => ({ document, line: lines[i] ?? 0, says: texts[i] ?? '' })),
  });
}
