import { Field, InputType } from 'type-graphql';
import type { OrderKey } from '../read/page/sort-order';
import { SortDirection } from './sort-direction';

/**
 * Builds the `XOrder` input of a connection's `orderBy` (type-graphql's generic-types pattern, as
 * Connection does for outputs): one sort key, a field of the connection's order enum and a direction.
 */
export function OrderInput<F extends string>(name: string, fieldEnum: Readonly<Record<string, F>>, what: string) {
  @InputType(`${name}Order`, {
    description: `One sort key of ${what}. Several keys sort by the first, then the next …; code is the final tiebreak.`,
  })
  class OrderType implements OrderKey<F> {
    @Field(() => fieldEnum, { description: 'What to sort by.' })
    field!: F;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Which way (default ASC).' })
    direction: SortDirection = SortDirection.ASC;
  }
  return OrderType;
}
