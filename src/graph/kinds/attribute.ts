import type { DeclaredProperty, DeclaredType } from './declared-property';

/**
 * Every stored attribute of a node type, declared once in its `<kind>.kind.ts`, as @neo4j/graphql's
 * schema model declares a node's attributes: its type, whether it may be absent, its description, and what
 * it allows (a GraphQL field, filter, order, aggregate, search, export). Numbers (`Int`, `Float`,
 * `FiscalYear`) are DeclaredProperty (declared-property.ts); texts, flags, enums and lists are
 * PlainAttribute. From one declaration follow the stored contract (src/graph/node-properties.ts), the object
 * type's fields (declared-fields.ts), the filter input's fields and conditions and the order enum
 * (src/read/filter/declared-filters.ts, src/read/page/declared-numbers.ts), the export columns
 * (src/platform/export/declared-columns.ts) and what search looks into (src/graph/searchable-fields.ts).
 */

/** A closed set of texts: a GraphQL enum object (src/graph/enums.ts), whose values are what is stored. */
export interface EnumAttributeType {
  readonly enum: Readonly<Record<string, string>>;
}

/** Texts, flags and lists of either; lists are stored only when non-empty and read back as []. */
export type PlainType = 'String' | 'Boolean' | 'String[]' | 'Int[]' | 'Float[]' | EnumAttributeType;

/**
 * How search treats a text: `indexed` texts are folded into the node's `searchText` and covered by the
 * full-text index `entity_text` (cypher/schema/002-indexes.cypher); `substring` ones only folded (codes, which
 * the cjk analyzer would split; texts added after the index, which would need it rebuilt on every database).
 */
export type SearchMode = 'indexed' | 'substring';

export interface PlainAttribute {
  readonly type: PlainType;
  /** A `String` absent on some nodes (read back as null, the field nullable); else the merge must give it. */
  readonly optional?: boolean;
  /** The GraphQL field's description, or, for an attribute without one, what it is stored for. */
  readonly description: string;
  /** Stored for other fields to assemble (a survey, a period), not a GraphQL field of its own. */
  readonly field?: false;
  /** Filterable (`String` only): the description of its `TextMatch` field on the kind's filter input. */
  readonly filter?: string;
  /** Orderable (`String` only): its value of the kind's order enum and that value's description. */
  readonly order?: { readonly value: string; readonly description: string };
  /** Exported: its column's headers (downloads carry one language's header row). */
  readonly export?: { readonly ja: string; readonly en: string };
  /** Searchable (`String` only): search looks into it, as SearchMode says. */
  readonly search?: SearchMode;
}

/** One stored attribute of a node type. */
export type Attribute = DeclaredProperty | PlainAttribute;

/** A node type's attributes, by stored property name (also the GraphQL field's name). */
export type Attributes = Readonly<Record<string, Attribute>>;

const NUMBER_TYPES: ReadonlySet<unknown> = new Set<DeclaredType>(['Int', 'Float', 'FiscalYear']);

/** Whether the attribute is a number (a DeclaredProperty, with the numbers' uses). */
export function isNumberAttribute(attribute: Attribute): attribute is DeclaredProperty {
  return NUMBER_TYPES.has(attribute.type);
}

/** Checks a node type's attributes while keeping their literal types (which are optional, enum values …). */
export function declareAttributes<const A extends Attributes>(attributes: A): A {
  return attributes;
}

/** The numbers of a node type's attributes: its Declaration (declared-property.ts). */
export type NumbersOf<A extends Attributes> = {
  readonly [K in keyof A as A[K] extends DeclaredProperty ? K : never]: Extract<A[K], DeclaredProperty>;
};

export function numbersOf<const A extends Attributes>(attributes: A): NumbersOf<A> {
  return Object.fromEntries(
    Object.entries(attributes).filter(([, attribute]) => isNumberAttribute(attribute)),
  ) as NumbersOf<A>;
}

/** Whether the attribute is a GraphQL field of its node type (most are; some are only stored). */
export function hasField(attribute: Attribute): boolean {
  return attribute.field !== false;
}
