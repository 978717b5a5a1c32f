import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../core/project-root';
import { MAX_CITED_LINES } from './cited-line.type';
import type { YearBasis } from '../core/text/japanese-era';

/** The ratios at or above which an outlook is ON_TRACK, NEEDS_ACCELERATION, LIMITED_PROGRESS (below: DETERIORATION). */
export interface OutlookThresholds {
  readonly onTrack: number;
  readonly needsAcceleration: number;
  readonly limitedProgress: number;
  /**
   * Compound growth is measured only while the latest value and the target both lie within this factor of the
   * baseline (10: from a tenth to ten times); beyond it a growth rate is dominated by the small end (5-6-2,
   * 1 件 ▶▶ 520 件) and the outlook falls back to yearly steps for the ratio and the projection alike.
   */
  readonly compoundGrowthMaxFactor: number;
}

/** The baseline and target fiscal years an indicator's outlook is measured between. */
export interface OutlookYears {
  readonly baselineFiscalYear: number;
  readonly targetFiscalYear: number;
}

/** One indicator whose years differ from the plan-wide ones, and why. */
export interface OutlookOverride extends Partial<OutlookYears> {
  readonly indicator: string;
  readonly reason: string;
}

/** A line of a source document that supports the choice of years. */
export interface OutlookEvidence {
  readonly document: string;
  readonly line: number;
  readonly says: string;
}

/** seed/reference/outlook.yaml, checked. */
export interface OutlookReference extends OutlookYears {
  readonly baselineLabel: string;
  readonly targetLabel: string;
  readonly evidence: readonly OutlookEvidence[];
  readonly overrides: readonly OutlookOverride[];
  readonly thresholds: OutlookThresholds;
  /** Indicators whose values may fall below zero (a difference), each with the line that defines it so. */
  readonly signed: readonly SignedIndicator[];
  /**
   * Indicators counted per calendar year (暦年, January to December), each with the line whose own words count
   * it so (平成23年の刑法犯認知件数, not 年度): their years are labelled 年 (暦年), never 年度.
   */
  readonly calendarYear: readonly CitedIndicator[];
  /** Targets a later document (a reform sheet) sets for the same count, shown beside the plan's. */
  readonly laterTargets: readonly LaterTarget[];
}

/** An indicator that is a signed quantity: its projection is not kept at 0 or above. */
/** A later document's target for an indicator's count: its year, value, text as printed, why, and lines. */
export interface LaterTarget {
  readonly indicator: string;
  readonly fiscalYear: number;
  readonly value: number;
  readonly printed: string;
  readonly reason: string;
  readonly evidence: readonly OutlookEvidence[];
}

/** An indicator and a line of the documents a judgement about it rests on. */
export interface CitedIndicator extends OutlookEvidence {
  readonly indicator: string;
}

export interface SignedIndicator extends CitedIndicator {
  /** The sign the documents' baseline lost, when it lost one: absent when the printed figure stands. */
  readonly baseline?: SignedBaseline;
}

/**
 * A signed baseline the text does not show: the figure as printed (`printed`, e.g. `108 人`), the value it
 * stands for (`reads`, e.g. −108), which way is progress from there (`direction`), why, and the lines that
 * say so. The graph is built with `reads` as the indicator's current value (src/ingest/merge/signed-baseline.ts).
 */
export interface SignedBaseline {
  readonly printed: string;
  readonly reads: number;
  readonly direction: 'INCREASE' | 'DECREASE';
  readonly reason: string;
  readonly evidence: readonly OutlookEvidence[];
}

export const OUTLOOK_FILE = join(PROJECT_ROOT, 'seed', 'reference', 'outlook.yaml');

let cached: OutlookReference | undefined;

/** Read once: the file is reviewed reference data, not configuration. */
export function outlookReference(): OutlookReference {
  cached ??= checkedOutlookReference(parse(readFileSync(OUTLOOK_FILE, 'utf8')) as Record<string, unknown>);
  return cached;
}

/** The years an indicator's outlook is measured between: its override where there is one, else the plan's. */
/** Whether an indicator counts calendar years (暦年) rather than fiscal years (年度), per the reference file. */
export function yearBasisOf(indicatorId: string, reference: OutlookReference = outlookReference()): YearBasis {
  return reference.calendarYear.some((entry) => entry.indicator === indicatorId) ? 'CALENDAR' : 'FISCAL';
}

export function outlookYearsOf(indicatorId: string, reference: OutlookReference = outlookReference()): OutlookYears {
  const override = reference.overrides.find((o) => o.indicator === indicatorId);
  return {
    baselineFiscalYear: override?.baselineFiscalYear ?? reference.baselineFiscalYear,
    targetFiscalYear: override?.targetFiscalYear ?? reference.targetFiscalYear,
  };
}

