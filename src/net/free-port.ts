import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port that was free a moment ago on 127.0.0.1 (for servers that cannot listen on port 0). */
export function freePort(): Promise<number> {
  return listenOnce(0);
}

/**
 * A free port below the kernel's ephemeral range, for a server that starts long after its port is
 * chosen while clients already dial it. A port from `freePort()` lies inside that range, so an
 * outbound connection can take it meanwhile — even a client's own retry, which Linux lets connect
 * to itself when nothing listens yet.
 */
export async function freePortOutsideEphemeralRange(taken: readonly number[] = [], below = 65_536): Promise<number> {
  const low = Math.min(ephemeralLow(), below);
  const floor = Math.min(10_000, low - 1_000);
  for (let tries = 0; tries < 100; tries++) {
    const port = floor + Math.floor(Math.random() * (low - floor));
    if (taken.includes(port)) continue;
    const got = await listenOnce(port).catch(() => undefined);
    if (got !== undefined) return got;
  }
  throw new Error(`no free port between ${floor} and ${low} after 100 tries`);
}

function ephemeralLow(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && low > 2_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}
