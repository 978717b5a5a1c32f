import { IsISO8601, IsOptional } from 'class-validator';
import { ARGUMENT_LENGTH, MaxChars } from '../core/argument-length';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Conditions on audit entries (AND); none lists all.' })
export class ChangeFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'A record id, or the indicator or reform sheet id its records are about.',
  })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.id)
  target?: string | null;

  @Field(() => String, { nullable: true, description: "Who made the change (a token's `sub`)." })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.subject)
  actor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only changes at or after this time (ISO 8601, e.g. 2025-04-01T00:00:00Z).',
  })
  @IsOptional()
  @MaxChars(ARGUMENT_LENGTH.time)
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 time such as 2025-04-01T00:00:00Z' })
  since?: string | null;
}