/** The reference as cypher/fragments/indicator/outlook-status reads it (`$value`): plain figures, overrides by id. */
export function outlookParameter(reference: OutlookReference = outlookReference()): Record<string, unknown> {
  return {
    baselineFiscalYear: reference.baselineFiscalYear,
    targetFiscalYear: reference.targetFiscalYear,
    overrides: Object.fromEntries(
      reference.overrides.map(({ indicator, baselineFiscalYear, targetFiscalYear }) => [
        indicator,
        { baselineFiscalYear, targetFiscalYear },
      ]),
    ),
    ...reference.thresholds,
  };
}

const isYear = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 1900;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The file's content, refused unless the years are integers with the baseline before the target (also in
 * every override), every override names an indicator id and a reason, the evidence cites lines with the text
 * they hold, and the thresholds are finite and strictly decreasing (so every ratio has one status).
 */
export function checkedOutlookReference(file: Record<string, unknown>): OutlookReference {
  const problem = (rule: string) => new Error(`${OUTLOOK_FILE}: ${rule}`);
  const { baselineFiscalYear, targetFiscalYear, baselineLabel, targetLabel } = file;
  if (!isYear(baselineFiscalYear) || !isYear(targetFiscalYear) || baselineFiscalYear >= targetFiscalYear) {
    throw problem('needs integer baselineFiscalYear and targetFiscalYear, the baseline before the target');
  }
  if (!isText(baselineLabel) || !isText(targetLabel)) throw problem('needs baselineLabel and targetLabel (e.g. R3)');
  if (!Array.isArray(file.evidence) || file.evidence.length === 0 || file.evidence.length > MAX_CITED_LINES) {
    throw problem(`needs evidence: 1 to ${MAX_CITED_LINES} lines of the documents the years are chosen from`);
  }
  const evidence = file.evidence.map((entry: unknown, index): OutlookEvidence => {
    const { document, line, says } = (entry ?? {}) as Record<string, unknown>;
    if (!isText(document) || !Number.isInteger(line) || (line as number) < 1 || !isText(says)) {
      throw problem(`evidence ${index + 1} needs a document, a line (from 1) and what it says`);
    }
    return Object.freeze({ document, line: line as number, says });
  });
  if (!Array.isArray(file.overrides)) throw problem('needs an overrides list (may be empty: overrides: [])');
  const overrides = file.overrides.map((entry: unknown, index): OutlookOverride => {
    const { indicator, reason, ...years } = (entry ?? {}) as Record<string, unknown>;
    const where = `override ${index + 1}`;
    if (!isText(indicator) || !indicator.startsWith('indicator:')) {
      throw problem(`${where} needs an indicator id such as indicator:6-2-2`);
    }
    if (!isText(reason)) throw problem(`${where} (${indicator}) needs a reason`);
    const baseline = years.baselineFiscalYear ?? baselineFiscalYear;
    const target = years.targetFiscalYear ?? targetFiscalYear;
    if (!isYear(baseline) || !isYear(target) || baseline >= target) {
      throw problem(`${where} (${indicator}) needs integer years, the baseline before the target`);
    }
    return Object.freeze({ indicator, reason, baselineFiscalYear: baseline, targetFiscalYear: target });
  });
  const signed = checkedSigned(file.signed, problem);
  const calendarYear = checkedCalendarYear(file.calendarYear, problem);
  const laterTargets = checkedLaterTargets(file.laterTargets, problem);
  const { onTrack, needsAcceleration, limitedProgress, compoundGrowthMaxFactor } = (file.thresholds ?? {}) as Record<
    string,
    unknown
  >;
  const ordered = [onTrack, needsAcceleration, limitedProgress];
  if (
    !ordered.every((t) => typeof t === 'number' && Number.isFinite(t)) ||
    !(
      (onTrack as number) > (needsAcceleration as number) && (needsAcceleration as number) > (limitedProgress as number)
    )
  ) {
    throw problem('needs thresholds onTrack > needsAcceleration > limitedProgress, finite numbers');
  }
  if (
    typeof compoundGrowthMaxFactor !== 'number' ||
    !(compoundGrowthMaxFactor > 1) ||
    !Number.isFinite(compoundGrowthMaxFactor)
  ) {
    throw problem('needs thresholds.compoundGrowthMaxFactor, a finite number above 1 (e.g. 10)');
  }
  return Object.freeze({
    baselineFiscalYear,
    targetFiscalYear,
    baselineLabel,
    targetLabel,
    evidence: Object.freeze(evidence),
    overrides: Object.freeze(overrides),
    signed: Object.freeze(signed),
    calendarYear: Object.freeze(calendarYear),
    laterTargets: Object.freeze(laterTargets),
    thresholds: Object.freeze({
      onTrack: onTrack as number,
      needsAcceleration: needsAcceleration as number,
      limitedProgress: limitedProgress as number,
      compoundGrowthMaxFactor,
    }),
  });
}

