/** The values an indicator's unit allows: a projection is kept inside them. */
export interface ValueRange {
  readonly min: number | null;
  readonly max: number | null;
}

/** No bound (a signed quantity such as net migration, 転入人口-転出人口). */
export const UNBOUNDED: ValueRange = { min: null, max: null };

/**
 * The range of an indicator's values from its unit: a percentage lies within 0–100, a count (件, 人, 団体 …)
 * is not below 0, unless the outlook reference lists the indicator as signed (a difference that may fall below
 * zero, with the line that defines it so).
 */
export function valueRangeOf(unit: string | null, signed: boolean): ValueRange {
  if (signed) return UNBOUNDED;
  if (unit !== null && /^(%|％)$/.test(unit.trim())) return { min: 0, max: 100 };
  return { min: 0, max: null };
}

/** `value` moved inside `range`, and whether it had to be. */
export function clampedTo(value: number, range: ValueRange): { value: number; clamped: boolean } {
  if (range.min !== null && value < range.min) return { value: range.min, clamped: true };
  if (range.max !== null && value > range.max) return { value: range.max, clamped: true };
  return { value, clamped: false };
}
