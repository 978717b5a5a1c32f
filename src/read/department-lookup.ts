import type { Source } from '../graph/source.type';

/**
 * A department as the lookup answers it. The model's `Department` class implements it, and the resolvers
 * return these as `Department`s: the compiler holds the two to the same fields both ways.
 */
export interface DepartmentRecord {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly nameKana: string;
  readonly nameEn: string;
  readonly source: Source | null;
}

/** What a resolver asks of the departments: the list, and a department by reference. */
export interface DepartmentLookup {
  departments(): Promise<DepartmentRecord[]>;
  /**
   * The department `ref` names (see resolveDepartmentRef). An id, the common case of clients that picked a
   * department from a list, is found in the map; names and words search the list.
   */
  resolve(ref: string, argument: string): Promise<DepartmentRecord>;
  /** The department id a filter's `department` names (see `resolve`), or null when the filter gives none. */
  idOf(ref: string | null | undefined, argument: string): Promise<string | null>;
  /** The data version whose departments the lookups answer from now (what a compile that resolved them keeps). */
  version(): string;
}

/**
 * The departments shared by every request of a data version (the model's DepartmentDirectory), as one request
 * sees them: while the shared list is being read, the request waits for it through `wait`, within its budget.
 */
export interface SharedDepartments {
  forRequest(wait: <T>(shared: Promise<T>) => Promise<T>): DepartmentLookup;
}
