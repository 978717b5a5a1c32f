import type { CypherPart } from '../page/cypher-part';
import { IsOptional } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { BadUserInputError } from '../../core/errors';
import { COMPARISON_OPERATORS, type Condition } from '../page/condition';

@InputType({
  description:
    'Comparisons with a number; all given must hold (`{gt: 0.1, lte: 0.5}` is above 0.1 and at most 0.5). ' +
    'Items without the number never match, also under `not`.',
})
export class NumberComparison {
  @Field(() => Float, { nullable: true, description: 'Greater than.' })
  @IsOptional()
  gt?: number;

  @Field(() => Float, { nullable: true, description: 'Greater than or equal to.' })
  @IsOptional()
  gte?: number;

  @Field(() => Float, { nullable: true, description: 'Less than.' })
  @IsOptional()
  lt?: number;

  @Field(() => Float, { nullable: true, description: 'Less than or equal to.' })
  @IsOptional()
  lte?: number;
}

/** The comparisons of `given` on the quantity fragment `quantity`; an empty comparison is refused. */
export function comparisons(
  quantity: CypherPart,
  given: NumberComparison | null | undefined,
  path: string,
): Condition[] {
  if (given === null || given === undefined) return [];
  const found = (Object.keys(COMPARISON_OPERATORS) as (keyof typeof COMPARISON_OPERATORS)[]).flatMap((name) => {
    const value = given[name];
    return value === null || value === undefined
      ? []
      : [{ kind: 'compare' as const, quantity, operator: COMPARISON_OPERATORS[name], value }];
  });
  if (found.length === 0) {
    throw new BadUserInputError(`${path} needs at least one of gt, gte, lt, lte`, { argument: path });
  }
  return found;
}
