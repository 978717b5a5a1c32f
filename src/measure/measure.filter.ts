import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ChangeStatus } from '../common/enums';

@InputType({ description: 'Conditions on measures; all given conditions must hold (AND).' })
export class MeasureFilter {
  @Field(() => Int, { nullable: true, description: 'SDG number 1–17 the measure touches (through its policy item).' })
  @IsOptional()
  @Min(1)
  @Max(17)
  sdg?: number;

  @Field({
    nullable: true,
    description:
      'A responsible department: id, Japanese or English name, or English words (`citizen activity division`).',
  })
  @IsOptional()
  @MaxLength(100)
  department?: string;

  @Field({ nullable: true, description: 'Policy item code, e.g. `5-1`.' })
  @IsOptional()
  @Matches(/^\s*\d-\d{1,2}\s*$/, { message: 'policyItem must be a policy item code such as 5-1' })
  policyItem?: string;

  @Field(() => Int, { nullable: true, description: 'Field number 1–6.' })
  @IsOptional()
  @Min(1)
  @Max(6)
  field?: number;

  @Field(() => [ChangeStatus], {
    nullable: true,
    description: 'Only these change marks (DELETED here includes deleted measures).',
  })
  @IsOptional()
  status?: ChangeStatus[];

  @Field({ nullable: true, description: 'Also list measures the next plan deletes (default false).' })
  @IsOptional()
  includeDeleted?: boolean;

  @Field({
    nullable: true,
    description: 'Text contained in the name or description (Japanese substrings; width and spacing ignored).',
  })
  @IsOptional()
  @MaxLength(100)
  text?: string;
}
