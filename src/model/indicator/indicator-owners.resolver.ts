import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { RowReader } from '../../db/row-reader';
import { CitedLine } from '../../graph/cited-line.type';
import { OwnerBasis } from '../../graph/owner-basis';
import type { RequestContext } from '../../read/request-context';
import { Department } from '../department/department.type';
import { Measure } from '../measure/measure.type';
import { Indicator } from './indicator.type';

@ObjectType({
  description:
    'A department that answers for an outcome indicator: who records its results, whose progress counts it, whose at-risk list shows it.',
})
class IndicatorOwner {
  @Field(() => Department, { description: 'The department (課).' })
  department!: Department;

  @Field(() => OwnerBasis, {
    description: "The rule that gave this department: the measure's row, a line naming it, or the policy item.",
  })
  basis!: OwnerBasis;

  @Field(() => [Measure], {
    description:
      'The measures (施策中項目) through which the department answers: those of the judgement whose row names it (empty for a department only a line about the programme names), or (BY_POLICY_ITEM) every measure of the item it is responsible for.',
  })
  measures!: Measure[];

  @Field({ description: 'Why, as seed/reference/indicator-owners.yaml gives it.' })
  reason!: string;

  @Field(() => [CitedLine], {
    description:
      "The document lines this department rests on: the measure's text naming the subject and its row (MEASURE_ROW), or the lines naming the department (NAMED_BY_LINE); empty for BY_POLICY_ITEM.",
  })
  evidence!: CitedLine[];
}

@Resolver(() => Indicator)
export class IndicatorOwnersResolver {
  @FieldResolver(() => [IndicatorOwner], {
    description:
      "The departments that answer for the indicator, by department: each with the rule that gave it (`basis`: MEASURE_ROW or NAMED_BY_LINE with the lines it rests on, or BY_POLICY_ITEM) and the measures through which it answers. Empty when the owner is unconfirmed (`ownerConfirmed`). Recording rights, progressSummary's department groups, the dashboard and the exports follow this list.",
  })
  async owners(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<IndicatorOwner[]> {
    const rows = await ctx.loaders.rows('indicator/owners-by-ids').load(indicator.id);
    return rows.map(ownerOf);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether some department answers for the indicator. False: owner unconfirmed, no line of the documents names the department that runs or counts it (seed/reference/indicator-owners.yaml says which departments were considered and why each was left out); only an administrator may record it. `indicators(filter: { ownerConfirmed: false })` lists them.',
  })
  async ownerConfirmed(@Root() indicator: Indicator, @Ctx() ctx: RequestContext): Promise<boolean> {
    const rows = await ctx.loaders.rows('indicator/owners-by-ids').load(indicator.id);
    return rows.length > 0;
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
