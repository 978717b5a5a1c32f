import type { StringPropertyName } from './node-properties';

/**
 * The stored text properties search looks into, in the order a hit reports them when several match. The
 * merge folds them into each node's `searchText` (substring matching), search reports which of them matched,
 * and the full-text index `entity_text` (cypher/schema/002-indexes.cypher) covers all but the
 * substring-only ones; a unit test holds the index to this list.
 */
export const SEARCHABLE_FIELDS = [
  'name',
  'nameEn',
  'previousName',
  'code',
  'description',
  'definition',
  'summary',
  'text',
  'viewpoint',
  'visionText',
] as const satisfies readonly StringPropertyName[];

export type SearchableField = (typeof SEARCHABLE_FIELDS)[number];

/**
 * Fields matched by substring only, not by the full-text index: codes (`5-1-3`) are found exactly by
 * substring, and the cjk analyzer would split them into meaningless tokens; indicator definitions were never
 * in the index, and adding them would re-rank existing answers and need the index rebuilt on every existing
 * database (`CREATE … IF NOT EXISTS` leaves an index as it is).
 */
export const SUBSTRING_ONLY_FIELDS: ReadonlySet<SearchableField> = new Set<SearchableField>(['code', 'definition']);
