import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { NODE_LABELS, type NodeLabel } from '../../graph/graph-model';
import { SEARCHABLE_FIELDS } from '../../graph/searchable-fields';
import { fieldsSelectedOn, projectedProperties } from '../../read/prefetch/property-demand';

/** The fields of a hit that read where it matched (locateMatch reads every searchable text of the node). */
const LOCATING_FIELDS = ['field', 'snippet'];

const EVERY_KIND = Object.keys(NODE_LABELS) as NodeLabel[];

const byOperation = new WeakMap<object, Map<string, readonly string[]>>();

/**
 * The properties the search statement returns of each hit: for every kind searched, what the operation
 * reads of such a node (projectedProperties, judged on the whole document as the selection compiler judges
 * it, so `... on Measure { name }` is seen wherever it is written), and the searchable texts when the
 * operation reads a hit's `field` or `snippet`. Computed once per parsed operation and set of kinds.
 */
export function searchProperties(
  document: Pick<GraphQLResolveInfo, 'operation' | 'fragments' | 'schema'>,
  kinds: readonly NodeLabel[] | null,
): readonly string[] {
  const searched = kinds && kinds.length > 0 ? [...new Set(kinds)].sort() : EVERY_KIND;
  let known = byOperation.get(document.operation);
  if (!known) {
    known = new Map();
    byOperation.set(document.operation, known);
  }
  const key = searched.join('|');
  const cached = known.get(key);
  if (cached) return cached;
  const properties = new Set<string>();
  for (const label of searched) {
    for (const property of projectedProperties(document, label, 'root')) properties.add(property);
  }
  const hit = document.schema.getType('SearchHit');
  const named = isObjectType(hit) ? fieldsSelectedOn(document, hit) : new Set(LOCATING_FIELDS);
  if (LOCATING_FIELDS.some((field) => named.has(field))) {
    for (const property of SEARCHABLE_FIELDS) properties.add(property);
  }
  const found = [...properties].sort();
  known.set(key, found);
  return found;
}
