import { naming } from '../../db/cypher';
import type { CypherSource } from '../../db/cypher-registry';
import type { CompiledStatement } from '../../db/graph-gateway';
import type { NodeLabel } from '../../graph/graph-model';
import { mapProjection } from '../../graph/map-projection';

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
