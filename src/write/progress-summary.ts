import { Field, Int, ObjectType } from 'type-graphql';
import { Department } from '../model/department/department.type';
import { PolicyField } from '../model/field/policy-field.type';
import { Indicator } from '../model/indicator/indicator.type';
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

/**
 * The tally of a group of indicators; `indicators` is always the sum of the other counts. Never returned
 * itself: the group types below inherit its fields.
 */
@ObjectType()
abstract class ProgressCounts {
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

  /**
   * Counts one indicator, by its progress in the year (null: no result), and keeps it with the count, so a
   * count and the indicators listed for it can never disagree. Called in code order.
   */
  add(indicator: Indicator, progress: IndicatorProgress | null): void {
    this.indicators += 1;
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
    description: 'A department answering for the indicators (responsible for the measure of the same code).',
  })
  department!: Department;
}

@ObjectType({ description: 'Every outcome indicator by its progress in the year: one grade count per indicator.' })
export class OverallProgress extends ProgressCounts {}

@ObjectType({
  description:
    'Progress of the outcome indicators in one fiscal year, per field and per department, for a dashboard in one call. Each indicator is counted as its `progress(fiscalYear)` says: by grade, notGradable, or noResult.',
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
}
