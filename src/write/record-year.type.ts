import { planPeriod } from './plan-period';
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { RowReader } from '../db/row-reader';
import type { ProgressBasis } from './achievement-rate';
import { IndicatorResult, SheetEvaluation, toYearRecord, type YearRecord } from './record.types';

/** How many revisions of one year `history` shows (newest first); bounds the answer for the cost limit. */
export const HISTORY_LIMIT = 20;

/**
 * The GraphQL fields of one fiscal year of a kind of record (type-graphql's generic-types pattern, as
 * Connection): the year, its revision in force and its history. Indicator results and sheet evaluations are
 * kept alike, so they are declared once.
 */
function RecordYear<R extends YearRecord>(recordType: ClassType<R>) {
  // Decorated because type-graphql takes inherited fields from decorated classes only; no field returns the
  // base itself, so it never appears in the schema.
  @ObjectType()
  abstract class RecordYearType {
    @Field(() => Int, { description: 'Fiscal year as the Gregorian year it starts in (R6 = 2024).' })
    fiscalYear!: number;

    @Field(() => recordType, {
      nullable: true,
      description: 'The latest revision that is not retracted; null when every revision was retracted.',
    })
    current!: R | null;

    @Field(() => [recordType], {
      description: `The year's revisions, newest first (at most ${HISTORY_LIMIT}), retracted ones included.`,
    })
    history!: R[];
  }
  return RecordYearType;
}

@ObjectType({ description: "An indicator's recorded result for one fiscal year, with every revision." })
export class IndicatorResultYear extends RecordYear(IndicatorResult) {
  /** What the year's progress is measured against: the indicator's baseline and target (not a GraphQL field). */
  basis!: ProgressBasis;

  @Field({
    description:
      'True for a year before the plan period (R4 = 2022), recorded because the documents print its actual (seed/reference/plan-period.yaml printedBefore): a result of the baseline period, not of the plan.',
  })
  get beforePlanPeriod(): boolean {
    return this.fiscalYear < planPeriod().firstYear;
  }
}

@ObjectType({ description: "A reform sheet's year-end evaluation for one fiscal year, with every revision." })
export class SheetEvaluationYear extends RecordYear(SheetEvaluation) {}

/** Rows of records/by-subjects (by year, newest revision first) grouped per fiscal year. */
export function groupByYear<T extends YearRecord>(
  rows: readonly RowReader[],
): { fiscalYear: number; current: T | null; history: T[] }[] {
  const years = new Map<number, T[]>();
  for (const row of rows) {
    const record = toYearRecord(row.string('label'), row.map('record')) as T;
    const history = years.get(record.fiscalYear) ?? [];
    history.push(record);
    years.set(record.fiscalYear, history);
  }
  return [...years].map(([fiscalYear, history]) => ({
    fiscalYear,
    current: history.find((r) => !r.retracted) ?? null,
    history: history.slice(0, HISTORY_LIMIT),
  }));
}
