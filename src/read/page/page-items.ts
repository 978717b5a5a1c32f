import type { StoredAsIs } from '../../graph/map-node';
import type { NodeProperties } from '../graph-loaders';
import { rowsAnswer } from '../prefetch/property-demand';
import { rootNodeSelection, type RootField } from '../prefetch/selection-plan';

const storedAsIsSets = new WeakMap<StoredAsIs, ReadonlySet<string>>();

/**
 * How a page's rows become its items for the operation under way. When the operation reads of the item
 * type only what the projected rows hold as the objects would (`rowsAnswer`: ids, fields taken over from
 * stored properties as they are, relationships and nested connections), each row is its item, as for the
 * relationship fields' fast path (src/read/primed-fields.ts): mapping every item into its class was a tenth
 * of a nested page's CPU in a profile. Otherwise the kind's `map`, as before. Either way the item has its
 * `sortKey` (every page row projects it) for its cursor.
 */
export function pageItems<T extends { sortKey: string }>(
  info: RootField,
  storedAsIs: StoredAsIs,
  map: (node: NodeProperties) => T,
): (node: NodeProperties) => T {
  const items = rootNodeSelection(info);
  let fields = storedAsIsSets.get(storedAsIs);
  if (!fields) {
    fields = new Set(storedAsIs);
    storedAsIsSets.set(storedAsIs, fields);
  }
  return items && rowsAnswer(info, items.type, fields) ? (rowOf as (node: NodeProperties) => T) : map;
}

/** The row's own map: graphql-js reads the fields off it as off the object (see pageItems). */
const rowOf = (node: NodeProperties): object => node.values;
