/**
 * How deeply a parsed JSON value nests lists and objects: 0 for a string, number, boolean or null, 1 for `[]`
 * or `{}`, 2 for `[[1]]` or `{"a": {}}`. Walked with a stack of its own, never by recursion, so any depth is
 * safe to measure (JSON.parse itself is iterative; JSON.stringify and most walkers recurse, and 5,000 levels
 * of `[` overflowed the call stack). Stops as soon as the depth passes `limit`.
 */
export function jsonNesting(value: unknown, limit: number): number {
  const pending: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  let deepest = 0;
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    if (typeof entry.value !== 'object' || entry.value === null) continue;
    const depth = entry.depth + 1;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) break;
    for (const member of Array.isArray(entry.value) ? entry.value : Object.values(entry.value)) {
      if (typeof member === 'object' && member !== null) pending.push({ value: member, depth });
    }
  }
  return deepest;
}
