import { foldWidth, tidy } from '../../core/text/index';
import type { IndicatorValue } from './records';

/** Dashes the tables print for "no value yet" (`—`). */
const NO_VALUE = /^[—―－-]$/;

/** `82.31 %`, `1,900人`, `92.7 %以内`, `0 人(移動均衡)`: number, unit, an optional bound, an optional note. */
const VALUE = /^(\d[\d,]*(?:\.\d+)?)\s*([^\s\d(（]*?)\s*(以内|以上|以下|未満)?\s*(?:[(（]([^)）]*)[)）])?$/;

/** Reads one indicator cell; null when it is neither a number with its unit nor a dash. */
export function parseIndicatorValue(cell: string): IndicatorValue | null {
  const text = tidy(cell);
  if (NO_VALUE.test(text)) return { text, value: null, unit: '', bound: null, note: null };
  const match = VALUE.exec(text);
  if (!match) return null;
  const [, digits = '', unit = '', bound, note] = match;
  return {
    text,
    value: Number(digits.replace(/,/g, '')),
    unit: foldWidth(unit),
    bound: bound ?? null,
    note: note === undefined ? null : tidy(note),
  };
}
