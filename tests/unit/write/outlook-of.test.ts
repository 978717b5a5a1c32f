import { outlookOf, statusOfRatio } from '../../../src/write/outlook-of';
import { linearTrendAt } from '../../../src/write/linear-trend';
import { valueRangeOf } from '../../../src/write/value-range';

const THRESHOLDS = { onTrack: 0.95, needsAcceleration: 0.6, limitedProgress: 0 };
/** Two years from baseline to target, so the needed growth rates come out round. */
const TWO_YEARS = { baselineFiscalYear: 2021, targetFiscalYear: 2023 };
/** The plan-wide years of seed/reference/outlook.yaml. */
const PLAN = { baselineFiscalYear: 2021, targetFiscalYear: 2027 };

const growing = { current: 100, target: 121, targetBound: null };
const at = (fiscalYear: number, value: number) => ({ fiscalYear, value });

describe('outlookOf: the ratio of observed to needed growth', () => {
  it.each([
    // needed: (121/100)^(1/2) − 1 = 0.1 a year; observed over one year: value/100 − 1. The projection is the
    // straight line through the baseline (2021, 100) and the value (2022), read at 2023: 2 × value − 100.
    [110, 1, 'ON_TRACK', 120], // 0.10 / 0.1
    [107, 0.7, 'NEEDS_ACCELERATION', 114], // 0.07 / 0.1
    [103, 0.3, 'LIMITED_PROGRESS', 106], // 0.03 / 0.1
    [100, 0, 'LIMITED_PROGRESS', 100], // no change is no progress, but not a deterioration (ratio ≥ 0)
    [95, -0.5, 'DETERIORATION', 90], // −0.05 / 0.1
  ])('a value of %p after one year gives ratio %p, %s, projected %p', (value, ratio, status, projectedValue) => {
    expect(outlookOf(growing, at(2022, value), TWO_YEARS, THRESHOLDS)).toEqual({
      status,
      reason: null,
      ratio,
      projectedValue,
      method: 'COMPOUND_GROWTH',
      projectionMethod: 'LINEAR_TREND',
      latestValue: value,
      latestFiscalYear: 2022,
      ...TWO_YEARS,
    });
  });

  it('uses compound growth for the ratio when baseline, value and target are all positive (not the straight line)', () => {
    // Geometric: needed (400/100)^(1/2) − 1 = 1, observed 200/100 − 1 = 1, ratio 1. The straight line would
    // say (200 − 100) / ((400 − 100) / 2) = 0.667, NEEDS_ACCELERATION. The projection is the line: 300.
    const outlook = outlookOf({ current: 100, target: 400, targetBound: null }, at(2022, 200), TWO_YEARS, THRESHOLDS);
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 1, method: 'COMPOUND_GROWTH', projectedValue: 300 });
  });

  it('uses the straight line when the target is 0 (6-5-4: 108 people ▶▶ 0, migration in balance)', () => {
    // Needed (0 − 108) / 6 = −18 a year; observed (72 − 108) / 2 = −18; ratio 1; projected 108 − 18 × 6 = 0.
    const outlook = outlookOf({ current: 108, target: 0, targetBound: null }, at(2023, 72), PLAN, THRESHOLDS);
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 1, method: 'LINEAR_GROWTH', projectedValue: 0 });
  });

  it('uses the straight line when the baseline is 0, and a fall is progress toward a lower target', () => {
    // Baseline 0, target 12 over 6 years: needed 2 a year; observed (3 − 0) / 3 = 1 a year; ratio 0.5.
    expect(outlookOf({ current: 0, target: 12, targetBound: null }, at(2024, 3), PLAN, THRESHOLDS)).toMatchObject({
      status: 'LIMITED_PROGRESS',
      ratio: 0.5,
      method: 'LINEAR_GROWTH',
      projectedValue: 6,
    });
    // Decreasing geometric: needed (81/100)^(1/2) − 1 = −0.1, observed 90/100 − 1 = −0.1, ratio 1; line: 80.
    expect(
      outlookOf({ current: 100, target: 81, targetBound: null }, at(2022, 90), TWO_YEARS, THRESHOLDS),
    ).toMatchObject({ status: 'ON_TRACK', ratio: 1, projectedValue: 80 });
  });

  it('rounds the ratio to three decimals and reads the status from the rounded ratio', () => {
    // 5-1-1 (82.31 % ▶▶ 85 %): needed (85/82.31)^(1/6) − 1 = 0.005373…; 83.2 in FY2023:
    // observed (83.2/82.31)^(1/2) − 1 = 0.005391…, ratio 1.00329…; line 82.31 + 0.445 × 6 = 84.98.
    const outlook = outlookOf({ current: 82.31, target: 85, targetBound: null }, at(2023, 83.2), PLAN, THRESHOLDS);
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 1.003, projectedValue: 84.98 });
  });
});

