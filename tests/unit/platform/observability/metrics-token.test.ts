import { carriesMetricsToken } from '../../../../src/platform/observability/metrics/metrics-token';

describe('the metrics bearer token', () => {
  const token = 'a-metrics-token-of-32-characters!';

  it('accepts exactly `Bearer <token>` (scheme in any case)', () => {
    expect(carriesMetricsToken(`Bearer ${token}`, token)).toBe(true);
    expect(carriesMetricsToken(`bearer ${token}`, token)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['the token without a scheme', token],
    ['another scheme', `Basic ${token}`],
    ['a prefix of the token', `Bearer ${token.slice(0, -1)}`],
    ['the token and more', `Bearer ${token}x`],
    ['one character changed', `Bearer ${token.slice(0, -1)}?`],
    ['two tokens', `Bearer ${token} ${token}`],
    ['an empty token', 'Bearer '],
  ])('refuses %s', (_case, header) => {
    expect(carriesMetricsToken(header, token)).toBe(false);
  });
});
