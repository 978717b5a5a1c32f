/** What the chart reads of an indicator and its outlook (`Indicator.outlook`). */
export interface PathInput {
  /** Baseline (現状値) and target (目標値); null where the documents print no number. */
  readonly baseline: number | null;
  readonly target: number | null;
  /** The bound word printed after the target (以内 …): see `boundKind`. */
  readonly targetBound: string | null;
  /** Each recorded year's value in force (null: every revision retracted). */
  readonly results: readonly { readonly fiscalYear: number; readonly value: number | null }[];
  readonly outlook: {
    readonly baselineFiscalYear: number;
    readonly targetFiscalYear: number;
    readonly latestValue: number | null;
    readonly latestFiscalYear: number | null;
    readonly projectedValue: number | null;
    /** The API's model of the pace (COMPOUND_GROWTH, LINEAR_GROWTH, BOUND); null without a pace. */
    readonly method?: string | null;
  };
}

/** One value per year of `years` (null: nothing drawn that year), ready to be a line's data. */
export interface OutlookPaths {
  /** Every fiscal year from the baseline's (or the first result's) to the target's (or the last result's). */
  readonly years: readonly number[];
  /** The baseline, at the baseline's fiscal year only. */
  readonly baseline: readonly (number | null)[];
  readonly recorded: readonly (number | null)[];
  /** From the baseline to the target at the pace needed to reach it by the target year. */
  readonly needed: readonly (number | null)[];
  /** From the latest value to `projectedValue` at the target year, along the API's model of the pace. */
  readonly projection: readonly (number | null)[];
  /** A bound's level in every year (a horizontal line); all null for a target to reach. */
  readonly bound: readonly (number | null)[];
}

/**
 * The lines of an indicator's outlook chart. The needed path and the projection are in the model the API
 * measured the pace in (`method`: compound growth or yearly steps; without a pace, compound growth when
 * baseline and target are above 0): the projection runs from the latest value to the API's own
 * `projectedValue` at the target year, the points between rounded as it rounds.
 */
export function outlookPaths(input: PathInput): OutlookPaths {
  const { baseline, target, outlook } = input;
  const { baselineFiscalYear: from, targetFiscalYear: to, latestValue, latestFiscalYear } = outlook;
  const recordedYears = input.results.map((year) => year.fiscalYear);
  const first = Math.min(from, ...recordedYears);
  const last = Math.max(to, ...recordedYears);
  const years = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const valueOf = new Map(input.results.map((year) => [year.fiscalYear, year.value]));
  const isBound = boundKind(input.targetBound) !== null && target !== null;
  const compound =
    outlook.method === 'COMPOUND_GROWTH' ||
    ((outlook.method ?? null) === null && baseline !== null && target !== null && baseline > 0 && target > 0);
  const along = (start: number, end: number, share: number): number =>
    compound ? start * (end / start) ** share : start + (end - start) * share;
  const path =
    baseline !== null && target !== null && !isBound && baseline !== target && to > from ? { baseline, target } : null;
  // A projection needs a year after the baseline (the API gives none otherwise) and a year still to come.
  const latest =
    latestValue !== null &&
    latestFiscalYear !== null &&
    outlook.projectedValue !== null &&
    latestFiscalYear > from &&
    latestFiscalYear < to
      ? { year: latestFiscalYear, value: latestValue, projected: outlook.projectedValue }
      : null;
  return {
    years,
    baseline: years.map((year) => (year === from ? baseline : null)),
    recorded: years.map((year) => valueOf.get(year) ?? null),
    needed: years.map((year) => {
      if (path === null || year < from || year > to) return null;
      if (year === to) return path.target;
      return rounded(along(path.baseline, path.target, (year - from) / (to - from)));
    }),
    projection: years.map((year) => {
      if (path === null || latest === null || year < latest.year || year > to) return null;
      if (year === latest.year) return latest.value;
      if (year === to) return latest.projected;
      // Along the same model from the latest value to the projected one (already kept within the unit's range).
      const share = (year - latest.year) / (to - latest.year);
      return rounded(
        compound && latest.value > 0 && latest.projected > 0
          ? along(latest.value, latest.projected, share)
          : latest.value + (latest.projected - latest.value) * share,
      );
    }),
    bound: years.map(() => (isBound ? target : null)),
  };
}

/** Two decimals, as the API rounds `projectedValue`. */
function rounded(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}

/**
 * A target printed with a bound word is a level to keep, not a point to reach: a ceiling (以内, 以下) or a
 * floor (以上), as the API grades it; null for none (or a word it does not classify, such as 未満).
 */
export function boundKind(bound: string | null): 'CEILING' | 'FLOOR' | null {
  if (bound === '以内' || bound === '以下') return 'CEILING';
  return bound === '以上' ? 'FLOOR' : null;
}
