import { AllowedHosts } from '../../../../src/platform/http/allowed-hosts';

describe('AllowedHosts', () => {
  it('answers its names with any port, in any case, with a trailing dot, and nothing else', () => {
    const hosts = AllowedHosts.of(['api.example.org'], '127.0.0.1');
    for (const host of ['api.example.org', 'API.example.org:4000', 'api.example.org.']) {
      expect(hosts.allowsHost(host)).toBe(true);
    }
    for (const host of [undefined, '', 'evil.example', 'api.example.org.evil.example', 'api.example.org@evil', 'a b']) {
      expect(hosts.allowsHost(host)).toBe(false);
    }
  });

  it('keeps its own names beside those ALLOWED_HOSTS adds, so a check by address is never locked out', () => {
    const hosts = AllowedHosts.of(['api.example.org'], '10.1.2.3');
    for (const host of ['api.example.org', 'localhost:4000', '127.0.0.1', '[::1]:4000', '10.1.2.3:4000']) {
      expect({ host, allowed: hosts.allowsHost(host) }).toEqual({ host, allowed: true });
    }
    expect(hosts.allowsHost('10.1.2.4')).toBe(false);
    expect(AllowedHosts.of('*', '127.0.0.1').allowsHost('anything.example')).toBe(true);
  });

  it('gives the same verdicts once it remembers allowed values, past its cap too', () => {
    const hosts = AllowedHosts.of(undefined, '127.0.0.1');
    // More allowed values than it remembers (64), each asked twice: the second time comes from memory.
    const allowed = Array.from({ length: 100 }, (_, i) => `localhost:${4000 + i}`);
    for (let round = 0; round < 2; round++) {
      expect(allowed.filter((host) => !hosts.allowsHost(host))).toEqual([]);
      // A refused name stays refused beside the remembered ones.
      expect(hosts.allowsHost('rebound.example')).toBe(false);
      expect(hosts.allowsHost('rebound.example:4000')).toBe(false);
    }
    expect(hosts.allowsHost('[::1]:4000')).toBe(true);
    // Too long to remember (leading zeros make any port that long), and still allowed every time.
    const long = `localhost:${'0'.repeat(400)}4000`;
    expect([hosts.allowsHost(long), hosts.allowsHost(long)]).toEqual([true, true]);
  });
});
