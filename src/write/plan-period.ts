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
  /** Actuals the documents print for a year before the period (R4), which may be recorded for that indicator. */
  readonly printedBefore: readonly PrintedActual[];
}

/** An indicator's actual the documents print for one fiscal year before the plan period, with its line. */
export interface PrintedActual {
  readonly indicator: string;
  readonly fiscalYear: number;
  readonly label: string;
  readonly value: number;
  readonly document: string;
  readonly line: number;
  readonly says: string;
}

/** The first fiscal year any result may be recorded for: the plan's first, or an earlier printed actual's. */
export function firstRecordableYear(period: PlanPeriod = planPeriod()): number {
  return Math.min(period.firstYear, ...period.printedBefore.map((actual) => actual.fiscalYear));
}

/** The printed actual that lets `indicator` be recorded for `fiscalYear` before the period, if any. */
export function printedActualBefore(indicator: string, fiscalYear: number): PrintedActual | undefined {
  return planPeriod().printedBefore.find((a) => a.indicator === indicator && a.fiscalYear === fiscalYear);
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
  const listed: unknown = period.printedBefore;
  const printedBefore = (Array.isArray(listed) ? (listed as Partial<PrintedActual>[]) : []).map((actual) => {
    const ok =
      typeof actual.indicator === 'string' &&
      actual.indicator.startsWith('indicator:') &&
      Number.isInteger(actual.fiscalYear) &&
      (actual.fiscalYear as number) < (firstYear as number) &&
      typeof actual.label === 'string' &&
      typeof actual.value === 'number' &&
      typeof actual.document === 'string' &&
      Number.isInteger(actual.line) &&
      typeof actual.says === 'string';
    if (!ok) {
      throw new Error(
        `${PLAN_PERIOD_FILE}: each printedBefore needs an indicator id, a fiscalYear before firstYear, its label, the value, and the document, line and text it is printed in`,
      );
    }
    return Object.freeze({ ...actual }) as PrintedActual;
  });
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
  return Object.freeze({
    firstYear,
    lastYear,
    firstLabel,
    lastLabel,
    seen,
    printedBefore: Object.freeze(printedBefore),
  }) as PlanPeriod;
}
