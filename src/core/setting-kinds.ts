import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';

/**
 * The kinds of value a setting takes, as zod schemas of the text an environment variable holds. Each message is
 * what follows the variable's name in the ConfigError (`PORT` + ` must be a whole number from 1 to 65535, got
 * '70000'`): what was expected and what was given, or only its length where the value is, or may be, a secret.
 */

/** The levels LOG_LEVEL accepts, most severe first; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The text after the variable's name when the value is refused (see above). */
type Refusal = (value: string) => string;

/** A string schema that accepts what `accepts` holds for, refusing with `refusal`. */
function checked(accepts: (value: string) => boolean, refusal: Refusal) {
  return z.string().refine(accepts, { error: (issue) => refusal(String(issue.input)), abort: true });
}

/** A whole number in decimal digits from `min` to `max`; the range is the schema's, for the guides too. */
export function wholeNumber(min: number, max: number) {
  return checked(
    (value) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max,
    (value) => `must be a whole number from ${min} to ${max}, got '${value}'`,
  )
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

/** `true`, `1`, `yes` or `false`, `0`, `no`, in any case. */
export function flag() {
  return z.stringbool({
    truthy: ['true', '1', 'yes'],
    falsy: ['false', '0', 'no'],
    case: 'insensitive',
    error: (issue) => `must be true or false, got '${String(issue.input)}'`,
  });
}

/** One of the log levels, in any case. */
export function logLevel() {
  return checked(
    (value) => (LOG_LEVELS as readonly string[]).includes(value.toLowerCase()),
    (value) => `must be one of ${LOG_LEVELS.join(', ')}, got '${value}'`,
  )
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(LOG_LEVELS));
}

/** Any text, taken as given (a user name, a database name, a path). */
export function text() {
  return z.string();
}

/** An IP address or a plain host name to bind to; anything else (a URL, a port, spaces) is a typo. */
export function listenAddress() {
  return checked(
    (value) => isIP(value) !== 0 || /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i.test(value),
    (value) => `must be an IP address or a host name (127.0.0.1, 0.0.0.0, ::), got '${value}'`,
  );
}

/** A Bolt or Neo4j URI (routing, or with TLS: `+s`, `+ssc`). */
export function neo4jUri() {
  return checked(
    (value) => /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(value),
    (value) => `must look like bolt://host:7687 or neo4j://host, got '${value}'`,
  );
}

/** A secret of at least `min` characters; the value itself never appears in the message. */
export function secret(min: number) {
  return checked(
    (value) => value.length >= min,
    (value) => `must be at least ${min} characters long, got ${value.length}`,
  );
}

/** Neo4j refuses passwords under 8 characters; the launcher reads the password as one line of its stdin. */
export function embeddedPassword() {
  return checked(
    (value) => value.length >= 8 && !/[\r\n]/.test(value),
    (value) => `must be one line of at least 8 characters, got ${value.length} characters`,
  );
}

/** A URL of the identity provider: https://, or http:// on this machine only (a local provider, tests). */
export function httpsOrLoopbackUrl(example: string) {
  return checked(
    (value) => URL.canParse(value),
    (value) => `must be a URL like ${example}, got '${value}'`,
  ).refine(
    (value) => {
      const url = new URL(value);
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
    },
    { error: (issue) => `must use https:// (http:// only on localhost), got '${String(issue.input)}'`, abort: true },
  );
}

/** An OpenID Connect issuer: a provider's URL, without query or fragment (its discovery document hangs below). */
export function issuerUrl(example: string) {
  return httpsOrLoopbackUrl(example).refine((value) => new URL(value).search === '' && new URL(value).hash === '', {
    error: (issue) => `must be an issuer URL without query or fragment, got '${String(issue.input)}'`,
  });
}

