import { OPERATION_LABEL, OperationLabels } from '../../../src/observability/metrics/operation-labels';

describe('operation names as metric labels', () => {
  it('keeps the first names seen, up to the cap, and counts every later new name as (other)', () => {
    const labels = new OperationLabels(2);
    expect(labels.labelFor(true, 'Dashboard')).toBe('Dashboard');
    expect(labels.labelFor(true, 'Heatmap')).toBe('Heatmap');
    expect(labels.labelFor(true, 'Invented1')).toBe(OPERATION_LABEL.other);
    expect(labels.labelFor(true, 'Invented2')).toBe(OPERATION_LABEL.other);
    // Names admitted before the cap keep their series.
    expect(labels.labelFor(true, 'Dashboard')).toBe('Dashboard');
  });

  it('labels unnamed, unresolved and overlong operations apart from any GraphQL name', () => {
    const labels = new OperationLabels();
    expect(labels.labelFor(true, undefined)).toBe('(anonymous)');
    expect(labels.labelFor(false, 'Named')).toBe('(unresolved)');
    expect(labels.labelFor(true, 'N'.repeat(65))).toBe('(other)');
    expect(labels.labelFor(true, 'N'.repeat(64))).toBe('N'.repeat(64));
    // None of them is a valid GraphQL name, so no client can take one over.
    for (const label of Object.values(OPERATION_LABEL)) expect(label).not.toMatch(/^[_A-Za-z][_0-9A-Za-z]*$/);
  });
});
