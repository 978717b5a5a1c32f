import { Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { RowReader } from '../db/row-reader';
import { EvaluationGrade } from './record-inputs';

/** A revision's GraphQL type name. */
export const yearRecordTypeName = (record: YearRecord): string =>
  record instanceof IndicatorResult ? 'IndicatorResult' : 'SheetEvaluation';

/** What every recorded revision has: who recorded it, when, and whether it was retracted. */
@InterfaceType('YearRecord', {
  description: 'One revision of a yearly record (an indicator result or a sheet evaluation).',
  resolveType: yearRecordTypeName,
})
export abstract class YearRecord {
  @Field(() => ID, {
    description: 'Record id: kind, subject code, fiscal year and revision (`indicator-result:5-1-1:2024:r2`).',
  })
  id!: string;

  @Field(() => Int, { description: 'Fiscal year as the Gregorian year it starts in (R6 = 2024).' })
  fiscalYear!: number;

  @Field(() => Int, { description: 'Revision within the subject and year, from 1; a new recording adds one.' })
  revision!: number;

  @Field({ description: "Who recorded it (the token's `sub`)." })
  recordedBy!: string;

  @Field({ description: 'When it was recorded (ISO 8601, UTC).' })
  recordedAt!: string;

  @Field({ description: 'True when retracted: it stays in history but no longer counts.' })
  retracted!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was retracted (null unless retracted).' })
  retractedReason!: string | null;
}

@ObjectType({
  implements: YearRecord,
  description: "One revision of an indicator's actual value (実績値) for a fiscal year.",
})
export class IndicatorResult extends YearRecord {
  @Field(() => ID, { description: 'The indicator id (kept even if the indicator leaves the documents).' })
  indicator!: string;

  @Field(() => Float, { description: "The year's actual value, in the indicator's unit." })
  value!: number;

  @Field(() => String, { nullable: true, description: 'How the value was obtained.' })
  note!: string | null;
}

@ObjectType({
  implements: YearRecord,
  description: "One revision of a reform sheet's year-end evaluation (年度末評価).",
})
export class SheetEvaluation extends YearRecord {
  @Field(() => ID, { description: 'The reform sheet id (kept even if the sheet leaves the documents).' })
  sheet!: string;

  @Field(() => EvaluationGrade, { description: 'The grade, A, B or C.' })
  grade!: EvaluationGrade;

  @Field({ description: 'What was done in the year.' })
  summary!: string;
}

/** A stored record node (its properties) as the GraphQL type of its label. */
export function toYearRecord(label: string, p: RowReader): YearRecord {
  const common = {
    id: p.string('id'),
    fiscalYear: p.number('fiscalYear'),
    revision: p.number('revision'),
    recordedBy: p.string('recordedBy'),
    recordedAt: p.string('recordedAt'),
    retracted: p.boolean('retracted'),
    retractedReason: p.optionalString('retractedReason'),
  };
  if (label === 'IndicatorResult') {
    return Object.assign(new IndicatorResult(), common, {
      indicator: p.string('subjectId'),
      value: p.number('value'),
      note: p.optionalString('note'),
    });
  }
  return Object.assign(new SheetEvaluation(), common, {
    sheet: p.string('subjectId'),
    grade: p.string('grade') as EvaluationGrade,
    summary: p.string('summary'),
  });
}
