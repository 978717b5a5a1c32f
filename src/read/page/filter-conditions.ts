import { all, any, matches, noneOf, not, type Condition } from './condition';
import type { CypherPart } from './cypher-part';

/**
 * Helpers turning a filter input into a condition tree. A key given both in its single form (`sdg: 11`,
 * kept from before any-of lists existed) and as a list (`sdgs: [11, 13]`) must satisfy both.
 */
export function anyOf<T>(
  fragment: CypherPart,
  single: T | null | undefined,
  many: readonly T[] | null | undefined,
): Condition[] {
  const lists = [single === null || single === undefined ? null : [single], many ?? null];
  return lists.filter((list): list is T[] => list !== null && list.length > 0).map((list) => matches(fragment, list));
}

/**
 * The conditions of a filter's list `key` (`sdgs`) and its siblings `<key>All` and `<key>None`, which
 * src/read/filter/filter-fields.ts declares with it (same type and checks): any of the values (with the single
 * form `single`, as anyOf), each of the `All` values, none of the `None` values. `convert` turns each given
 * value into what the fragment compares (a department reference into its id; `path` names it in errors).
 */
export async function listOf<T>(
  fragment: CypherPart,
  single: T | null | undefined,
  filter: object,
  key: string,
  path: string,
  convert: (value: never, path: string) => T | Promise<T> = (value) => value,
): Promise<Condition[]> {
  const given = filter as Readonly<Record<string, readonly never[] | null | undefined>>;
  const values = (suffix: string) =>
    Promise.all((given[`${key}${suffix}`] ?? []).map((value, at) => convert(value, `${path}.${key}${suffix}.${at}`)));
  const [some, every, none] = await Promise.all([values(''), values('All'), values('None')]);
  return [
    ...anyOf(fragment, single, some),
    ...every.map((value) => matches(fragment, [value])),
    ...(none.length > 0 ? [noneOf(fragment, none)] : []),
  ];
}

/** Finds the department a filter names: an id, a Japanese or English name, or English words (DepartmentLookup). */
interface DepartmentIds {
  idOf(ref: string | null | undefined, argument: string): Promise<string | null>;
}

/**
 * The conditions of a filter's `department` and `departments` (with `departmentsAll`, `departmentsNone`) on
 * `fragment`, each reference resolved to its department's id first: every kind names departments so.
 */
export async function departmentsOf(
  fragment: CypherPart,
  filter: { readonly department?: string | null },
  departments: DepartmentIds,
  path: string,
): Promise<Condition[]> {
  const single = await departments.idOf(filter.department, `${path}.department`);
  return listOf(fragment, single, filter, 'departments', path, (ref: string, at: string) => departments.idOf(ref, at));
}

/** A filter's own conditions combined with its `and`, `not` and `or`, converted by `convert` (paths for errors). */
export async function withNotAndOr<F>(
  own: readonly Condition[],
  filter: { readonly and?: readonly F[] | null; readonly not?: F | null; readonly or?: readonly F[] | null },
  convert: (sub: F, path: string) => Promise<Condition>,
  path: string,
): Promise<Condition> {
  const parts = [...own];
  if (filter.and && filter.and.length > 0) {
    parts.push(...(await Promise.all(filter.and.map((sub, at) => convert(sub, `${path}.and.${at}`)))));
  }
  if (filter.not) parts.push(not(await convert(filter.not, `${path}.not`)));
  if (filter.or && filter.or.length > 0) {
    parts.push(any(await Promise.all(filter.or.map((sub, at) => convert(sub, `${path}.or.${at}`)))));
  }
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : all(parts);
}

/** A code or id as given, without surrounding spaces. */
export const trimmed = (value: string): string => value.trim();

/** A grade (`c `) as the documents print it (`C`). */
export const grade = (value: string): string => value.trim().toUpperCase();
