/**
 * Which side of its target an indicator must stay on when the target is printed with a bound word
 * (`92.7 %以内`): a ceiling (以内, 以下: at or below) or a floor (以上: at or above). The ingestion reads
 * the word into `targetBound`; its direction and the grading both read the bound through this one table,
 * so they cannot disagree on what a bound means.
 *
 * 未満 (strictly below) is parsed but printed by no document today, and grading it would need a strict
 * comparison, so it is left unclassified until an edition prints one.
 */
export type TargetBoundKind = 'CEILING' | 'FLOOR';

const KINDS: ReadonlyMap<string, TargetBoundKind> = new Map([
  ['以内', 'CEILING'],
  ['以下', 'CEILING'],
  ['以上', 'FLOOR'],
]);

/** The kind of a printed bound word, or null for no bound (or one not classified). */
export function targetBoundKind(bound: string | null): TargetBoundKind | null {
  return bound === null ? null : (KINDS.get(bound) ?? null);
}
