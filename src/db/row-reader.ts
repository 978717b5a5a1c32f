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
    const value = this.row[column];
    if (typeof value !== 'string') throw mismatch(column, 'a string', value);
    return value;
  }

  optionalString(column: string): string | null {
    const value = this.row[column];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') throw mismatch(column, 'a string or null', value);
    return value;
  }

  number(column: string): number {
    const value = this.row[column];
    if (typeof value !== 'number') throw mismatch(column, 'a number', value);
    return value;
  }

  optionalNumber(column: string): number | null {
    const value = this.row[column];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'number') throw mismatch(column, 'a number or null', value);
    return value;
  }

  boolean(column: string): boolean {
    const value = this.row[column];
    if (typeof value !== 'boolean') throw mismatch(column, 'a boolean', value);
    return value;
  }

  strings(column: string): string[] {
    const value = this.row[column] ?? [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      throw mismatch(column, 'a list of strings', value);
    return value;
  }

  numbers(column: string): number[] {
    const value = this.row[column] ?? [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'number'))
      throw mismatch(column, 'a list of numbers', value);
    return value;
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

function mismatch(column: string, expected: string, got: PlainValue | undefined): Error {
  return new TypeError(`column '${column}': expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`);
}
