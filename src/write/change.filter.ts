import { IsISO8601, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Conditions on audit entries (AND); none lists all.' })
export class ChangeFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'A record id, or the indicator or reform sheet id its records are about.',
  })
  @IsOptional()
  @MaxLength(200)
  target?: string | null;

  @Field(() => String, { nullable: true, description: "Who made the change (a token's `sub`)." })
  @IsOptional()
  @MaxLength(200)
  actor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only changes at or after this time (ISO 8601, e.g. 2025-04-01T00:00:00Z).',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 time such as 2025-04-01T00:00:00Z' })
  since?: string | null;
}