describe('outlookOf: the projection, a straight line within the unit', () => {
  it("fits every recorded year by least squares, as a spreadsheet's TREND does", () => {
    // 5-1-1: (2021, 82.31), (2023, 83.2), (2024, 83.7): mean year 2022.667, mean value 83.07; slope
    // Σdx·dy / Σdx² = 2.15 / 4.6667 = 0.46071; at 2027: 83.07 + 0.46071 × 4.3333 = 85.0664.
    const series = [at(2023, 83.2), at(2024, 83.7)];
    const outlook = outlookOf({ current: 82.31, target: 85, targetBound: null }, at(2024, 83.7), PLAN, THRESHOLDS, {
      series,
      range: valueRangeOf('%', false),
    });
    expect(outlook).toMatchObject({ ratio: 1.042, projectedValue: 85.07, projectionMethod: 'LINEAR_TREND' });
    expect(linearTrendAt([at(2021, 82.31), ...series], 2027)).toBeCloseTo(85.0664, 4);
  });

  it('keeps 5-6-2 (1 件 ▶▶ 520 件) in the world: the line, not 45³ = 91,125 件 from compounding', () => {
    // 45 in FY2023: observed (45/1)^(1/2) − 1 = 5.708 a year against a needed 520^(1/6) − 1 = 1.836: ON_TRACK.
    // The line through (2021, 1) and (2023, 45) rises 22 a year: 1 + 22 × 6 = 133 by FY2027.
    const outlook = outlookOf({ current: 1, target: 520, targetBound: null }, at(2023, 45), PLAN, THRESHOLDS, {
      range: valueRangeOf('件', false),
    });
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 3.109, projectedValue: 133 });
  });

  it('keeps a percentage within 0–100 (6-4-2 マイナンバーカードの交付率 36.1 % ▶▶ 100 %)', () => {
    // 60 % in FY2023: the line rises 11.95 points a year, 36.1 + 11.95 × 6 = 107.8 %: clamped to 100.
    const outlook = outlookOf({ current: 36.1, target: 100, targetBound: null }, at(2023, 60), PLAN, THRESHOLDS, {
      range: valueRangeOf('%', false),
    });
    expect(outlook).toMatchObject({ projectedValue: 100, projectionMethod: 'LINEAR_TREND_CLAMPED' });
  });

  it('keeps a count at 0 or more, and lets a signed quantity fall below 0', () => {
    // 5-5-2 (36 ▶▶ 30 件): 20 in FY2023 falls 8 a year; 36 − 8 × 6 = −12 件: clamped to 0.
    const basis = { current: 36, target: 30, targetBound: null };
    expect(outlookOf(basis, at(2023, 20), PLAN, THRESHOLDS, { range: valueRangeOf('件', false) })).toMatchObject({
      projectedValue: 0,
      projectionMethod: 'LINEAR_TREND_CLAMPED',
    });
    // 6-5-4 (転入人口−転出人口, 108 ▶▶ 0 人): 40 in FY2023 falls 34 a year; 108 − 34 × 6 = −96 people.
    const migration = { current: 108, target: 0, targetBound: null };
    expect(outlookOf(migration, at(2023, 40), PLAN, THRESHOLDS, { range: valueRangeOf('人', true) })).toMatchObject({
      projectedValue: -96,
      projectionMethod: 'LINEAR_TREND',
    });
  });
});

