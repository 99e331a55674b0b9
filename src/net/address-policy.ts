/**
 * Which IP addresses a download may connect to: public unicast only. Refused: unspecified, loopback,
 * private (RFC 1918, IPv6 ULA), CGNAT, link-local (cloud metadata at 169.254.169.254 included),
 * documentation, benchmarking, reserved, broadcast and multicast ranges, in IPv4 and IPv6, and the
 * same IPv4 ranges when wrapped in IPv6 (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
 */
import { BlockList, isIP } from 'node:net';

/** IPv4 ranges that are not public unicast, with the reason shown in errors. */
const IPV4_RANGES: ReadonlyArray<readonly [string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved or broadcast'],
];

/** IPv6 ranges that are not public unicast. */
const IPV6_RANGES: ReadonlyArray<readonly [string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'IPv4-compatible (deprecated)'],
  ['64:ff9b:1::', 48, 'local-use NAT64'],
  ['100::', 64, 'discard-only'],
  ['2001::', 23, 'IETF protocol assignments (Teredo included)'],
  ['2001:db8::', 32, 'documentation'],
  ['3fff::', 20, 'documentation'],
  ['5f00::', 16, 'segment routing'],
  ['fc00::', 7, 'unique local (private)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast'],
];

/** IPv6 prefixes that carry an IPv4 address in the bits after them: IPv4-mapped, NAT64 and 6to4. */
const IPV4_CARRIERS: ReadonlyArray<readonly [string, number]> = [
  ['::ffff:', 96],
  ['64:ff9b::', 96],
  ['2002:', 16],
];

/** The IPv6 subnet address for an IPv4 address placed after a carrier prefix of `offset` bits. */
function carried(prefix: string, offset: number, v4: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = v4.split('.').map(Number);
  const groups = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  return offset === 96 ? `${prefix}${groups}` : `${prefix}${groups}::`;
}

interface Rule {
  list: BlockList;
  reason: string;
}

function buildRules(): Rule[] {
  const rules: Rule[] = [];
  for (const [v4, bits, reason] of IPV4_RANGES) {
    const list = new BlockList();
    list.addSubnet(v4, bits, 'ipv4');
    for (const [prefix, offset] of IPV4_CARRIERS) list.addSubnet(carried(prefix, offset, v4), offset + bits, 'ipv6');
    rules.push({ list, reason });
  }
  for (const [v6, bits, reason] of IPV6_RANGES) {
    const list = new BlockList();
    list.addSubnet(v6, bits, 'ipv6');
    rules.push({ list, reason });
  }
  return rules;
}

let rules: Rule[] | undefined;

/** Strip the brackets a URL puts around an IPv6 host and any zone id. */
export function bareAddress(host: string): string {
  const inner = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return inner.replace(/%.*$/, '');
}

/**
 * Why `address` must not be connected to, or `undefined` when it is public unicast.
 * Anything that is not an IP address at all is refused too.
 */
export function blockedAddressReason(address: string): string | undefined {
  const ip = bareAddress(address);
  const family = isIP(ip);
  if (family === 0) return 'not an IP address';
  rules ??= buildRules();
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const rule of rules) if (rule.list.check(ip, type)) return rule.reason;
  return undefined;
}
