import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { ARGUMENT_LENGTH, MaxChars } from '../core/argument-length';
import { describedEnum } from '../graph/described-enum';
import { IsRecordedValue, RECORDED_VALUE_BOUND } from './recorded-value';
import { IsCleanText, IsPlanFiscalYear, IsRecordableFiscalYear } from './text-rules';

/** Notes and summaries: a paragraph or two; reasons: a sentence or two. */
export const NOTE_MAX = ARGUMENT_LENGTH.note;
export const REASON_MAX = ARGUMENT_LENGTH.reason;

export const EvaluationGrade = describedEnum('EvaluationGrade', 'Year-end evaluation of a reform sheet (年度末評価).', {
  A: { description: 'A: done as planned or better.' },
  B: { description: 'B: partly done.' },
  C: { description: 'C: not done or well behind.' },
});
export type EvaluationGrade = (typeof EvaluationGrade)[keyof typeof EvaluationGrade];

/** What every recording names besides its subject: the fiscal year, and the revision it builds on. */
@InputType({ description: 'What every recording names besides its subject (a base of the record inputs).' })
abstract class YearRecordInput {
  /** Each input declares it with its own rule: a sheet's year within the plan period, an indicator's also R4. */
  fiscalYear!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The revision this change builds on (0 when none yet); CONFLICT when it is no longer the latest.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number | null;
}

@InputType({ description: "One fiscal year's actual value (実績値) of an outcome indicator." })
export class RecordIndicatorResultInput extends YearRecordInput {
  @Field(() => Int, {
    description:
      'Fiscal year as the Gregorian year it starts in (R6 = 2024), inside the plan period; or a year before it whose actual the documents print for this indicator (6-2-1: R4 = 2022, 003 line 778), recorded as before the plan period.',
  })
  @IsRecordableFiscalYear()
  declare fiscalYear: number;

  @Field(() => ID, { description: 'The indicator, e.g. `indicator:5-1-1`.' })
  @MaxChars(ARGUMENT_LENGTH.id)
  @Matches(/^indicator:\S+$/, {
    message: 'indicator must be an indicator id such as indicator:5-1-1',
    context: { example: 'indicator:5-1-1' },
  })
  indicator!: string;

  @Field(() => Float, {
    description: `The year's actual value, in the indicator's unit; stored as a float, at most ${RECORDED_VALUE_BOUND} (2^53 − 1) in magnitude.`,
  })
  @IsRecordedValue()
  value!: number;

  @Field(() => String, { nullable: true, description: `How the value was obtained (at most ${NOTE_MAX} characters).` })
  @IsOptional()
  @MaxChars(NOTE_MAX)
  @IsCleanText(1, NOTE_MAX)
  note?: string | null;
}

@InputType({ description: "A reform sheet's year-end evaluation (年度末評価)." })
export class RecordSheetEvaluationInput extends YearRecordInput {
  @Field(() => Int, {
    description: 'Fiscal year as the Gregorian year it starts in (R6 = 2024), inside the plan period.',
  })
  @IsPlanFiscalYear()
  declare fiscalYear: number;

  @Field(() => ID, { description: 'The reform sheet, e.g. `reform-sheet:1-1`.' })
  @MaxChars(ARGUMENT_LENGTH.id)
  @Matches(/^reform-sheet:\S+$/, {
    message: 'sheet must be a reform sheet id such as reform-sheet:1-1',
    context: { example: 'reform-sheet:1-1' },
  })
  sheet!: string;

  @Field(() => EvaluationGrade, { description: 'The grade, A, B or C.' })
  grade!: EvaluationGrade;

  @Field({ description: `What was done in the year (1 to ${NOTE_MAX} characters).` })
  @MaxChars(NOTE_MAX)
  @IsCleanText(1, NOTE_MAX)
  summary!: string;
}

@ArgsType()
export class RetractRecordArgs {
  @Field(() => ID, { description: 'The record id, e.g. `indicator-result:5-1-1:2024:r1`.' })
  @MaxChars(ARGUMENT_LENGTH.id)
  @Matches(/^(indicator-result|sheet-evaluation):\S+$/, {
    message: 'id must be a record id such as indicator-result:5-1-1:2024:r1',
    context: { example: 'indicator-result:5-1-1:2024:r1' },
  })
  id!: string;

  @Field({ description: `Why it is retracted (1 to ${REASON_MAX} characters).` })
  @MaxChars(REASON_MAX)
  @IsCleanText(1, REASON_MAX)
  reason!: string;
}
