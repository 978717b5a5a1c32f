import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { naming } from '../../db/cypher';
import type { CypherSource } from '../../db/cypher-registry';
import type { CompiledStatement } from '../../db/graph-gateway';
import { NODE_LABELS, type NodeLabel } from '../../graph/graph-model';
import { mapProjection } from '../../graph/map-projection';
import { SEARCHABLE_FIELDS } from '../../graph/searchable-fields';
import { fieldsSelectedOn, projectedProperties } from '../../read/prefetch/property-demand';

/**
 * The text index entity_search_text keeps trigrams of `searchText`: a `CONTAINS` of fewer characters cannot
 * be narrowed by them and reads every entry of the index (measured: a 2-character search over measures took
 * 1.8 ms through the index and 1.1 ms scanning the Measure label).
 */
const TRIGRAM = 3;

/**
 * The search statement for the kinds asked (every kind when none), its labels bound to the holes of the
 * template cypher/search/search.cypher. The substring test starts from the text index for texts it can narrow, and
 * from the kinds' own labels for shorter ones, so a search of a few kinds reads only those (not the index's
 * every entry). Labels come from the SearchType enum (graph-model names), never from user text. Each hit
 * carries only `properties` (searchProperties: what the operation reads of the hits), not the node's every
 * property: a measure's texts are kilobytes, and a hit's id is often all that is read.
 */
export function searchStatement(
  source: Pick<CypherSource, 'part'>,
  kinds: readonly NodeLabel[] | null,
  folded: string,
  properties: readonly string[],
): CompiledStatement {
  const labels = kinds && kinds.length > 0 ? [...new Set(kinds)].sort().join('|') : 'Entity';
  const scanned = [...folded].length < TRIGRAM ? labels : 'Entity';
  const holes = { kinds: labels, scanned, properties: mapProjection(properties) };
  return { text: source.part('search/search').bind(naming('hole', holes)).render(), origin: 'search/search' };
}

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
