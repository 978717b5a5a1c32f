import { isIP } from 'node:net';

/**
 * The key under which a client's fair share is counted (WebSocket connections, new metric labels): its address,
 * with the forms that are one client folded together. An IPv4 address seen through an IPv6 socket
 * (`::ffff:192.0.2.1`) is that IPv4 address; an IPv6 address counts by its /64 prefix, the block one
 * network (and so one machine) is given, which holds more addresses than a client could ever exhaust; every
 * loopback address (127.0.0.0/8, ::1) is this machine.
 */
export function clientKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const plain = mapped ?? address;
  if (isIP(plain) === 4) return plain.startsWith('127.') ? 'loopback' : plain;
  if (isIP(plain) !== 6) return plain;
  if (plain === '::1') return 'loopback';
  return `${expandedGroups(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (zone index dropped), `::` expanded, leading zeros removed. */
function expandedGroups(address: string): string[] {
  const [withoutZone = ''] = address.toLowerCase().split('%');
  const [head = '', tail] = withoutZone.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  return groups.map((group) => group.replace(/^0+(?=.)/, '') || '0');
}
