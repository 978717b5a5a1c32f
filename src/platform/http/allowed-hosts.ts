import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import type { ForwardedClient } from './forwarded-client';
import type { Step } from './middleware-chain';
import { ErrorCode } from '../../core/errors';
import { sendErrorJson } from './localized-errors';

/** The names every instance answers to, whatever it binds: a client on the same machine. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * How many allowed `Host` values are remembered. Clients send one or two (a name and its port), and a
 * header checked by URL parsing cost about 10 µs, a few % of a request that reads nothing; past the cap
 * every new value is still checked, only not remembered.
 */
const REMEMBERED_HOSTS = 64;
/** The longest `Host` value remembered (a DNS name is at most 253 characters): 64 of them stay small. */
const REMEMBERED_HOST_LENGTH = 300;

/**
 * Routes answered whatever the `Host`: a load balancer or container health check probes by address, and the
 * answers (up or not, and why) are no data a rebinding page could steal.
 */
const HEALTH_PATHS: ReadonlySet<string> = new Set(['/health/live', '/health/ready']);

/** Addresses that mean "every interface": the names of the machine and its interfaces are then its own. */
const WILDCARD_ADDRESSES: ReadonlySet<string> = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The host names the service answers to: its own (loopback names and the address bound) and those ALLOWED_HOSTS
 * adds. A request whose `Host` names another is refused before any work, so a page that rebinds its own name to
 * this machine's address (DNS rebinding) never reads an answer. `*` answers every name (behind a proxy that
 * checks it). Names are compared without the port, in lower case and without a trailing dot; IPv6 addresses in
 * brackets, as `Host` carries them.
 */
export class AllowedHosts {
  /** `Host` values found allowed, exactly as sent (only allowed ones: a refused one is refused before work). */
  private readonly allowedHeaders = new Set<string>();

  private constructor(private readonly names: '*' | ReadonlySet<string>) {}

  /**
   * The service's own names, localhost, 127.0.0.1, [::1] and the address bound (for a wildcard address, 0.0.0.0
   * or ::, also the machine's name and the address of each of its interfaces, as those are how other machines
   * reach it), and the names of the setting (ALLOWED_HOSTS) beside them; `*`: any name. The own names are never
   * left out, so naming the public host cannot lock out a check that probes by address.
   */
  static of(setting: '*' | readonly string[] | undefined, boundAddress: string): AllowedHosts {
    if (setting === '*') return new AllowedHosts('*');
    const names = [...LOOPBACK_NAMES, ...namesOfAddress(boundAddress), ...(setting ?? [])];
    return new AllowedHosts(new Set(names.map(normalizedHostName)));
  }

  /** The names answered, for the log and for errors (`*` when any). */
  get list(): readonly string[] {
    return this.names === '*' ? ['*'] : [...this.names];
  }

  /** Whether a `Host` header (name and optional port) names this service. */
  allowsHost(host: string | undefined): boolean {
    if (this.names === '*') return true;
    if (host !== undefined && this.allowedHeaders.has(host)) return true;
    const name = hostNameOf(host);
    const allowed = name !== undefined && this.names.has(name);
    if (allowed && host !== undefined) this.remember(host);
    return allowed;
  }

  private remember(host: string): void {
    if (host.length <= REMEMBERED_HOST_LENGTH && this.allowedHeaders.size < REMEMBERED_HOSTS)
      this.allowedHeaders.add(host);
  }

  /** Whether a page's `Origin` (scheme, host, optional port) is one of this service's own names. */
  allowsOrigin(origin: string): boolean {
    if (this.names === '*') return true;
    if (!URL.canParse(origin)) return false;
    return this.names.has(normalizedHostName(new URL(origin).hostname));
  }
}

/**
 * Refuses a request whose host the service does not answer to, with 421 Misdirected Request (RFC 9110: this
 * server will not answer for that authority) and a JSON body naming ALLOWED_HOSTS; nothing else runs for it.
 * The host is the one the client asked for (`Host`, or what a trusted proxy reports); the health routes
 * answer any.
 */
export function refuseOtherHosts(
  allowed: () => AllowedHosts,
  clientOf: (request: IncomingMessage) => ForwardedClient,
): Step {
  return (request, response, next) => {
    if (allowed().allowsHost(clientOf(request).host) || HEALTH_PATHS.has(pathOf(request.url))) {
      next();
      return;
    }
    response.setHeader('connection', 'close');
    sendErrorJson(request, response, 421, {
      error: {
        code: ErrorCode.HOST_NOT_ALLOWED,
        message:
          'This service does not answer to the host name of this request (Host header); an operator lists the names it answers to in ALLOWED_HOSTS.',
      },
    });
  };
}

/** A request target's path, without its query. */
function pathOf(url: string | undefined): string {
  const target = url ?? '/';
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

/** A `Host` header's name part, normalised; undefined when there is none or it is not a host[:port]. */
export function hostNameOf(host: string | undefined): string | undefined {
  if (host === undefined || host === '' || /[\s/?#@\\]/.test(host)) return undefined;
  if (!URL.canParse(`http://${host}`)) return undefined;
  return normalizedHostName(new URL(`http://${host}`).hostname);
}

function normalizedHostName(name: string): string {
  const lower = name.trim().toLowerCase().replace(/\.$/, '');
  return isIP(lower) === 6 ? `[${lower}]` : lower;
}

function namesOfAddress(address: string): string[] {
  if (!WILDCARD_ADDRESSES.has(address)) return [address];
  const interfaces = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []);
  return [address, hostname(), ...interfaces.map((entry) => entry.address)];
}
