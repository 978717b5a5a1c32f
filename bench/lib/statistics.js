'use strict';

/** Median of a list of numbers, NaN ones (no measurement) left out; NaN when none is left. */
function median(values) {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value at percentile `p` (0–1) of a list, nearest rank; NaN for an empty list. */
function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** `a ÷ b` to two decimals with a ×, or `n/a` when either is unknown or b is not positive. */
function ratio(a, b) {
  return b > 0 && !Number.isNaN(a) ? `${(a / b).toFixed(2)}×` : 'n/a';
}

/** A number with `digits` decimals, or `–` when it is unknown. */
function fixed(value, digits) {
  return Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/** A markdown table from a header row and data rows. */
function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

module.exports = { median, percentile, ratio, fixed, markdownTable };
