import { OPERATION_LABEL, OperationLabels } from '../../../../src/platform/observability/metrics/operation-labels';

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

describe('fair shares of operation labels', () => {
  it('lets each client bring in only its share of new names; names already in count for everyone', () => {
    const labels = new OperationLabels(100, 3);
    const junk = Array.from({ length: 50 }, (_, i) => labels.labelFor(true, `Junk${i}`, { client: 'a' }));
    expect(junk.filter((label) => label !== OPERATION_LABEL.other)).toEqual(['Junk0', 'Junk1', 'Junk2']);
    // Another client's real operation still gets its own series, and a name in is counted for every client.
    expect(labels.labelFor(true, 'Dashboard', { client: 'b' })).toBe('Dashboard');
    expect(labels.labelFor(true, 'Dashboard', { client: 'a' })).toBe('Dashboard');
  });
});
