import fc from 'fast-check';
import { IndicatorOutlookStatus } from '../../../src/graph/outlook-status';
import { compoundGrowthApplies, outlookOf, statusOfRatio } from '../../../src/write/outlook-of';
import { valueRangeOf } from '../../../src/write/value-range';

const THRESHOLDS = { onTrack: 0.95, needsAcceleration: 0.6, limitedProgress: 0, compoundGrowthMaxFactor: 10 };
/** Two years from baseline to target, so the needed growth rates come out round. */
const TWO_YEARS = { baselineFiscalYear: 2021, targetFiscalYear: 2023 };
/** The plan-wide years of seed/reference/outlook.yaml. */
const PLAN = { baselineFiscalYear: 2021, targetFiscalYear: 2027 };

const growing = { current: 100, target: 121, targetBound: null };
const at = (fiscalYear: number, value: number) => ({ fiscalYear, value });

describe('outlookOf: the ratio of observed to needed growth, and the projection of the same pace', () => {
  it.each([
    // needed: (121/100)^(1/2) − 1 = 0.1 a year; observed over one year: value/100 − 1. The projection carries the
    // observed rate on to 2023: 100 × (value/100)², so it reaches 121 exactly when the ratio reaches 1.
    [110, 1, 'ON_TRACK', 121], // 0.10 / 0.1
    [107, 0.7, 'NEEDS_ACCELERATION', 114.49], // 0.07 / 0.1
    [103, 0.3, 'LIMITED_PROGRESS', 106.09], // 0.03 / 0.1
    [100, 0, 'LIMITED_PROGRESS', 100], // no change is no progress, but not a deterioration (ratio ≥ 0)
    [95, -0.5, 'DETERIORATION', 90.25], // −0.05 / 0.1
  ])('a value of %p after one year gives ratio %p, %s, projected %p', (value, ratio, status, projectedValue) => {
    expect(outlookOf(growing, at(2022, value), TWO_YEARS, THRESHOLDS)).toEqual({
      status,
      reason: null,
      ratio,
      projectedValue,
      method: 'COMPOUND_GROWTH',
      projectionMethod: 'PACE_CARRIED_FORWARD',
      latestValue: value,
      latestFiscalYear: 2022,
      ...TWO_YEARS,
    });
  });

  it('uses compound growth when baseline, value and target are all positive (not the straight line)', () => {
    // Geometric: needed (400/100)^(1/2) − 1 = 1, observed 200/100 − 1 = 1, ratio 1, projected 100 × 2² = 400.
    // The straight line would say (200 − 100) / ((400 − 100) / 2) = 0.667, NEEDS_ACCELERATION, projected 300.
    const outlook = outlookOf({ current: 100, target: 400, targetBound: null }, at(2022, 200), TWO_YEARS, THRESHOLDS);
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 1, method: 'COMPOUND_GROWTH', projectedValue: 400 });
  });

  it('uses yearly steps when the target is 0 (6-5-4: a net outflow of 108 people ▶▶ 0, migration in balance)', () => {
    // Needed (0 + 108) / 6 = 18 a year; observed (−72 + 108) / 2 = 18; ratio 1; projected −108 + 18 × 6 = 0.
    const outlook = outlookOf({ current: -108, target: 0, targetBound: null }, at(2023, -72), PLAN, THRESHOLDS);
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 1, method: 'LINEAR_GROWTH', projectedValue: 0 });
  });

  it('uses yearly steps when the baseline is 0, and a fall is progress toward a lower target', () => {
    // Baseline 0, target 12 over 6 years: needed 2 a year; observed (3 − 0) / 3 = 1 a year; ratio 0.5.
    expect(outlookOf({ current: 0, target: 12, targetBound: null }, at(2024, 3), PLAN, THRESHOLDS)).toMatchObject({
      status: 'LIMITED_PROGRESS',
      ratio: 0.5,
      method: 'LINEAR_GROWTH',
      projectedValue: 6,
    });
    // Decreasing geometric: needed (81/100)^(1/2) − 1 = −0.1, observed 90/100 − 1 = −0.1, ratio 1; 100 × 0.9² = 81.
    expect(
      outlookOf({ current: 100, target: 81, targetBound: null }, at(2022, 90), TWO_YEARS, THRESHOLDS),
    ).toMatchObject({ status: 'ON_TRACK', ratio: 1, projectedValue: 81 });
  });

  it('rounds the ratio to three decimals and reads the status from the rounded ratio', () => {
    // 5-1-1 (82.31 % ▶▶ 85 %): needed (85/82.31)^(1/6) − 1 = 0.005373…; 83.2 in FY2023:
    // observed (83.2/82.31)^(1/2) − 1 = 0.005391…, ratio 1.00329…; projected 82.31 × (83.2/82.31)³ = 85.009.
    const outlook = outlookOf({ current: 82.31, target: 85, targetBound: null }, at(2023, 83.2), PLAN, THRESHOLDS);
    expect(outlook).toMatchObject({ status: 'ON_TRACK', ratio: 1.003, projectedValue: 85.01 });
  });
});

