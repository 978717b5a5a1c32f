import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'Conditions on policy items; all given conditions must hold (AND).' })
export class PolicyItemFilter {
  @Field(() => Int, { nullable: true, description: 'Field number 1–6.' })
  @IsOptional()
  @Min(1)
  @Max(6)
  field?: number;

  @Field(() => Int, { nullable: true, description: 'SDG number 1–17 the item contributes to.' })
  @IsOptional()
  @Min(1)
  @Max(17)
  sdg?: number;

  @Field({
    nullable: true,
    description: 'A department responsible for one of its measures: id, Japanese or English name, or English words.',
  })
  @IsOptional()
  @MaxLength(100)
  department?: string;

  @Field(() => Int, { nullable: true, description: 'Linkage plan number 1–5 whose initiatives target the item.' })
  @IsOptional()
  @Min(1)
  @Max(5)
  linkagePlan?: number;

  @Field({
    nullable: true,
    description: 'Only detailed items (fields 5, 6) when true; only code-and-name items when false.',
  })
  @IsOptional()
  detailed?: boolean;

  @Field({
    nullable: true,
    description: 'Text contained in the name (Japanese substrings; full-/half-width and spacing ignored).',
  })
  @IsOptional()
  @MaxLength(100)
  text?: string;
}
