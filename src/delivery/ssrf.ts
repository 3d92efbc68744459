// The SSRF guard: which resolved addresses a delivery may connect to. Applied at connect time
// (see destinations/guarded-agent.ts) so a public name that resolves to 127.0.0.1 is refused too.
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // unspecified / "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated) ::a.b.c.d, e.g. ::7f00:1
  ['64:ff9b::', 96], // NAT64: would reach any IPv4 address, internal ones included
  ['64:ff9b:1::', 48], // local-use NAT64
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True when the address is loopback, private, link-local, unique-local, unspecified or otherwise internal. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1], 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return blocked.check(address, 'ipv4');
}

export class SsrfBlockedError extends Error {
  readonly code = 'BARRAGE_SSRF_BLOCKED';
  constructor(host: string, address: string) {
    super(`destination ${host} resolves to non-public address ${address} (security.allowPrivateDestinations is false)`);
  }
}

/**
 * The write-time half of the guard: a URL whose host is an IP literal in a refused range, or
 * localhost, is refused before it is stored. Names are checked when they resolve, at connect time.
 */
export function isRefusedUrlHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  // The URL parser writes an IPv4-mapped address in hex (::ffff:7f00:1): read it back as IPv4.
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (hexMapped) {
    const [hi, lo] = [parseInt(hexMapped[1], 16), parseInt(hexMapped[2], 16)];
    return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return isPrivateAddress(host);
}
