import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import parseForwarded from 'forwarded-parse';
import proxyAddr from 'proxy-addr';

/** Who sent a request, as the service judges it: the peer itself, or the client a trusted proxy names. */
export interface ForwardedClient {
  /** The client's address: the peer's, unless trusted proxies name the one before them. */
  readonly address: string | undefined;
  /** The scheme the client reached the service (or the first proxy) with. */
  readonly protocol: 'http' | 'https';
  /** The host (and port) the client asked for: `Host`, or what the proxy facing the client says it was. */
  readonly host: string | undefined;
}

/** What a request shows of itself: its headers and the connection it came on (TLS when `encrypted`). */
export interface ArrivedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly socket: { readonly remoteAddress?: string; readonly encrypted?: boolean };
}

/** One hop of a proxy chain, as the proxy after it reported it; any part it did not say, or said unreadably, absent. */
interface Hop {
  readonly address: string | undefined;
  readonly protocol: string | undefined;
  readonly host: string | undefined;
}

/** The resolution travels with its request, under a symbol no other module can name (see accessLog). */
const RESOLVED = Symbol('forwarded client');
type Resolved = ArrivedRequest & { [RESOLVED]?: ForwardedClient };

/**
 * The reverse proxies in front of the service (TRUSTED_PROXIES) and what their headers say of the client. A
 * peer that is not one of them is the client, whatever it sends. From a trusted peer, the chain of addresses
 * it reports (`X-Forwarded-For`, or RFC 7239 `Forwarded` when there is no `X-Forwarded-For`) is walked from
 * the right, as proxy-addr walks it for Express: each trusted hop passes the question to the one before it;
 * the first hop that is not trusted is the client (all trusted: the leftmost). A hop that is no address
 * (`unknown`, an obfuscated `_name`, garbage) ends the walk at the proxy that reported it.
 *
 * `X-Forwarded-For` wins over `Forwarded` because the common proxies (nginx's `$proxy_add_x_forwarded_for`,
 * HAProxy, load balancers) append to it and pass a client's own `Forwarded` through untouched: reading that
 * first would let any client name itself. A proxy that writes `Forwarded` instead must drop a client's
 * `X-Forwarded-For` (docs/operators.md "Behind a reverse proxy").
 *
 * The scheme and host are the ones reported with the client's hop: that `Forwarded` element's `proto` and
 * `host`, or the `X-Forwarded-Proto` / `X-Forwarded-Host` entry at the same place from the right, else their
 * last entry (a proxy that sets one value, as nginx's `proxy_set_header` does). A scheme other than http or
 * https is ignored.
 */
export class TrustedProxies {
  private constructor(private readonly trusts: proxyAddr.TrustFunction | undefined) {}

  /** Entries as TRUSTED_PROXIES holds them (checked there); none: every peer is its own client. */
  static of(entries: readonly string[]): TrustedProxies {
    return new TrustedProxies(entries.length === 0 ? undefined : proxyAddr.compile(entries));
  }

  /** The request's client, worked out once per request. */
  clientOf(request: ArrivedRequest): ForwardedClient {
    const resolved = request as Resolved;
    resolved[RESOLVED] ??= this.resolve(request);
    return resolved[RESOLVED];
  }

  private resolve(request: ArrivedRequest): ForwardedClient {
    const peer = request.socket.remoteAddress;
    const own: ForwardedClient = {
      address: peer,
      protocol: request.socket.encrypted === true ? 'https' : 'http',
      host: headerText(request.headers.host),
    };
    if (this.trusts === undefined || peer === undefined || !this.trusts(peer, 0)) return own;
    const hops = reportedHops(request.headers);
    let address = peer;
    let reportedBy = 0;
    for (const [index, hop] of hops.entries()) {
      if (hop.address === undefined) break;
      address = hop.address;
      reportedBy = index;
      if (!this.trusts(hop.address, index + 1)) break;
    }
    const report = hops[reportedBy];
    const protocol = report?.protocol?.toLowerCase();
    return {
      address,
      protocol: protocol === 'http' || protocol === 'https' ? protocol : own.protocol,
      host: report?.host ?? own.host,
    };
  }
}

/** The hops a trusted peer reports, nearest first; one address-less hop when it reports only scheme or host. */
function reportedHops(headers: IncomingHttpHeaders): Hop[] {
  const forwardedFor = listFrom(headers['x-forwarded-for']);
  const protocols = listFrom(headers['x-forwarded-proto']);
  const hosts = listFrom(headers['x-forwarded-host']);
  if (forwardedFor.length > 0 || headerText(headers.forwarded) === undefined) {
    const addresses = forwardedFor.length > 0 ? forwardedFor : [undefined];
    return addresses.map((entry, index) => ({
      address: entry === undefined ? undefined : nodeAddress(entry),
      protocol: protocols[index] ?? protocols[0],
      host: hosts[index] ?? hosts[0],
    }));
  }
  return forwardedElements(headerText(headers.forwarded) ?? '').map((element) => ({
    address: element.for === undefined ? undefined : nodeAddress(element.for),
    protocol: element.proto,
    host: element.host,
  }));
}

/** The elements of a `Forwarded` header, nearest first; a malformed header says nothing (none). */
function forwardedElements(value: string): Partial<Record<string, string>>[] {
  try {
    return parseForwarded(value).reverse();
  } catch {
    return [];
  }
}

/** A comma list header's entries, nearest (rightmost) first, blanks dropped. */
function listFrom(value: string | readonly string[] | undefined): string[] {
  const text = headerText(value);
  if (text === undefined) return [];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .reverse();
}

/** A header's value as one text (repeated headers joined as one list); absent or blank: undefined. */
function headerText(value: string | readonly string[] | undefined): string | undefined {
  const text = typeof value === 'string' ? value : value?.join(',');
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

/**
 * An address as proxies write a node: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`, `[2001:db8::1]:4711`;
 * the port dropped. Anything else (`unknown`, `_hidden`, garbage) is no address.
 */
function nodeAddress(value: string): string | undefined {
  const text = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)?.[1];
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(text)?.[1];
  const address = bracketed ?? withPort ?? text;
  return isIP(address) === 0 ? undefined : address;
}