describe('outlookOf: one reading per row', () => {
  it('projects 5-2-3 (545 ▶▶ 2,000 人) on the pace its status measures, not on a line that misses the target', () => {
    // 1,000 in FY2023: observed (1000/545)^(1/2) − 1 = 0.3546 a year against a needed (2000/545)^(1/6) − 1 =
    // 0.2420: ratio 1.465, ON_TRACK, and the same rate reaches 545 × (1000/545)³ = 3,367 人 by FY2027. A straight
    // line would have projected 1,910 人 beside 達成の見込み.
    const outlook = outlookOf({ current: 545, target: 2000, targetBound: null }, at(2023, 1000), PLAN, THRESHOLDS, {
      range: valueRangeOf('人', false),
      decimals: 0,
    });
    expect(outlook).toMatchObject({
      status: 'ON_TRACK',
      ratio: 1.465,
      method: 'COMPOUND_GROWTH',
      projectedValue: 3367,
    });
  });

  it('falls back to yearly steps for both status and projection on a tiny base (5-6-2, 1 件 ▶▶ 520 件)', () => {
    // 520 is more than 10 times 1: compound growth would read 45 件 in FY2023 as ON_TRACK (ratio 3.109) and carry
    // it to 45³ = 91,125 件. Yearly steps: 22 件 a year against 86.5 needed, ratio 0.254, and 1 + 22 × 6 = 133 件.
    const outlook = outlookOf({ current: 1, target: 520, targetBound: null }, at(2023, 45), PLAN, THRESHOLDS, {
      range: valueRangeOf('件', false),
      decimals: 0,
    });
    expect(outlook).toMatchObject({
      status: 'LIMITED_PROGRESS',
      ratio: 0.254,
      method: 'LINEAR_GROWTH',
      projectedValue: 133,
    });
  });

  it('uses compound growth exactly while the value and the target lie within the factor of the baseline', () => {
    expect(compoundGrowthApplies(100, 1000, 500, 10)).toBe(true);
    expect(compoundGrowthApplies(100, 1001, 500, 10)).toBe(false);
    expect(compoundGrowthApplies(100, 50, 10, 10)).toBe(true);
    expect(compoundGrowthApplies(100, 50, 9.9, 10)).toBe(false);
    expect(compoundGrowthApplies(0, 5, 9, 10)).toBe(false);
    expect(compoundGrowthApplies(-5, 5, 9, 10)).toBe(false);
  });

  it('keeps a percentage within 0–100 (6-4-2 マイナンバーカードの交付率 36.1 % ▶▶ 100 %)', () => {
    // 60 % in FY2023 compounds to 36.1 × (60/36.1)³ = 165.7 %: clamped to 100, still on the target's side.
    const outlook = outlookOf({ current: 36.1, target: 100, targetBound: null }, at(2023, 60), PLAN, THRESHOLDS, {
      range: valueRangeOf('%', false),
    });
    expect(outlook).toMatchObject({
      status: 'ON_TRACK',
      projectedValue: 100,
      projectionMethod: 'PACE_CARRIED_FORWARD_CLAMPED',
    });
  });

  it('keeps a count at 0 or more, and lets a signed quantity fall below 0', () => {
    // 10 ▶▶ 0 件: 2 in FY2023 falls 4 a year; 10 − 4 × 6 = −14 件: clamped to 0.
    const basis = { current: 10, target: 0, targetBound: null };
    expect(outlookOf(basis, at(2023, 2), PLAN, THRESHOLDS, { range: valueRangeOf('件', false) })).toMatchObject({
      projectedValue: 0,
      projectionMethod: 'PACE_CARRIED_FORWARD_CLAMPED',
    });
    // 6-5-4 (転入人口−転出人口, −108 ▶▶ 0 人): −40 in FY2023 rises 34 a year; −108 + 34 × 6 = 96 people.
    const migration = { current: -108, target: 0, targetBound: null };
    expect(outlookOf(migration, at(2023, -40), PLAN, THRESHOLDS, { range: valueRangeOf('人', true) })).toMatchObject({
      projectedValue: 96,
      projectionMethod: 'PACE_CARRIED_FORWARD',
    });
  });

  it('rounds a count as a count', () => {
    const outlook = outlookOf({ current: 43, target: 100, targetBound: null }, at(2023, 50), PLAN, THRESHOLDS, {
      decimals: 0,
    });
    expect(Number.isInteger(outlook.projectedValue)).toBe(true);
  });

  it('never lets status and projection disagree, for any baseline, target, value, year and unit', () => {
    const unit = fc.constantFrom('signed', '%', '件');
    const case_ = unit.chain((kind) => {
      const value =
        kind === '%'
          ? fc.integer({ min: 0, max: 10000 }).map((hundredths) => hundredths / 100)
          : kind === '件'
            ? fc.integer({ min: 0, max: 100000 })
            : fc.integer({ min: -5000, max: 5000 });
      return fc.record({
        kind: fc.constant(kind),
        baseline: value,
        target: value,
        latest: value,
        year: fc.integer({ min: 2022, max: 2027 }),
      });
    });
    fc.assert(
      fc.property(case_, ({ kind, baseline, target, latest, year }) => {
        fc.pre(baseline !== target);
        const outlook = outlookOf(
          { current: baseline, target, targetBound: null },
          at(year, latest),
          PLAN,
          THRESHOLDS,
          {
            range: valueRangeOf(kind === 'signed' ? '人' : kind, kind === 'signed'),
            decimals: 12,
          },
        );
        const { status, projectedValue, ratio, method } = outlook;
        expect(projectedValue).not.toBeNull();
        expect(ratio).not.toBeNull();
        const projected = projectedValue as number;
        const towardTarget = Math.sign(target - baseline);
        const reaches = (projected - target) * towardTarget >= -1e-6;
        const covered = (projected - baseline) * towardTarget;
        // A projection that reaches the target is read as reaching it; one that does not never is.
        if (reaches)
          expect([IndicatorOutlookStatus.ON_TRACK, IndicatorOutlookStatus.TARGET_ACHIEVED]).toContain(status);
        if (status === IndicatorOutlookStatus.TARGET_ACHIEVED) expect(reaches).toBe(true);
        if ((ratio as number) < 1 - 1e-9) expect(reaches).toBe(false);
        // Moving away projects away from the target; limited or slow progress projects between baseline and target.
        if (status === IndicatorOutlookStatus.DETERIORATION) expect(covered).toBeLessThanOrEqual(1e-6);
        if (
          status === IndicatorOutlookStatus.LIMITED_PROGRESS ||
          status === IndicatorOutlookStatus.NEEDS_ACCELERATION
        ) {
          expect(covered).toBeGreaterThanOrEqual(-Math.abs(target - baseline) * 1e-3);
          expect(reaches).toBe(false);
        }
        // Unclamped, the projection's own pace is the ratio the status was read from.
        if (outlook.projectionMethod === 'PACE_CARRIED_FORWARD') {
          const span = PLAN.targetFiscalYear - PLAN.baselineFiscalYear;
          const paceOfProjection =
            method === 'COMPOUND_GROWTH'
              ? ((projected / baseline) ** (1 / span) - 1) / ((target / baseline) ** (1 / span) - 1)
              : (projected - baseline) / (target - baseline);
          expect(Math.abs(paceOfProjection - (ratio as number))).toBeLessThanOrEqual(5e-4 + 1e-6);
          if (status !== IndicatorOutlookStatus.TARGET_ACHIEVED)
            expect(statusOfRatio(ratio as number, THRESHOLDS)).toBe(status);
        }
      }),
      { numRuns: 2000 },
    );
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
    expect(statusOfRatio(0.9, { ...THRESHOLDS, onTrack: 0.9, needsAcceleration: 0.5, limitedProgress: -0.1 })).toBe(
      'ON_TRACK',
    );
    expect(statusOfRatio(-0.05, { ...THRESHOLDS, onTrack: 0.9, needsAcceleration: 0.5, limitedProgress: -0.1 })).toBe(
      'LIMITED_PROGRESS',
    );
  });
});