describe('outlookOf: targets reached and bounds', () => {
  it.each([
    ['an increase reaches its target', { current: 100, target: 121, targetBound: null }, 121],
    ['an increase goes beyond it', { current: 100, target: 121, targetBound: null }, 130],
    ['a decrease reaches its target (5-4-1: 475 ▶▶ 470 cases)', { current: 475, target: 470, targetBound: null }, 470],
    ['a decrease goes below it', { current: 475, target: 470, targetBound: null }, 400],
  ])('TARGET_ACHIEVED when %s, with the pace still measured', (_, basis, value) => {
    const outlook = outlookOf(basis, at(2022, value), TWO_YEARS, THRESHOLDS);
    expect(outlook.status).toBe('TARGET_ACHIEVED');
    expect(outlook.reason).toBeNull();
    expect(outlook.ratio).toBeGreaterThanOrEqual(1);
  });

  it('is not TARGET_ACHIEVED short of a decreasing target', () => {
    const outlook = outlookOf({ current: 475, target: 470, targetBound: null }, at(2022, 474), TWO_YEARS, THRESHOLDS);
    // (474/475 − 1) / ((470/475)^(1/2) − 1) = −0.0021053 / −0.0052771 = 0.39894…
    expect(outlook).toMatchObject({ status: 'LIMITED_PROGRESS', ratio: 0.399 });
  });

  it('is TARGET_ACHIEVED in the baseline year itself when the target is reached, with no pace', () => {
    expect(outlookOf(growing, at(2021, 125), TWO_YEARS, THRESHOLDS)).toMatchObject({
      status: 'TARGET_ACHIEVED',
      ratio: null,
      projectedValue: null,
    });
  });

  it.each([
    ['a ceiling kept (6-5-1: 89.3 % ▶▶ 92.7 %以内)', '以内', 92.7, 'TARGET_ACHIEVED'],
    ['a ceiling exceeded', '以内', 92.8, 'DETERIORATION'],
    ['a ceiling (以下) kept below the baseline', '以下', 80, 'TARGET_ACHIEVED'],
    ['a floor (以上) missed', '以上', 92.6, 'DETERIORATION'],
    ['a floor kept', '以上', 92.7, 'TARGET_ACHIEVED'],
  ])('%s is %s, without a pace', (_, targetBound, value, status) => {
    const outlook = outlookOf({ current: 89.3, target: 92.7, targetBound }, at(2021, value), PLAN, THRESHOLDS);
    expect(outlook).toEqual({
      status,
      reason: null,
      ratio: null,
      projectedValue: null,
      method: 'BOUND',
      projectionMethod: null,
      latestValue: value,
      latestFiscalYear: 2021,
      ...PLAN,
    });
  });

  it('assesses a bound without a baseline', () => {
    const outlook = outlookOf({ current: null, target: 3.7, targetBound: '以内' }, at(2024, 3.5), PLAN, THRESHOLDS);
    expect(outlook.status).toBe('TARGET_ACHIEVED');
  });
});

describe('outlookOf: NOT_ASSESSED and its reason', () => {
  it.each([
    ['NO_TARGET', { current: 5, target: null, targetBound: null }, at(2024, 6)],
    ['NO_BASELINE', { current: null, target: 2, targetBound: null }, at(2024, 1)], // 5-1-3: — ▶▶ 2 件
    ['NO_DISTANCE', { current: 0, target: 0, targetBound: null }, at(2024, 1)], // 6-5-3: 0 % ▶▶ 0 %
    ['NO_RESULT', growing, null],
    ['NO_YEAR_AFTER_BASELINE', growing, at(2021, 110)],
    ['NO_YEAR_AFTER_BASELINE', growing, at(2020, 110)],
  ])('%s', (reason, basis, latest) => {
    const outlook = outlookOf(basis, latest, PLAN, THRESHOLDS);
    expect(outlook).toEqual({
      status: 'NOT_ASSESSED',
      reason,
      ratio: null,
      projectedValue: null,
      method: null,
      projectionMethod: null,
      latestValue: latest?.value ?? null,
      latestFiscalYear: latest?.fiscalYear ?? null,
      ...PLAN,
    });
  });

  it('names the missing target before the missing result', () => {
    expect(outlookOf({ current: 5, target: null, targetBound: null }, null, PLAN, THRESHOLDS).reason).toBe('NO_TARGET');
  });
});

describe('statusOfRatio', () => {
  it.each([
    [2, 'ON_TRACK'],
    [0.95, 'ON_TRACK'],
    [0.949, 'NEEDS_ACCELERATION'],
    [0.6, 'NEEDS_ACCELERATION'],
    [0.599, 'LIMITED_PROGRESS'],
    [0, 'LIMITED_PROGRESS'],
    [-0.001, 'DETERIORATION'],
  ])('a ratio of %p is %s (each threshold inclusive)', (ratio, status) => {
    expect(statusOfRatio(ratio, THRESHOLDS)).toBe(status);
  });

  it('takes its thresholds from the data it is given', () => {
    expect(statusOfRatio(0.9, { onTrack: 0.9, needsAcceleration: 0.5, limitedProgress: -0.1 })).toBe('ON_TRACK');
    expect(statusOfRatio(-0.05, { onTrack: 0.9, needsAcceleration: 0.5, limitedProgress: -0.1 })).toBe(
      'LIMITED_PROGRESS',
    );
  });
});
