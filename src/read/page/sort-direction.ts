import { describedEnum } from '../../graph/described-enum';

/** Which way one key of an `orderBy` sorts. */
export const SortDirection = describedEnum('SortDirection', 'Which way a sort key orders.', {
  ASC: { description: 'Smallest (or A, or earliest) first; items without a value last.' },
  DESC: { description: 'Largest (or latest) first; items without a value last.' },
});
export type SortDirection = (typeof SortDirection)[keyof typeof SortDirection];
