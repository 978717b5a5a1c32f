import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../core/project-root';

/** The fiscal years results may be recorded for (seed/reference/plan-period.yaml, from the documents). */
export interface PlanPeriod {
  readonly firstYear: number;
  readonly firstLabel: string;
  readonly lastYear: number;
  readonly lastLabel: string;
  readonly seen: { readonly document: string; readonly line: number };
}

export const PLAN_PERIOD_FILE = join(PROJECT_ROOT, 'seed', 'reference', 'plan-period.yaml');

let cached: PlanPeriod | undefined;

/** Read once: the file is reviewed reference data, not configuration. */
export function planPeriod(): PlanPeriod {
  cached ??= checked(parse(readFileSync(PLAN_PERIOD_FILE, 'utf8')) as Partial<PlanPeriod>);
  return cached;
}

/**
 * Every fiscal year of the plan period, first to last, labelled in the era of the first (the period lies
 * within one era: R5–R9).
 */
export function planFiscalYears(): { readonly year: number; readonly label: string }[] {
  const { firstYear, lastYear, firstLabel } = planPeriod();
  const [, era = '', number = ''] = /^([A-Z])(\d+)$/.exec(firstLabel) ?? [];
  return Array.from({ length: lastYear - firstYear + 1 }, (_, offset) => ({
    year: firstYear + offset,
    label: `${era}${Number(number) + offset}`,
  }));
}

function checked(period: Partial<PlanPeriod>): PlanPeriod {
  const { firstYear, lastYear, firstLabel, lastLabel, seen } = period;
  if (
    !Number.isInteger(firstYear) ||
    !Number.isInteger(lastYear) ||
    typeof firstLabel !== 'string' ||
    typeof lastLabel !== 'string' ||
    seen === undefined ||
    !/^[A-Z]\d+$/.test(firstLabel) ||
    (firstYear as number) > (lastYear as number)
  ) {
    throw new Error(
      `${PLAN_PERIOD_FILE}: needs firstYear <= lastYear (integers), firstLabel (an era letter and number, e.g. R5), lastLabel and seen`,
    );
  }
  return Object.freeze({ firstYear, lastYear, firstLabel, lastLabel, seen }) as PlanPeriod;
}
