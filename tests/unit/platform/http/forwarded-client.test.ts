import type { IncomingHttpHeaders } from 'node:http';
import { TrustedProxies, type ArrivedRequest } from '../../../../src/platform/http/forwarded-client';

/** A request as node:http hands it over: its headers (names in lower case) and its connection's peer. */
function arrived(peer: string, headers: IncomingHttpHeaders = {}, encrypted = false): ArrivedRequest {
  return { headers: { host: 'api.example.org', ...headers }, socket: { remoteAddress: peer, encrypted } };
}

const BEHIND_NGINX = TrustedProxies.of(['127.0.0.1', '10.0.0.0/8']);

describe('the client behind trusted proxies', () => {
  it('is the peer itself when no proxy is trusted, whatever the headers say', () => {
    const request = arrived('192.0.2.9', {
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'rebound.example',
      forwarded: 'for=203.0.113.8;proto=https;host=rebound.example',
    });
    expect(TrustedProxies.of([]).clientOf(request)).toEqual({
      address: '192.0.2.9',
      protocol: 'http',
      host: 'api.example.org',
    });
  });

  it('ignores the headers of a peer that is not trusted (a client spoofing them)', () => {
    const spoofed = arrived('192.0.2.9', {
      'x-forwarded-for': '10.0.0.1',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'localhost',
    });
    expect(BEHIND_NGINX.clientOf(spoofed)).toEqual({ address: '192.0.2.9', protocol: 'http', host: 'api.example.org' });
    // The socket's own TLS still counts.
    expect(BEHIND_NGINX.clientOf(arrived('192.0.2.9', {}, true)).protocol).toBe('https');
  });

  it('takes the client, scheme and host a trusted proxy reports', () => {
    const request = arrived('127.0.0.1', {
      host: 'backend:4000',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'api.example.org',
    });
    expect(BEHIND_NGINX.clientOf(request)).toEqual({
      address: '203.0.113.7',
      protocol: 'https',
      host: 'api.example.org',
    });
  });

  it('walks several hops from the right, stopping at the first untrusted one', () => {
    // The client wrote 198.51.100.1 itself; nginx appended the real peer 203.0.113.7, an inner proxy 10.1.2.3.
    const request = arrived('10.0.0.5', { 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.1.2.3' });
    expect(BEHIND_NGINX.clientOf(request).address).toBe('203.0.113.7');
    // Every hop trusted: the leftmost is the client, as proxy-addr has it.
    expect(BEHIND_NGINX.clientOf(arrived('127.0.0.1', { 'x-forwarded-for': '10.9.9.9, 10.1.2.3' })).address).toBe(
      '10.9.9.9',
    );
    // Repeated headers are one list.
    const repeated = arrived('127.0.0.1', { 'x-forwarded-for': ['198.51.100.1', '203.0.113.7'] as unknown as string });
    expect(BEHIND_NGINX.clientOf(repeated).address).toBe('203.0.113.7');
  });

  it('pairs the scheme with the hop that saw the client when every proxy appends, else takes the last', () => {
    const appended = arrived('10.0.0.5', {
      'x-forwarded-for': '203.0.113.7, 10.1.2.3',
      'x-forwarded-proto': 'https, http',
    });
    expect(BEHIND_NGINX.clientOf(appended).protocol).toBe('https');
    const set = arrived('10.0.0.5', { 'x-forwarded-for': '203.0.113.7, 10.1.2.3', 'x-forwarded-proto': 'https' });
    expect(BEHIND_NGINX.clientOf(set).protocol).toBe('https');
  });

  it('reads RFC 7239 Forwarded, quoted IPv6 and ports included, when there is no X-Forwarded-For', () => {
    const request = arrived('127.0.0.1', {
      forwarded: 'for="[2001:db8:cafe::17]:4711";proto=https;host=api.example.org, for=10.1.2.3;proto=http',
    });
    expect(BEHIND_NGINX.clientOf(request)).toEqual({
      address: '2001:db8:cafe::17',
      protocol: 'https',
      host: 'api.example.org',
    });
    expect(BEHIND_NGINX.clientOf(arrived('127.0.0.1', { forwarded: 'for="192.0.2.60:8080"' })).address).toBe(
      '192.0.2.60',
    );
  });

  it("prefers X-Forwarded-For, which nginx appends to, over a client's own Forwarded it passes on", () => {
    const request = arrived('127.0.0.1', { forwarded: 'for=10.0.0.1', 'x-forwarded-for': '203.0.113.7' });
    expect(BEHIND_NGINX.clientOf(request).address).toBe('203.0.113.7');
  });

  it('trusts IPv6 proxies by range and sees an IPv4 peer on an IPv6 socket as itself', () => {
    const proxies = TrustedProxies.of(['fd00::/8', '127.0.0.1']);
    expect(proxies.clientOf(arrived('fd12::1', { 'x-forwarded-for': '2001:db8::9' })).address).toBe('2001:db8::9');
    expect(proxies.clientOf(arrived('::ffff:127.0.0.1', { 'x-forwarded-for': '2001:db8::9' })).address).toBe(
      '2001:db8::9',
    );
    expect(proxies.clientOf(arrived('2001:db8::1', { 'x-forwarded-for': '10.0.0.1' })).address).toBe('2001:db8::1');
  });

  it('stops at the proxy that reports a hop it cannot name, and ignores malformed values', () => {
    // `unknown` and obfuscated names (RFC 7239 6.3) are no address: the client is the proxy that said so.
    expect(BEHIND_NGINX.clientOf(arrived('127.0.0.1', { forwarded: 'for=unknown;proto=https' }))).toEqual({
      address: '127.0.0.1',
      protocol: 'https',
      host: 'api.example.org',
    });
    expect(BEHIND_NGINX.clientOf(arrived('127.0.0.1', { 'x-forwarded-for': 'not-an-address' })).address).toBe(
      '127.0.0.1',
    );
    expect(BEHIND_NGINX.clientOf(arrived('127.0.0.1', { 'x-forwarded-for': '203.0.113.7, _hidden' })).address).toBe(
      '127.0.0.1',
    );
    // A Forwarded header that does not parse says nothing at all.
    expect(BEHIND_NGINX.clientOf(arrived('127.0.0.1', { forwarded: 'for=203.0.113.7;proto="https' }))).toEqual({
      address: '127.0.0.1',
      protocol: 'http',
      host: 'api.example.org',
    });
    // A scheme that is neither http nor https is ignored; blank lists are none.
    const odd = arrived('127.0.0.1', { 'x-forwarded-for': ' , ', 'x-forwarded-proto': 'gopher' });
    expect(BEHIND_NGINX.clientOf(odd)).toEqual({ address: '127.0.0.1', protocol: 'http', host: 'api.example.org' });
  });

  it('takes a trusted peer’s scheme and host even when it names no client', () => {
    const request = arrived('127.0.0.1', { 'x-forwarded-proto': 'HTTPS', 'x-forwarded-host': 'api.example.org:443' });
    expect(BEHIND_NGINX.clientOf(request)).toEqual({
      address: '127.0.0.1',
      protocol: 'https',
      host: 'api.example.org:443',
    });
  });
});
