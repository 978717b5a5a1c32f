import fc from 'fast-check';
import { hostAndPort } from '../../../../src/platform/observability/tracing/http-request-spans';

/** How a span's server.address and server.port are read from the host a client asked for (Host, or a proxy's). */
describe('hostAndPort', () => {
  const names = fc.oneof(
    fc.domain(),
    fc.ipV4(),
    fc.ipV6().map((address) => `[${address}]`),
  );

  it('reads any name, IPv4 or bracketed IPv6 with or without a port, giving the address unbracketed', () => {
    fc.assert(
      fc.property(names, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), (name, port) => {
        const host = port === undefined ? name : `${name}:${port}`;
        expect(hostAndPort(host)).toEqual({ address: name.replace(/^\[(.*)\]$/, '$1'), port });
      }),
    );
  });

  it('reads nothing from a port out of range or text that is no host[:port]', () => {
    fc.assert(
      fc.property(names, fc.oneof(fc.constant(0), fc.integer({ min: 65536, max: 99999 })), (name, port) => {
        expect(hostAndPort(`${name}:${port}`)).toBeUndefined();
      }),
    );
    for (const unreadable of ['', ':80', 'a:b', 'example.org:80:80', '[::1', 'example.org:']) {
      expect({ unreadable, read: hostAndPort(unreadable) }).toEqual({ unreadable, read: undefined });
    }
  });
});
