import { IsOptional } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { ARGUMENT_LENGTH, MaxChars } from '../core/argument-length';
import type { RequestContext } from '../read/request-context';
import { RowReader } from '../db/row-reader';
import { Department } from '../model/department/department.type';
import { PolicyField } from '../model/field/policy-field.type';
import { Indicator } from '../model/indicator/indicator.type';
import { FiscalYear } from '../graph/fiscal-year.type';
import { IndicatorProgress, progressOf } from './indicator-progress';
import { planFiscalYears } from './plan-period';
import { ProgressGradeBand } from './progress-grade-band.type';
import { PolicyItem } from '../model/policy-item/policy-item.type';
import { Sdg } from '../model/sdg/sdg.type';
import { IndicatorOutlookStatus } from '../graph/outlook-status';
import { currentOutlookOf } from './current-outlook';
import type { IndicatorOutlook } from './indicator-outlook.type';
import { GroupTallies } from './group-tallies';
import {
  DepartmentProgress,
  FieldProgress,
  OverallProgress,
  PolicyItemProgress,
  type ProgressCounts,
  ProgressSummary,
  SdgProgress,
} from './progress-summary';
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

  @Field(() => String, {
    nullable: true,
    description:
      'Count only the indicators this department answers for (Indicator.owners): id, Japanese or English name, or English words, as `IndicatorFilter.department`.',
  })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.departmentRef)
  department?: string | null;
}

/** An indicator's progress in a year (or its latest recorded year), as Indicator.progress and the summary count it. */
async function progressIn(ctx: RequestContext, indicator: Indicator, fiscalYear: number | null) {
  const result = await currentResultOf(ctx, indicator.id, fiscalYear);
  return result === null ? null : progressOf(indicator, result);
}

/** The status an outlook counts under (an outlook is always found; undefined only past the list's end). */
function outlookStatus(outlook: IndicatorOutlook | undefined): IndicatorOutlookStatus {
  return outlook?.status ?? IndicatorOutlookStatus.NOT_ASSESSED;
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
      'For a dashboard in one call: how many outcome indicators are in each grade, cannot be graded, or have no result yet in a fiscal year, overall and per field, department, SDG and policy item, with outlook counts beside the grades. With `department`, only the indicators that department answers for are counted (every group then holds those alone).',
  })
  async progressSummary(
    @Args() { fiscalYear, department: departmentRef }: ProgressSummaryArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgressSummary> {
    const only = departmentRef == null ? null : (await ctx.departments.resolve(departmentRef, 'department')).id;
    const [groupRows, directory] = await Promise.all([
      ctx.gateway.read('progress/indicator-groups', {}),
      ctx.departments.departments(),
    ]);
    const rows = groupRows
      .map((row) => {
        const reader = new RowReader(row);
        return { reader, indicator: Indicator.from(reader.map('indicator')) };
      })
      .filter(({ reader }) => only === null || reader.maps('departments').some((d) => d.string('id') === only));
    // Every indicator's progress and outlook first: the loader batches their records into one statement.
    const [progresses, outlooks] = await Promise.all([
      Promise.all(rows.map(({ indicator }) => progressIn(ctx, indicator, fiscalYear))),
      Promise.all(rows.map(({ indicator }) => currentOutlookOf(ctx, indicator))),
    ]);
    const overall = new OverallProgress();
    const fields = new GroupTallies((field: PolicyField) => Object.assign(new FieldProgress(), { field }));
    const items = new GroupTallies((policyItem: PolicyItem) => Object.assign(new PolicyItemProgress(), { policyItem }));
    const sdgs = new GroupTallies((sdg: Sdg) => Object.assign(new SdgProgress(), { sdg }));
    const departments = new GroupTallies((department: Department) =>
      Object.assign(new DepartmentProgress(), { department }),
    );
    rows.forEach(({ reader: row, indicator }, index) => {
      const counted: Parameters<ProgressCounts['add']> = [
        indicator,
        progresses[index] ?? null,
        outlookStatus(outlooks[index]),
      ];
      overall.add(...counted);
      fields.of(PolicyField.from(row.map('field'))).add(...counted);
      items.of(PolicyItem.from(row.map('policyItem'))).add(...counted);
      for (const sdg of row.maps('sdgs').map(Sdg.from)) sdgs.of(sdg).add(...counted);
      for (const department of row.maps('departments').map(Department.from)) departments.of(department).add(...counted);
    });
    return Object.assign(new ProgressSummary(), {
      fiscalYear,
      overall,
      fields: fields.sorted((a, b) => a.field.number - b.field.number),
      // In the directory's order (as `departments` lists them); the tallies hold only those with indicators.
      departments: directory.flatMap((d) => departments.get(d.id) ?? []),
      sdgs: sdgs.sorted((a, b) => a.sdg.number - b.sdg.number),
      // Rows come in indicator order, so policy items come in code order.
      policyItems: items.all(),
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
