/**
 * SSRF guard: which addresses a fetch may connect to. Feeds and release pages are public web
 * resources; anything that resolves to loopback, private, link-local (cloud metadata at
 * 169.254.169.254), CGNAT, multicast, reserved, ULA, documentation, IPv4-mapped or IPv4-translated
 * space is refused, and so is a NAT64 / 6to4 address that embeds one of the refused IPv4 addresses.
 *
 * IPv6 forms that carry an IPv4 address:
 * - `::ffff:0:0/96` IPv4-mapped (`::ffff:127.0.0.1`) and `::ffff:0:0:0/96` IPv4-translated (SIIT,
 *   `::ffff:0:7f00:1`): refused whatever they embed. They are host-internal representations, never
 *   a destination a public DNS name should lead to, and a stack may deliver them to the IPv4 address.
 * - `::/96` IPv4-compatible (deprecated): refused.
 * - `64:ff9b::/96` NAT64 (RFC 6052) and `2002::/16` 6to4: judged by the IPv4 address they embed,
 *   because they are how IPv6-only networks reach public IPv4 sites; `64:ff9b:1::/48` (local-use
 *   NAT64) is refused.
 * - Teredo (`2001::/32`, obfuscated IPv4): refused.
 * Beyond the list, any IPv6 address outside global unicast (`2000::/3`) is refused.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

// Two lists: BlockList matches IPv4 addresses against IPv6 rules through their mapped form, so one
// list holding ::ffff:0:0/96 would block every IPv4 address.
const blockedV4 = new BlockList();
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blockedV4.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible (deprecated)
  ['::ffff:0:0', 96], // IPv4-mapped: DNS has no business answering with one
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT, RFC 2765), e.g. ::ffff:0:7f00:1 = 127.0.0.1
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['100::', 64], // discard
  ['2001::', 32], // Teredo (embeds an obfuscated IPv4 address)
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
  ['fc00::', 7], // unique local (ULA)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}
/** Global unicast: the only IPv6 space a public web server can be in (NAT64 is judged apart). */
const globalUnicastV6 = new BlockList();
globalUnicastV6.addSubnet('2000::', 3, 'ipv6');

/**
 * The IPv4 address a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address leads to, or null. Those
 * prefixes are public transition mechanisms (an IPv6-only network reaches every IPv4 site through
 * 64:ff9b::/96), so they are judged by the IPv4 address they embed.
 */
export function embeddedIPv4(v6: string): string | null {
  const g = expandIPv6(v6);
  if (!g) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0) {
    return v4(g[6]!, g[7]!);
  }
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return null;
}

/** The eight 16-bit groups of an IPv6 literal (`::` and a trailing dotted quad expanded), or null. */
function expandIPv6(addr: string): number[] | null {
  let a = addr.replace(/%.*$/, '').toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (quad) {
    const [b0, b1, b2, b3] = quad.slice(1).map(Number) as [number, number, number, number];
    a = `${a.slice(0, quad.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head, tail, extra] = a.split('::');
  if (extra !== undefined) return null;
  const hs = head ? head.split(':') : [];
  const ts = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - hs.length - ts.length;
  if (fill < 0) return null;
  const groups = [...hs, ...Array<string>(fill).fill('0'), ...ts].map((x) => parseInt(x, 16));
  return groups.length === 8 && groups.every((n) => n >= 0 && n <= 0xffff) ? groups : null;
}

/** True when an IP address (v4 or v6 literal) must not be connected to. Non-IP strings count as blocked. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockedV4.check(address, 'ipv4');
  if (family === 6) {
    if (blockedV6.check(address, 'ipv6')) return true;
    const v4 = embeddedIPv4(address);
    if (v4 !== null) return blockedV4.check(v4, 'ipv4');
    return !globalUnicastV6.check(address, 'ipv6');
  }
  return true;
}

/** Thrown (and passed through undici's connect callback) when the guard refuses an address. */
export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`Refusing to connect to ${host} (${address}): not a public address`);
    this.name = 'BlockedAddressError';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net.connect that resolves every address of the host and fails when any of them is
 * blocked. Used at connect time, the address checked is the address connected to: no window for a
 * DNS answer to change between the check and the connection.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => isBlockedAddress(a.address));
    if (bad) return callback(new BlockedAddressError(hostname, bad.address), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}
