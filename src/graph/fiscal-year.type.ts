import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A Japanese fiscal year (年度), which starts in April.' })
export class FiscalYear {
  @Field({ description: 'Era label as the documents write it: `R5` (令和5年度), `H24` (平成24年度).' })
  label!: string;

  @Field(() => Int, { description: 'Gregorian year the fiscal year starts in: R5 → 2023, H24 → 2012.' })
  year!: number;
}
