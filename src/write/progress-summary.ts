import { Field, Int, ObjectType } from 'type-graphql';
import { Department } from '../model/department/department.type';
import { PolicyField } from '../model/field/policy-field.type';
import { Indicator } from '../model/indicator/indicator.type';
import { PolicyItem } from '../model/policy-item/policy-item.type';
import { Sdg } from '../model/sdg/sdg.type';
import { IndicatorOutlookStatus } from '../graph/outlook-status';
import { type IndicatorProgress, ProgressGrade } from './indicator-progress';
import { PROGRESS_GRADES } from './progress-grades';

@ObjectType({ description: 'How many indicators have one grade.' })
export class GradeCount {
  @Field(() => ProgressGrade, { description: 'The grade.' })
  grade!: ProgressGrade;

  @Field(() => Int, { description: 'Indicators with this grade in the year.' })
  count!: number;

  @Field(() => [Indicator], {
    description: 'The indicators counted (as many as `count`), in code order: what a dashboard drills down to.',
  })
  indicators: Indicator[] = [];
}

@ObjectType({ description: 'How many indicators have one outlook.' })
export class OutlookCount {
  @Field(() => IndicatorOutlookStatus, { description: 'The outlook.' })
  status!: IndicatorOutlookStatus;

  @Field(() => Int, { description: 'Indicators with this outlook.' })
  count!: number;

  @Field(() => [Indicator], { description: 'The indicators counted (as many as `count`), in code order.' })
  indicators: Indicator[] = [];
}

/**
 * The tally of a group of indicators; `indicators` is always the sum of the other counts. Never returned
 * itself: the group types below inherit its fields.
 */
@ObjectType()
export abstract class ProgressCounts {
  @Field(() => Int, {
    description: 'Indicators in the group; always the sum of the grade counts, notGradable and noResult.',
  })
  indicators = 0;

  @Field(() => [GradeCount], { description: 'Every grade, best first, zeros included (one bar each).' })
  grades: GradeCount[] = PROGRESS_GRADES.map((grade) => Object.assign(new GradeCount(), { grade, count: 0 }));

  @Field(() => [Indicator], { description: 'The indicators counted by notGradable, in code order.' })
  notGradableIndicators: Indicator[] = [];

  @Field(() => [Indicator], { description: 'The indicators counted by noResult, in code order.' })
  noResultIndicators: Indicator[] = [];

  @Field(() => Int, {
    description:
      'Indicators with a result for the year that cannot be graded (no baseline, or no distance: see ProgressRule).',
  })
  notGradable = 0;

  @Field(() => Int, { description: 'Indicators with no result for the year yet (or only retracted ones).' })
  noResult = 0;

  @Field(() => [OutlookCount], {
    description:
      "Every outlook status, in the enum's order, zeros included; they add up to `indicators`. Unlike the grades, an outlook is not of the year: it is each indicator's `outlook`, from its latest recorded result.",
  })
  outlooks: OutlookCount[] = Object.values(IndicatorOutlookStatus).map((status) =>
    Object.assign(new OutlookCount(), { status, count: 0 }),
  );

  /**
   * Counts one indicator, by its progress in the year (null: no result), and keeps it with the count, so a
   * count and the indicators listed for it can never disagree. Called in code order.
   */
  add(indicator: Indicator, progress: IndicatorProgress | null, outlook: IndicatorOutlookStatus): void {
    this.indicators += 1;
    const outlookCount = this.outlooks.find((o) => o.status === outlook);
    outlookCount?.indicators.push(indicator);
    if (outlookCount) outlookCount.count += 1;
    if (progress === null) {
      this.noResult += 1;
      this.noResultIndicators.push(indicator);
    } else if (progress.grade === null) {
      this.notGradable += 1;
      this.notGradableIndicators.push(indicator);
    } else {
      const bar = this.grades.find((g) => g.grade === progress.grade);
      if (bar) {
        bar.count += 1;
        bar.indicators.push(indicator);
      }
    }
  }
}

@ObjectType({ description: "One field's (政策分野) indicators by their progress in the year." })
export class FieldProgress extends ProgressCounts {
  @Field(() => PolicyField, { description: 'The field of the policy items the indicators measure.' })
  field!: PolicyField;
}

@ObjectType({ description: "One department's indicators by their progress in the year." })
export class DepartmentProgress extends ProgressCounts {
  @Field(() => Department, {
    description: 'A department answering for the indicators (Indicator.owners: reviewed, or by policy item).',
  })
  department!: Department;
}

@ObjectType({ description: "One SDG's indicators (those of the policy items contributing to it) by their progress." })
export class SdgProgress extends ProgressCounts {
  @Field(() => Sdg, { description: "The SDG the indicators' policy items contribute to." })
  sdg!: Sdg;
}

@ObjectType({ description: "One policy item's (施策大項目) indicators by their progress in the year." })
export class PolicyItemProgress extends ProgressCounts {
  @Field(() => PolicyItem, { description: 'The policy item the indicators measure.' })
  policyItem!: PolicyItem;
}

@ObjectType({ description: 'Every outcome indicator by its progress in the year: one grade count per indicator.' })
export class OverallProgress extends ProgressCounts {}

@ObjectType({
  description:
    'Progress of the outcome indicators in one fiscal year, overall and per field, department, SDG and policy item, for a dashboard in one call. Each indicator is counted as its `progress(fiscalYear)` says (by grade, notGradable, or noResult) and as its `outlook` says.',
})
export class ProgressSummary {
  @Field(() => Int, { description: 'The fiscal year counted (Gregorian year it starts in, R6 = 2024).' })
  fiscalYear!: number;

  @Field(() => OverallProgress, { description: 'All indicators together.' })
  overall!: OverallProgress;

  @Field(() => [FieldProgress], { description: 'Per field that has indicators, in field order.' })
  fields!: FieldProgress[];

  @Field(() => [DepartmentProgress], {
    description:
      'Per department answering for at least one indicator, in department order. An indicator answered for by several departments counts in each, so these do not add up to `overall`.',
  })
  departments!: DepartmentProgress[];

  @Field(() => [SdgProgress], {
    description:
      "Per SDG that the indicators' policy items contribute to, by SDG number (SDGs without indicators are not listed: see `serviceInfo.coverage.uncoveredSdgs`). An indicator whose policy item serves several SDGs counts in each.",
  })
  sdgs!: SdgProgress[];

  @Field(() => [PolicyItemProgress], { description: 'Per policy item that has indicators, in code order.' })
  policyItems!: PolicyItemProgress[];
}
