// An undici Agent whose DNS lookup refuses non-public addresses, so the SSRF guard sees the
// address actually connected to (no TOCTOU between a pre-check and the connect).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent } from 'undici';
import { isPrivateAddress, SsrfBlockedError } from '../../delivery/ssrf';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const blocked = addresses.find((a) => isPrivateAddress(a.address));
    if (blocked) return callback(new SsrfBlockedError(hostname, blocked.address) as NodeJS.ErrnoException, []);
    if ((options as { all?: boolean }).all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

export function createDeliveryAgent(allowPrivate: boolean): Agent {
  return new Agent({
    keepAliveTimeout: 30_000,
    connections: 64,
    ...(allowPrivate ? {} : { connect: { lookup: guardedLookup as never } }),
  });
}
