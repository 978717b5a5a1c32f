import type { NodeLabel } from './graph-model';
import { isNumberAttribute, type Attributes, type SearchMode } from './kinds/attribute';
import { LABEL_ATTRIBUTES } from './kinds/label-attributes';

/**
 * The stored text properties search looks into: every attribute declared `search` (src/graph/kinds/),
 * in the order a hit reports them when several match. The merge folds them into each node's `searchText`
 * (substring matching), search reports which of them matched, and the full-text index `entity_text`
 * (cypher/schema/002-indexes.cypher) covers the `indexed` ones; a unit test holds the index to this list.
 */

type Declared = typeof LABEL_ATTRIBUTES;

/** The names of the attributes some label declares searchable. */
export type SearchableField = Extract<
  {
    [L in NodeLabel]: {
      [K in keyof Declared[L]]: Declared[L][K] extends { readonly search: SearchMode } ? K : never;
    }[keyof Declared[L]];
  }[NodeLabel],
  string
>;

/**
 * Which text a hit reports when several match: names before codes, codes before longer texts. A judgement,
 * not a declaration: a searchable attribute not named here is reported after these, in the labels' order.
 */
const REPORTED_FIRST: readonly SearchableField[] = [
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
];

/** What search looks into, as a set of label declarations makes it (searchableOf). */
export interface Searchable {
  /** Every searchable name, those of REPORTED_FIRST first, the rest in the labels' order. */
  readonly fields: readonly SearchableField[];
  /** The names searched by substring only (declared `search: 'substring'`). */
  readonly substringOnly: ReadonlySet<SearchableField>;
}

/**
 * What search looks into by `declared`, every label's attributes: a name searched one way on one label and
 * another way elsewhere is refused (the one full-text index covers a property of every label or none).
 */
export function searchableOf(declared: Readonly<Record<string, Attributes>>): Searchable {
  const modes = new Map<SearchableField, SearchMode>();
  for (const [label, attributes] of Object.entries(declared)) {
    for (const [name, attribute] of Object.entries(attributes)) {
      const mode = isNumberAttribute(attribute) ? undefined : attribute.search;
      if (mode === undefined) continue;
      const known = modes.get(name as SearchableField);
      if (known !== undefined && known !== mode)
        throw new Error(`${label}.${name} is searched ${mode}, elsewhere ${known}: one name, one way (one index)`);
      modes.set(name as SearchableField, mode);
    }
  }
  for (const name of REPORTED_FIRST) {
    if (!modes.has(name)) throw new Error(`${name} is in REPORTED_FIRST but no label declares it searchable`);
  }
  return {
    fields: [...REPORTED_FIRST, ...[...modes.keys()].filter((name) => !REPORTED_FIRST.includes(name))],
    substringOnly: new Set([...modes].flatMap(([name, mode]) => (mode === 'substring' ? [name] : []))),
  };
}

const SEARCHABLE = searchableOf(LABEL_ATTRIBUTES);

export const SEARCHABLE_FIELDS: readonly SearchableField[] = SEARCHABLE.fields;

/**
 * Fields matched by substring only, not by the full-text index (declared `search: 'substring'`): codes
 * (`5-1-3`) are found exactly by substring, and the cjk analyzer would split them into meaningless tokens;
 * indicator definitions were never in the index, and adding them would re-rank existing answers and need
 * the index rebuilt on every existing database (`CREATE … IF NOT EXISTS` leaves an index as it is).
 */
export const SUBSTRING_ONLY_FIELDS: ReadonlySet<SearchableField> = SEARCHABLE.substringOnly;
