import { Arg, type ClassType } from 'type-graphql';

/** What type-graphql's `@Arg` returns (its own parameter-decorator type). */
type ArgDecorator = ReturnType<typeof Arg>;

/**
 * The `filter` and `orderBy` arguments every filtered, sortable list takes — root connections and the
 * nested ones alike — declared once so their names, nullability and descriptions cannot drift apart.
 */
export function FilterArg(filterType: () => ClassType): ArgDecorator {
  return Arg('filter', filterType, { nullable: true, description: 'Conditions to match (AND); none lists all.' });
}

/** A root connection's `orderBy` also says that an empty list means the default order. */
export function OrderByArg(orderType: () => ClassType, connection: 'root' | 'nested' = 'nested'): ArgDecorator {
  const byDefault = connection === 'root' ? 'Default (and with none): code order.' : 'Default: code order.';
  return Arg('orderBy', () => [orderType()], {
    nullable: true,
    description: `Sort keys, first key first (at most 4); code is the final tiebreak. ${byDefault}`,
  });
}
