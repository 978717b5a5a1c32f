import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../read/request-context';
import { RowReader } from '../db/row-reader';
import { Department } from '../model/department/department.type';
import { PolicyField } from '../model/field/policy-field.type';
import { Indicator } from '../model/indicator/indicator.type';
import { FiscalYear } from '../graph/fiscal-year.type';
import { IndicatorProgress, progressOf } from './indicator-progress';
import { planFiscalYears } from './plan-period';
import { ProgressGradeBand } from './progress-grade-band.type';
import { DepartmentProgress, FieldProgress, OverallProgress, ProgressSummary } from './progress-summary';
import { gradeScale } from './progress-grades';
import { currentResultOf } from './subject-years';
import { IsPlanFiscalYear } from './text-rules';

@ArgsType()
class ProgressSummaryArgs {
  @Field(() => Int, {
    description: 'Fiscal year to count (Gregorian year it starts in, R6 = 2024), inside the plan period.',
  })
  @IsPlanFiscalYear()
  fiscalYear!: number;
}

/** An indicator's progress in a year (or its latest recorded year), as Indicator.progress and the summary count it. */
async function progressIn(ctx: RequestContext, indicator: Indicator, fiscalYear: number | null) {
  const result = await currentResultOf(ctx, indicator.id, fiscalYear);
  return result === null ? null : progressOf(indicator, result);
}

@Resolver(() => Indicator)
export class ProgressResolver {
  @FieldResolver(() => IndicatorProgress, {
    nullable: true,
    description:
      'Progress toward the target: the recorded value (latest revision not retracted) of the fiscal year, its ' +
      'achievement rate from the baseline (現状値) to the target (目標値), direction-aware, and its grade ' +
      '(S–D, thresholds in `progressGrades`). Null when the year has no result.',
  })
  async progress(
    @Root() indicator: Indicator,
    @Arg('fiscalYear', () => Int, {
      nullable: true,
      description: 'The fiscal year (R6 = 2024); when absent, the latest year with a result that is not retracted.',
    })
    fiscalYear: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<IndicatorProgress | null> {
    return progressIn(ctx, indicator, fiscalYear);
  }

  @Query(() => ProgressSummary, {
    description:
      'For a dashboard in one call: how many outcome indicators are in each grade, cannot be graded, or have no result yet in a fiscal year, overall, per field and per department.',
  })
  async progressSummary(
    @Args() { fiscalYear }: ProgressSummaryArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgressSummary> {
    const [groupRows, directory] = await Promise.all([
      ctx.gateway.read('progress/indicator-groups', {}),
      ctx.departments.departments(),
    ]);
    const rows = groupRows.map((row) => {
      const reader = new RowReader(row);
      return { reader, indicator: Indicator.from(reader.map('indicator')) };
    });
    const overall = new OverallProgress();
    const fields = new Map<string, FieldProgress>();
    const departments = new Map<string, DepartmentProgress>();
    // The progress of every indicator first: the loader batches their records into one statement.
    const progresses = await Promise.all(rows.map(({ indicator }) => progressIn(ctx, indicator, fiscalYear)));
    rows.forEach(({ reader: row, indicator }, index) => {
      const progress = progresses[index] ?? null;
      overall.add(indicator, progress);
      const field = PolicyField.from(row.map('field'));
      const fieldTally = fields.get(field.id) ?? Object.assign(new FieldProgress(), { field });
      fieldTally.add(indicator, progress);
      fields.set(field.id, fieldTally);
      for (const department of row.maps('departments').map(Department.from)) {
        const tally = departments.get(department.id) ?? Object.assign(new DepartmentProgress(), { department });
        tally.add(indicator, progress);
        departments.set(department.id, tally);
      }
    });
    return Object.assign(new ProgressSummary(), {
      fiscalYear,
      overall,
      fields: [...fields.values()].sort((a, b) => a.field.number - b.field.number),
      // In the directory's order (as `departments` lists them); the map holds only those with indicators.
      departments: directory.flatMap((d) => departments.get(d.id) ?? []),
    });
  }

  @Query(() => [ProgressGradeBand], {
    description:
      'The grade scale of indicator progress, best first: each grade with its lowest achievement rate. Reference data (seed/reference/progress-grades.yaml): the documents define no grading rule, so the scale is a judgement call for the plan owners to review (the file names its sources).',
  })
  progressGrades(): ProgressGradeBand[] {
    return gradeScale().map((band) => Object.assign(new ProgressGradeBand(), band));
  }

  @Query(() => [FiscalYear], {
    description:
      'The fiscal years of the plan period, first to last (seed/reference/plan-period.yaml, from the documents): the years results and evaluations may be recorded for and `progressSummary` counts.',
  })
  planFiscalYears(): FiscalYear[] {
    return planFiscalYears().map((year) => Object.assign(new FiscalYear(), year));
  }
}
