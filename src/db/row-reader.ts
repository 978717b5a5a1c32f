import type { PlainRow, PlainValue } from './plain-values';

/**
 * Typed access to a result row's columns. A column of the wrong type is a mismatch between a cypher/ file
 * and the code that reads it, so it fails loudly with the column name rather than passing `undefined` on.
 */
export class RowReader {
  /**
   * `projection`: the row is a node's properties as a compiled statement projected them, which leaves out
   * what the operation does not read (src/read/prefetch/property-demand.ts); see `leftOut`.
   */
  constructor(
    private readonly row: PlainRow,
    private readonly projection = false,
  ) {}

  /**
   * True when `column` was deliberately not projected: the row is a projection and has no such key (a
   * projected property the node does not store is there, as null). Always false for a whole node's
   * properties, where an absent property is simply absent.
   */
  leftOut(column: string): boolean {
    return this.projection && !Object.hasOwn(this.row, column);
  }

  /** The row itself, for code that inspects columns generically (e.g. which property matched a search). */
  get values(): PlainRow {
    return this.row;
  }

  string(column: string): string {
    return this.scalar(column, isString, 'a string');
  }

  optionalString(column: string): string | null {
    return this.optionalScalar(column, isString, 'a string or null');
  }

  number(column: string): number {
    return this.scalar(column, isNumber, 'a number');
  }

  optionalNumber(column: string): number | null {
    return this.optionalScalar(column, isNumber, 'a number or null');
  }

  boolean(column: string): boolean {
    return this.scalar(column, isBoolean, 'a boolean');
  }

  /** A list column; absent reads as the empty list. */
  strings(column: string): string[] {
    return this.list(column, isString, 'a list of strings');
  }

  numbers(column: string): number[] {
    return this.list(column, isNumber, 'a list of numbers');
  }

  /** A map column (e.g. a node's properties) as its own reader. */
  map(column: string): RowReader {
    const value = this.row[column];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw mismatch(column, 'a map', value);
    return new RowReader(value);
  }

  /** A map column holding a node's projected properties (see `leftOut`), as its own reader. */
  projected(column: string): RowReader {
    return new RowReader(this.map(column).values, true);
  }

  /** A list-of-maps column, each as its own reader. */
  maps(column: string): RowReader[] {
    return this.mapsOf(column, false);
  }

  /** A list column of nodes' projected properties (see `leftOut`), each as its own reader. */
  projections(column: string): RowReader[] {
    return this.mapsOf(column, true);
  }

  private scalar<T extends PlainValue>(column: string, is: Is<T>, expected: string): T {
    const value = this.row[column];
    if (!is(value)) throw mismatch(column, expected, value);
    return value;
  }

  /** A scalar column that may be null or absent (both read as null). */
  private optionalScalar<T extends PlainValue>(column: string, is: Is<T>, expected: string): T | null {
    const value = this.row[column];
    return value === null || value === undefined ? null : this.scalar(column, is, expected);
  }

  private list<T extends PlainValue>(column: string, is: Is<T>, expected: string): T[] {
    const value = this.row[column] ?? [];
    if (!Array.isArray(value) || !value.every(is)) throw mismatch(column, expected, value);
    return value;
  }

  /**
   * A list column whose items are lists of one value per name in `names` (rows sent as lists so their
   * column names are not repeated in every item), each as a reader over those names.
   */
  listedRows(column: string, names: readonly string[]): RowReader[] {
    return this.listsOf(column, names, false);
  }

  /**
   * A list column of nodes' projected properties sent as lists of one value per name in `names` (see
   * `listedRows`), each as a reader of a projection (see `leftOut`) over those names.
   */
  listedProjections(column: string, names: readonly string[]): RowReader[] {
    return this.listsOf(column, names, true);
  }

  private listsOf(column: string, names: readonly string[], projection: boolean): RowReader[] {
    const value = this.row[column] ?? [];
    if (!Array.isArray(value)) throw mismatch(column, 'a list of lists', value);
    return value.map((item, i) => {
      if (!Array.isArray(item) || item.length !== names.length)
        throw mismatch(`${column}[${i}]`, `a list of ${names.length} (${names.join(', ')})`, item);
      // Assigned in the same order for every item, so the engine gives the objects of a column one shape.
      const row: Record<string, PlainValue> = {};
      for (let at = 0; at < names.length; at++) row[names[at] as string] = item[at] ?? null;
      return new RowReader(row, projection);
    });
  }

  private mapsOf(column: string, projection: boolean): RowReader[] {
    const value = this.row[column] ?? [];
    if (!Array.isArray(value)) throw mismatch(column, 'a list of maps', value);
    return value.map((item, i) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item))
        throw mismatch(`${column}[${i}]`, 'a map', item);
      return new RowReader(item, projection);
    });
  }
}

/** A check that a column's value has the type an accessor promises. */
type Is<T extends PlainValue> = (value: PlainValue | undefined) => value is T;

const isString = (value: PlainValue | undefined): value is string => typeof value === 'string';
const isNumber = (value: PlainValue | undefined): value is number => typeof value === 'number';
const isBoolean = (value: PlainValue | undefined): value is boolean => typeof value === 'boolean';

function mismatch(column: string, expected: string, got: PlainValue | undefined): Error {
  return new TypeError(`column '${column}': expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`);
}
