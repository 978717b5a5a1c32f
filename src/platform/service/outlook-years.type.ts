import { Field, Int, ObjectType } from 'type-graphql';
import { CitedLine } from '../../graph/cited-line.type';

@ObjectType({
  description:
    "The fiscal years every indicator's outlook is measured between, and the document lines the choice rests on. The documents print neither year beside the indicators (every 成果指標 table reads only 現状値 ▶▶ 目標値), so the years are a judgement of seed/reference/outlook.yaml, to be reviewed by the plan's owners.",
})
export class OutlookYears {
  @Field(() => Int, {
    description: 'The fiscal year the baseline (現状値) is taken as of (Gregorian year it starts in).',
  })
  baselineFiscalYear!: number;

  @Field({ description: 'The baseline year as the documents write years, e.g. `R3`.' })
  baselineLabel!: string;

  @Field(() => Int, { description: 'The fiscal year the target (目標値) is to be met by.' })
  targetFiscalYear!: number;

  @Field({ description: 'The target year as the documents write years, e.g. `R9`.' })
  targetLabel!: string;

  @Field(() => [CitedLine], { description: 'The lines the choice rests on, each with the text it contains.' })
  evidence!: CitedLine[];

  @Field(() => Int, {
    description:
      'How many indicators have years of their own (overrides in the reference file); 0 means every indicator uses these.',
  })
  overrideCount!: number;
}
