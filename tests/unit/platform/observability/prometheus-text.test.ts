import { readExposition, sampleValue } from '../../../helpers/prometheus-text';

/** The metrics tests' reader of the text format: it must refuse what Prometheus would refuse. */
describe('reading a Prometheus exposition', () => {
  const valid = [
    '# HELP demo_seconds A histogram.',
    '# TYPE demo_seconds histogram',
    'demo_seconds_bucket{le="0.1",operation="A \\"quoted\\" name"} 1',
    'demo_seconds_bucket{le="+Inf",operation="A \\"quoted\\" name"} 2',
    'demo_seconds_sum{operation="A \\"quoted\\" name"} 0.35',
    'demo_seconds_count{operation="A \\"quoted\\" name"} 2',
    'demo_lag_seconds Nan',
    'demo_total 3 1700000000000',
    '',
  ].join('\n');

  it('reads samples with their labels, unescaped, and sums the ones asked for', () => {
    const exposition = readExposition(valid);
    expect(exposition.types.get('demo_seconds')).toBe('histogram');
    expect(sampleValue(exposition, 'demo_seconds_count', { operation: 'A "quoted" name' })).toBe(2);
    expect(sampleValue(exposition, 'demo_seconds_bucket')).toBe(3);
    expect(sampleValue(exposition, 'demo_lag_seconds')).toBeNaN();
    expect(sampleValue(exposition, 'demo_total')).toBe(3);
    expect(sampleValue(exposition, 'absent')).toBeUndefined();
  });

  it.each([
    ['an unclosed label value', 'demo{a="1} 2', /line 1 .*not a sample line|malformed labels/],
    ['a label without quotes', 'demo{a=1} 2', /line 1 .*malformed labels/],
    ['a label twice', 'demo{a="1",a="2"} 2', /label a twice/],
    ['a value that is not a number', 'demo 12abc', /the value is not a number/],
    ['no value', 'demo', /not a sample line/],
    ['a second TYPE', '# TYPE demo gauge\n# TYPE demo counter', /line 2 .*a second TYPE for demo/],
    ['an unknown type', '# TYPE demo gaugeish', /line 1 .*not a sample line/],
  ])('refuses %s', (_case, text, message) => {
    expect(() => readExposition(text)).toThrow(message);
  });
});
