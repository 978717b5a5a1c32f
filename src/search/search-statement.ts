import type { CompiledStatement } from '../db/graph-gateway';
import type { NodeLabel } from '../graph/graph-model';

/**
 * The text index entity_search_text keeps trigrams of `searchText`: a `CONTAINS` of fewer characters cannot
 * be narrowed by them and reads every entry of the index (measured: a 2-character search over measures took
 * 1.8 ms through the index and 1.1 ms scanning the Measure label).
 */
const TRIGRAM = 3;

/** A property name as the statement writes it in: only names a node may store, never user text. */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The search statement for the kinds asked (every kind when none), its labels written into the template
 * cypher/search/search.cypher. The substring test starts from the text index for texts it can narrow, and
 * from the kinds' own labels for shorter ones, so a search of a few kinds reads only those (not the index's
 * every entry). Labels come from the SearchType enum (graph-model names), never from user text. Each hit
 * carries only `properties` (searchProperties: what the operation reads of the hits), not the node's every
 * property: a measure's texts are kilobytes, and a hit's id is often all that is read.
 */
export function searchStatement(
  source: (name: string) => string,
  kinds: readonly NodeLabel[] | null,
  folded: string,
  properties: readonly string[],
): CompiledStatement {
  const labels = kinds && kinds.length > 0 ? [...new Set(kinds)].sort().join('|') : 'Entity';
  const scanned = [...folded].length < TRIGRAM ? labels : 'Entity';
  const unknown = properties.filter((property) => !PROPERTY_NAME.test(property));
  if (unknown.length > 0) throw new Error(`not property names: ${unknown.join(', ')}`);
  return {
    text: source('search/search')
      .replaceAll('$($kinds)', labels)
      .replaceAll('$($scanned)', scanned)
      .replace('$($properties)', properties.map((property) => `.${property}`).join(', ')),
    origin: 'search/search',
  };
}
