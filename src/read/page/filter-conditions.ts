import { all, any, matches, not, type Condition } from './condition';

/**
 * Helpers turning a filter input into a condition tree. A key given both in its single form (`sdg: 11`,
 * kept from before any-of lists existed) and as a list (`sdgs: [11, 13]`) must satisfy both.
 */
export function anyOf<T>(
  fragment: string,
  single: T | null | undefined,
  many: readonly T[] | null | undefined,
): Condition[] {
  const lists = [single === null || single === undefined ? null : [single], many ?? null];
  return lists.filter((list): list is T[] => list !== null && list.length > 0).map((list) => matches(fragment, list));
}

/** A filter's own conditions combined with its `not` and `or`, converted by `convert` (paths for errors). */
export async function withNotAndOr<F>(
  own: readonly Condition[],
  filter: { readonly not?: F | null; readonly or?: readonly F[] | null },
  convert: (sub: F, path: string) => Promise<Condition>,
  path: string,
): Promise<Condition> {
  const parts = [...own];
  if (filter.not) parts.push(not(await convert(filter.not, `${path}.not`)));
  if (filter.or && filter.or.length > 0) {
    parts.push(any(await Promise.all(filter.or.map((sub, at) => convert(sub, `${path}.or.${at}`)))));
  }
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : all(parts);
}
