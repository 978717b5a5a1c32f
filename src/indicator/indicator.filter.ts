import { IsOptional, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { Direction } from '../common/enums';

@InputType({ description: 'Conditions on outcome indicators; all given conditions must hold (AND).' })
export class IndicatorFilter {
  @Field({ nullable: true, description: 'Policy item code, e.g. `6-1`.' })
  @IsOptional()
  @Matches(/^\s*\d-\d{1,2}\s*$/, { message: 'policyItem must be a policy item code such as 6-1' })
  policyItem?: string;

  @Field(() => Int, { nullable: true, description: 'Field number 1–6.' })
  @IsOptional()
  @Min(1)
  @Max(6)
  field?: number;

  @Field(() => Int, { nullable: true, description: 'SDG number 1–17 (through the policy item).' })
  @IsOptional()
  @Min(1)
  @Max(17)
  sdg?: number;

  @Field(() => Direction, { nullable: true, description: 'Which way the indicator should move.' })
  @IsOptional()
  direction?: Direction;
}
