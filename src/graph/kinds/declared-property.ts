/**
 * A numeric property of a node type, declared once: how it is stored, its GraphQL field, and whether it is
 * filterable, orderable, aggregatable and exported. Everything that used to name the property by hand (the
 * stored contract, the loader's rules, the object type's field, the filter input and its condition, the order
 * enum, the aggregate figure, the prefetch demand, the export column and the analysts' table) is derived
 * from the declaration, so a new number of a node type is one entry in its `<kind>.kind.ts` plus the
 * parser that reads it (docs/contributors.md, "Adding a numeric property").
 */

/**
 * `Int` and `Float` store one number under the property's name. `FiscalYear` stores two properties, the era
 * label as written (`<name>Label`: `R5`) and the Gregorian year it starts in (`<name>`: 2023); its field is a
 * FiscalYear object, and filters, orders and aggregates use the year.
 */
export type DeclaredType = 'Int' | 'Float' | 'FiscalYear';

export interface DeclaredProperty {
  readonly type: DeclaredType;
  /** Absent on some nodes (read back as null, the field nullable); else the merge must give it. */
  readonly optional: boolean;
  /** Nullable in GraphQL although every node stores it: the field was published so, and clients rely on it. */
  readonly nullableField?: true;
  /** What one unit of the number is, for the analysts' table (`fiscal year`, `page`, `targets`). */
  readonly unit: string;
  /** The GraphQL field's description. */
  readonly description: string;
  /** The least value the loader accepts (integers are checked as integers whatever this says). */
  readonly min?: number;
  /** Filterable: the description of its `NumberComparison` field on the kind's filter input. */
  readonly filter?: string;
  /** Orderable: its value of the kind's order enum and that value's description. */
  readonly order?: { readonly value: string; readonly description: string };
  /** Aggregatable: the description of its NumberAggregate on the connection's `aggregate`. */
  readonly aggregate?: string;
  /** Exported: its column's headers (downloads carry one language's header row). */
  readonly export?: { readonly ja: string; readonly en: string };
  /**
   * Read by the parser into its record's `figures` (typed from this declaration) and stored by the merge as
   * it was read, so a new figure needs no change to the merge. The older properties are written by the merge
   * by name (a sheet's come from several places of its document, an indicator's from the parser's value cells).
   */
  readonly figure?: true;
  /** Stored for other fields to assemble (a survey's ranks), not a GraphQL field of its own. */
  readonly field?: false;
}

/** A node type's declared properties, by property name (which is also the GraphQL field's name). */
export type Declaration = Readonly<Record<string, DeclaredProperty>>;

/** The stored property that holds a fiscal year's era label (`startYearLabel` for `startYear`). */
export function labelPropertyOf(name: string): string {
  return `${name}Label`;
}

/** Whether the GraphQL field of a declared property may be null. */
export function isNullableField(property: DeclaredProperty): boolean {
  return property.optional || property.nullableField === true;
}

/** The stored properties a declared property's field is read from (the number is stored under its own name). */
export function storedPropertiesOfDeclared(name: string, property: DeclaredProperty): string[] {
  return property.type === 'FiscalYear' ? [labelPropertyOf(name), name] : [name];
}
