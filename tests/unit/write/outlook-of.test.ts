import { outlookOf, statusOfRatio } from '../../../src/write/outlook-of';

const THRESHOLDS = { onTrack: 0.95, needsAcceleration: 0.6, limitedProgress: 0 };
/** Two years from baseline to target, so the needed growth rates come out round. */
const TWO_YEARS = { baselineFiscalYear: 2021, targetFiscalYear: 2023 };
/** The plan-wide years of seed/reference/outlook.yaml. */
const PLAN = { baselineFiscalYear: 2021, targetFiscalYear: 2027 };

const growing = { current: 100, target: 121, targetBound: null };
const at = (fiscalYear: number, value: number) => ({ fiscalYear, value });

describe('outlookOf: the ratio of observed to needed growth', () => {
  it.each([
    // needed: (121/100)^(1/2) − 1 = 0.1 a year; observed over one year: value/100 − 1.
    [110, 1, 'ON_TRACK', 121], // 0.10 / 0.1; 100 × 1.1² = 121
    [107, 0.7, 'NEEDS_ACCELERATION', 114.49], // 0.07 / 0.1; 100 × 1.07²
    [103, 0.3, 'LIMITED_PROGRESS', 106.09], // 0.03 / 0.1; 100 × 1.03²
    [100, 0, 'LIMITED_PROGRESS', 100], // no change is no progress, but not a deterioration (ratio ≥ 0)
    [95, -0.5, 'DETERIORATION', 90.25], // −0.05 / 0.1; 100 × 0.95²
  ])('a value of %p after one year gives ratio %p, %s, projected %p', (value, ratio, status, projectedValue) => {
    expect(outlookOf(growing, at(2022, value), TWO_YEARS, THRESHOLDS)).toEqual({
      status,
      reason: null,
      ratio,
      projectedValue,
      latestValue: value,
      latestFiscalYear: 2022,
      ...TWO_YEARS,
    });
  });

  it('uses compound growth when baseline, value and target are all positive (not the straight line)', () => {
    // Geometric: needed (400/100)^(1/2) − 1 = 1, observed 200/100 − 1 = 1, ratio 1, projected 100 × 2² = 400.
    // The straight line would say (200 − 100) / ((400 − 100) / 2) = 0.667, NEEDS_ACCELERATION.
    const outlook = outlookOf({ current: 100, target: 400, targetBound: null }, at(2022, 200), TWO_YEARS, THRESHOLDS);
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 1, projectedValue: 400 });
  });

  it('uses the straight line when the target is 0 (6-5-4: 108 people ▶▶ 0, migration in balance)', () => {
    // Needed (0 − 108) / 6 = −18 a year; observed (72 − 108) / 2 = −18; ratio 1; projected 108 − 18 × 6 = 0.
    const outlook = outlookOf({ current: 108, target: 0, targetBound: null }, at(2023, 72), PLAN, THRESHOLDS);
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 1, projectedValue: 0 });
  });

  it('uses the straight line when the baseline is 0, and a fall is progress toward a lower target', () => {
    // Baseline 0, target 12 over 6 years: needed 2 a year; observed (3 − 0) / 3 = 1 a year; ratio 0.5.
    expect(outlookOf({ current: 0, target: 12, targetBound: null }, at(2024, 3), PLAN, THRESHOLDS)).toMatchObject({
      status: 'LIMITED_PROGRESS',
      ratio: 0.5,
      projectedValue: 6,
    });
    // Decreasing geometric: needed (81/100)^(1/2) − 1 = −0.1, observed 90/100 − 1 = −0.1, ratio 1.
    expect(
      outlookOf({ current: 100, target: 81, targetBound: null }, at(2022, 90), TWO_YEARS, THRESHOLDS),
    ).toMatchObject({ status: 'ON_TRACK', ratio: 1, projectedValue: 81 });
  });

  it('rounds the ratio to three decimals and reads the status from the rounded ratio', () => {
    // 5-1-1 (82.31 % ▶▶ 85 %): needed (85/82.31)^(1/6) − 1 = 0.005373…; 83.2 in FY2023:
    // observed (83.2/82.31)^(1/2) − 1 = 0.005391…, ratio 1.00329…; projected 82.31 × 1.005391…^6 = 85.00897….
    const outlook = outlookOf({ current: 82.31, target: 85, targetBound: null }, at(2023, 83.2), PLAN, THRESHOLDS);
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 1.003, projectedValue: 85.01 });
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
