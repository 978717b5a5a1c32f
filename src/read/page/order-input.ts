import { Field, InputType } from 'type-graphql';
import type { OrderKey } from './sort-order';
import { describedEnum } from '../../graph/described-enum';
import { SortDirection } from './sort-direction';

/** The order fields a connection declares: `CODE` (its default order) and its own, each with its description. */
type OwnOrderFields = { readonly CODE: string } & Readonly<Record<string, string>>;

/** The values of the `XOrderField` enum that OrderInput declares for `T`. */
type DeclaredFields<T extends OwnOrderFields> = 'NAME' | Extract<keyof T, string>;

/**
 * Builds a connection's `XOrderField` enum and the `XOrder` input of its `orderBy` (type-graphql's
 * generic-types pattern, as Connection does for outputs): one sort key, a field of that enum and a
 * direction. Every connection sorts by name the same way, so NAME is added here, after CODE; `fields` maps
 * each other field to its description.
 */
export function OrderInput<T extends OwnOrderFields>(name: string, what: string, fields: T) {
  const { CODE, ...own } = fields;
  const fieldEnum = describedEnum(`${name}OrderField`, `What ${what} can be sorted by.`, {
    CODE: { description: CODE },
    NAME: { description: 'Name (Unicode order).' },
    ...Object.fromEntries(Object.entries<string>(own).map(([key, description]) => [key, { description }])),
  });

  @InputType(`${name}Order`, {
    description: `One sort key of ${what}. Several keys sort by the first, then the next …; code is the final tiebreak.`,
  })
  class OrderType implements OrderKey<DeclaredFields<T>> {
    @Field(() => fieldEnum, { description: 'What to sort by.' })
    field!: DeclaredFields<T>;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Which way (default ASC).' })
    direction: SortDirection = SortDirection.ASC;
  }
  return OrderType;
}
