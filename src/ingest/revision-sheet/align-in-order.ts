/**
 * Assigns each of `entries` to one of `targets` (there must be at least as many targets), keeping their
 * order (entry i+1 goes to a later target than entry i) and maximising the summed `score`. Ties go to the
 * earliest targets, so with no scores at all entries simply fill the first targets. Returns, per entry,
 * the index of its target.
 *
 * Used where a sheet lists fewer status cells than rows: a status that carries a rewritten text lands on
 * the row its text resembles, and the rows between keep their order.
 */
export function alignInOrder<E, T>(
  entries: readonly E[],
  targets: readonly T[],
  score: (entry: E, target: T) => number,
): number[] {
  const m = entries.length;
  const n = targets.length;
  if (m > n) throw new RangeError(`cannot align ${m} entries to ${n} targets`);
  // best[i][j]: the highest total for the first i entries placed among the first j targets.
  const best: number[][] = Array.from({ length: m + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (i === 0 ? 0 : j < i ? -Infinity : 0)),
  );
  const at = (i: number, j: number): number => best[i]?.[j] ?? -Infinity;
  entries.forEach((entry, e) => {
    const i = e + 1;
    const row = best[i] ?? [];
    targets.forEach((target, t) => {
      const j = t + 1;
      if (j >= i) row[j] = Math.max(at(i, j - 1), at(i - 1, j - 1) + score(entry, target));
    });
  });
  const assignment = new Array<number>(m).fill(-1);
  let j = n;
  for (let i = m; i >= 1; i -= 1) {
    // Skipping target j when that loses nothing pushes the entry to an earlier target.
    while (j > i && at(i, j - 1) >= at(i, j)) j -= 1;
    assignment[i - 1] = j - 1;
    j -= 1;
  }
  return assignment;
}

/** Similarity of two texts in [0, 1]: the Dice coefficient of their character bigrams. */
export function textSimilarity(a: string, b: string): number {
  const grams = (text: string): string[] =>
    Array.from({ length: Math.max(text.length - 1, 0) }, (_, i) => text.slice(i, i + 2));
  const left = grams(a);
  const right = grams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const gram of right) pool.set(gram, (pool.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of left) {
    const count = pool.get(gram) ?? 0;
    if (count > 0) {
      shared += 1;
      pool.set(gram, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}
