import { clientKey } from '../../../../src/platform/http/client-address';

describe('client keys for fair shares', () => {
  it('keeps an IPv4 address, and folds its IPv6-mapped form into it', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });

  it('counts every loopback address as one client', () => {
    expect(new Set(['127.0.0.1', '127.0.0.2', '127.9.8.7', '::1', '::ffff:127.0.0.5'].map(clientKey))).toEqual(
      new Set(['loopback']),
    );
  });

  it('counts an IPv6 address by its /64 network, whatever its spelling', () => {
    const one = ['2001:db8:1:2::1', '2001:0db8:0001:0002:ffff:1:2:3', '2001:db8:1:2:0:0:0:9%eth0'].map(clientKey);
    expect(new Set(one)).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(clientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientKey('fe80::1')).toBe('fe80:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});
