import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'Figures of one number over the whole filtered set of a connection (all pages); each null when no node of the set has the number.',
})
export class NumberAggregate {
  @Field(() => Float, { nullable: true, description: 'The lowest value.' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'The highest value.' })
  max!: number | null;

  @Field(() => Float, { nullable: true, description: 'The mean of the values (nodes without the number left out).' })
  average!: number | null;

  @Field(() => Float, { nullable: true, description: 'The sum of the values.' })
  sum!: number | null;

  /** No values: every figure null. */
  static readonly EMPTY: NumberAggregate = Object.freeze(
    Object.assign(new NumberAggregate(), {
      min: null,
      max: null,
      average: null,
      sum: null,
    }),
  );
}
