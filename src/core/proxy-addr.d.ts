/**
 * The part of `proxy-addr` 2.x (the trust rules behind Express's `trust proxy`) that the service calls: the
 * compilation of addresses, CIDR ranges and keywords into one trust test. It ships no types of its own.
 */
declare module 'proxy-addr' {
  namespace proxyaddr {
    /** Whether the hop `hopIndex` away from the socket (0: the peer itself), at `address`, is trusted. */
    type TrustFunction = (address: string, hopIndex: number) => boolean;
    /**
     * One trust test from addresses (`10.0.0.1`), CIDR ranges (`10.0.0.0/8`, `fd00::/8`, `10.0.0.0/255.0.0.0`)
     * and the keywords `loopback`, `linklocal` and `uniquelocal`; throws a TypeError naming a bad entry.
     */
    function compile(trust: string | readonly string[]): TrustFunction;
  }
  export = proxyaddr;
}