/** The `signed` list: each entry's defining line, and the judged sign of its baseline when it has one. */
function checkedSigned(list: unknown, problem: (rule: string) => Error): SignedIndicator[] {
  const citedLines = (lines: unknown, where: string): OutlookEvidence[] => {
    if (!Array.isArray(lines) || lines.length === 0 || lines.length > MAX_CITED_LINES) {
      throw problem(`${where} needs evidence: 1 to ${MAX_CITED_LINES} lines of the documents`);
    }
    return lines.map((entry: unknown, index) => {
      const { document, line, says } = (entry ?? {}) as Record<string, unknown>;
      if (!isText(document) || !Number.isInteger(line) || (line as number) < 1 || !isText(says)) {
        throw problem(`${where}, evidence ${index + 1} needs a document, a line (from 1) and what it says`);
      }
      return Object.freeze({ document, line: line as number, says });
    });
  };
  return (Array.isArray(list) ? list : []).map((entry: unknown, index): SignedIndicator => {
    const { indicator, document, line, says, baseline } = (entry ?? {}) as Record<string, unknown>;
    if (!isText(indicator) || !indicator.startsWith('indicator:')) {
      throw problem(`signed ${index + 1} needs an indicator id such as indicator:6-5-4`);
    }
    const where = `signed ${index + 1} (${indicator})`;
    if (!isText(document) || !Number.isInteger(line) || (line as number) < 1 || !isText(says)) {
      throw problem(`${where} needs a document, a line (from 1) and what it says`);
    }
    const defined = { indicator, document, line: line as number, says };
    if (baseline === undefined) return Object.freeze(defined);
    const { printed, reads, direction, reason, evidence } = (baseline ?? {}) as Record<string, unknown>;
    if (!isText(printed) || typeof reads !== 'number' || !Number.isFinite(reads) || !isText(reason)) {
      throw problem(`${where}: baseline needs printed (the figure as printed), reads (the signed value) and a reason`);
    }
    if (direction !== 'INCREASE' && direction !== 'DECREASE') {
      throw problem(`${where}: baseline needs direction INCREASE or DECREASE (which way is progress)`);
    }
    const lines = Object.freeze(citedLines(evidence, `${where}: baseline`));
    const baselineOf = Object.freeze({ printed, reads, direction, reason, evidence: lines });
    return Object.freeze(Object.assign({}, defined, { baseline: baselineOf }));
  });
}

/** The `calendarYear` list: each indicator with the line that counts it per calendar year. */
function checkedCalendarYear(list: unknown, problem: (rule: string) => Error): CitedIndicator[] {
  return (Array.isArray(list) ? list : []).map((entry: unknown, index): CitedIndicator => {
    const { indicator, document, line, says } = (entry ?? {}) as Record<string, unknown>;
    if (!isText(indicator) || !indicator.startsWith('indicator:') || !isText(document) || !isText(says)) {
      throw problem(`calendarYear ${index + 1} needs an indicator id, a document, a line (from 1) and what it says`);
    }
    if (!Number.isInteger(line) || (line as number) < 1) {
      throw problem(`calendarYear ${index + 1} (${indicator}) needs a line (from 1)`);
    }
    return Object.freeze({ indicator, document, line: line as number, says });
  });
}

/** The `laterTargets` list: each with a year, a value, the printed text, a reason and the lines it rests on. */
function checkedLaterTargets(list: unknown, problem: (rule: string) => Error): LaterTarget[] {
  return (Array.isArray(list) ? list : []).map((entry: unknown, index): LaterTarget => {
    const { indicator, fiscalYear, value, printed, reason, evidence } = (entry ?? {}) as Record<string, unknown>;
    const where = `laterTargets ${index + 1}`;
    if (!isText(indicator) || !indicator.startsWith('indicator:') || !isYear(fiscalYear)) {
      throw problem(`${where} needs an indicator id and a fiscalYear`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || !isText(printed) || !isText(reason)) {
      throw problem(`${where} (${indicator}) needs a value, the text as printed and a reason`);
    }
    if (!Array.isArray(evidence) || evidence.length === 0 || evidence.length > MAX_CITED_LINES) {
      throw problem(`${where} (${indicator}) needs evidence: 1 to ${MAX_CITED_LINES} lines`);
    }
    const lines = evidence.map((line: unknown, at): OutlookEvidence => {
      const { document, line: number, says } = (line ?? {}) as Record<string, unknown>;
      if (!isText(document) || !Number.isInteger(number) || (number as number) < 1 || !isText(says)) {
        throw problem(`${where} (${indicator}), evidence ${at + 1} needs a document, a line (from 1) and what it says`);
      }
      return Object.freeze({ document, line: number as number, says });
    });
    return Object.freeze({ indicator, fiscalYear, value, printed, reason, evidence: Object.freeze(lines) });
  });
}
