import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePortOutsideEphemeralRange } from '../../../src/net/free-port';

const ephemeralLow = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);

test('a port below the ephemeral range, free to bind, never one already taken', async () => {
  const first = await freePortOutsideEphemeralRange();
  const second = await freePortOutsideEphemeralRange([first]);
  for (const port of [first, second]) expect(port).toBeLessThan(ephemeralLow);
  expect(second).not.toBe(first);
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(first, '127.0.0.1', resolve));
  await new Promise((resolve) => server.close(resolve));
});
