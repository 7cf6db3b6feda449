import { BlockList, isIP } from 'node:net';

/**
 * Ranges the auth server never connects to when it fetches a URL a client named (a Client ID Metadata
 * Document, a jwks_uri): anything that reaches this machine, its network or a cloud metadata service.
 * IPv4-mapped addresses are refused whole rather than unwrapped: no public document needs them.
 */
const REFUSED: ReadonlyArray<[reason: string, network: string, prefix: number]> = [
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['carrier-grade NAT', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['reserved', '192.0.0.0', 24],
  ['documentation', '192.0.2.0', 24],
  ['reserved', '192.88.99.0', 24],
  ['private', '192.168.0.0', 16],
  ['benchmarking', '198.18.0.0', 15],
  ['documentation', '198.51.100.0', 24],
  ['documentation', '203.0.113.0', 24],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['IPv4-mapped', '::ffff:0:0', 96],
  ['NAT64', '64:ff9b::', 96],
  ['NAT64', '64:ff9b:1::', 48],
  ['documentation', '2001:db8::', 32],
  ['reserved', '2001::', 23],
  ['6to4', '2002::', 16],
  ['documentation', '3fff::', 20],
  ['unique-local', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['multicast', 'ff00::', 8],
];

// One list per rule, and only rules of the address's own family: BlockList matches IPv4 rules against
// IPv4-mapped IPv6 addresses and back, which would hide the mapped range behind the IPv4 reasons.
const RULES = REFUSED.map(([reason, network, prefix]) => {
  const type = isIP(network) === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return { reason, type, list };
});

/** IPv6 outside 2000::/3 is not global unicast: refused as reserved, whatever it is. */
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');

/** Why the address may not be connected to, or undefined for a public unicast address. */
export function addressRefusal(address: string): string | undefined {
  const bare = address.replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const rule of RULES) if (rule.type === type && rule.list.check(bare, type)) return rule.reason;
  if (type === 'ipv6' && !GLOBAL_UNICAST_V6.check(bare, 'ipv6')) return 'reserved';
  return undefined;
}
