import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../read/request-context';
import { Indicator } from '../model/indicator/indicator.type';
import { ReformSheet } from '../model/reform-sheet/reform-sheet.type';
import { IndicatorResultYear, SheetEvaluationYear } from './record-year.type';
import type { IndicatorResult, SheetEvaluation } from './record.types';
import { yearsOf } from './subject-years';

const YEAR_DESCRIPTION = 'Only this fiscal year (Gregorian year it starts in); all recorded years when absent.';

@Resolver(() => Indicator)
export class IndicatorResultsResolver {
  @FieldResolver(() => [IndicatorResultYear], {
    description:
      'Recorded actual values (実績値) per fiscal year, oldest year first: the current revision and its history.',
  })
  async results(
    @Root() indicator: Indicator,
    @Arg('fiscalYear', () => Int, { nullable: true, description: YEAR_DESCRIPTION }) fiscalYear: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<IndicatorResultYear[]> {
    const years = await yearsOf<IndicatorResult>(ctx, indicator.id, fiscalYear);
    // Each year carries its indicator's baseline and target, so its `progress` is graded without another read.
    return years.map((year) => Object.assign(new IndicatorResultYear(), year, { basis: indicator }));
  }
}

@Resolver(() => ReformSheet)
export class SheetEvaluationsResolver {
  @FieldResolver(() => [SheetEvaluationYear], {
    description:
      'Year-end evaluations (年度末評価) per fiscal year, oldest year first: the current revision and its history.',
  })
  async evaluations(
    @Root() sheet: ReformSheet,
    @Arg('fiscalYear', () => Int, { nullable: true, description: YEAR_DESCRIPTION }) fiscalYear: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SheetEvaluationYear[]> {
    return yearsOf<SheetEvaluation>(ctx, sheet.id, fiscalYear);
  }
}