/** An http:// or https:// URL (an OTLP collector). */
export function httpUrl(example: string) {
  return checked(
    (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
    (value) => `must be an http:// or https:// URL (${example}), got '${value}'`,
  );
}

/**
 * An `iss` or `aud` value (RFC 7519 StringOrURI): one printable line without spaces, at most 1,024 characters,
 * and a valid URI when it contains a colon.
 */
export function claimValue() {
  return checked(
    (value) => value.length <= 1024 && /^[\x21-\x7e\u00a0-\uffff]+$/.test(value),
    (value) => `must be one word of at most 1024 printable characters (no spaces), got ${value.length} characters`,
  ).refine((value) => !value.includes(':') || URL.canParse(value), {
    error: (issue) => `contains a colon, so it must be a URI (https://idp.example.org), got '${String(issue.input)}'`,
  });
}

/**
 * A claim name: a JSON member name as identity providers write them, plain (`role`) or namespaced
 * (`https://honjo.example/roles`); one printable word, so a stray space or quote is caught here.
 */
export function claimName() {
  return checked(
    (value) => value.length <= 256 && /^[\x21-\x7e]+$/.test(value) && !/["\\]/.test(value),
    (value) =>
      `must be a claim name of at most 256 printable ASCII characters without spaces or quotes, got '${value}'`,
  );
}

/** An OAuth client id: one printable ASCII word. */
export function clientId() {
  return checked(
    (value) => value.length <= 256 && /^[\x21-\x7e]+$/.test(value),
    (value) => `must be one word of at most 256 printable ASCII characters, got ${value.length} characters`,
  );
}

/** OAuth scopes, space-separated, `openid` among them; given back separated by single spaces. */
export function openIdScopes() {
  return checked(
    (value) => {
      const scopes = value.split(/\s+/);
      return scopes.includes('openid') && scopes.every((word) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(word));
    },
    (value) => `must be space-separated scope names including openid, got '${value}'`,
  ).transform((value) => value.split(/\s+/).join(' '));
}

/** A comma list with its entries trimmed and empty ones dropped. */
function commaList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** The first entry of a comma list that `valid` refuses, if any. */
function firstRefused(value: string, valid: (entry: string) => boolean): string | undefined {
  return commaList(value).find((entry) => !valid(entry));
}

const ORIGIN = /^https?:\/\/[^\s/?#]+$/;

/** `*` or a comma list of origins as browsers send them: scheme, host and optional port, no path. */
export function origins() {
  return checked(
    (value) => value === '*' || firstRefused(value, (origin) => ORIGIN.test(origin)) === undefined,
    (value) =>
      `must be * or a comma list of origins like https://dash.example.org (no path or trailing slash), got '${firstRefused(value, (origin) => ORIGIN.test(origin)) ?? value}'`,
  )
    .refine((value) => value === '*' || commaList(value).length > 0, {
      error: (issue) => `must name at least one origin, got '${String(issue.input)}'`,
    })
    .transform((value): '*' | readonly string[] => (value === '*' ? '*' : Object.freeze(commaList(value))));
}

/** A DNS name: letters, digits, hyphens and dots, a trailing dot allowed. */
const HOST_NAME = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$/i;

function isHostName(name: string): boolean {
  const bracketed = /^\[(.+)\]$/.exec(name)?.[1];
  return bracketed !== undefined ? isIP(bracketed) === 6 : isIP(name) === 4 || HOST_NAME.test(name);
}

/** `*`, or a comma list of host names or IP addresses (IPv6 in brackets). */
export function hostNames() {
  return checked(
    (value) => value.trim() === '*' || firstRefused(value, isHostName) === undefined,
    (value) =>
      `must be * or a comma list of host names or addresses like api.example.org, 192.168.1.10, [::1] (no scheme or port), got '${firstRefused(value, isHostName) ?? value}'`,
  )
    .refine((value) => value.trim() === '*' || commaList(value).length > 0, {
      error: (issue) => `must name at least one host, got '${String(issue.input)}'`,
    })
    .transform((value): '*' | readonly string[] => (value.trim() === '*' ? '*' : Object.freeze(commaList(value))));
}

/** Whether proxy-addr (the library that matches them later) compiles an entry of TRUSTED_PROXIES. */
function isProxy(entry: string): boolean {
  if (entry === '') return false;
  try {
    proxyAddr.compile(entry);
    return true;
  } catch {
    return false;
  }
}

/** The first entry of TRUSTED_PROXIES proxy-addr refuses; an empty one (`a,,b`) is refused too. */
function refusedProxy(value: string): string | undefined {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .find((entry) => !isProxy(entry));
}

/** Each entry an address, a CIDR range or one of proxy-addr's keywords, checked one by one so a bad one is named. */
export function trustedProxies() {
  return checked(
    (value) => refusedProxy(value) === undefined,
    (value) =>
      `must be a comma list of addresses or CIDR ranges like 127.0.0.1,10.0.0.0/8,fd00::/8 (or loopback, linklocal, uniquelocal), got '${refusedProxy(value) ?? value}'`,
  ).transform((value): readonly string[] => Object.freeze(value.split(',').map((entry) => entry.trim())));
}
