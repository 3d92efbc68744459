// The one registry every system of scenario 18 routes by: 10 destinations with event-type patterns,
// signed with the same secret, retried with the same policy (1 s, doubling, jittered: pg-boss counts
// its delays in whole seconds, so nothing here waits less).
import { API_KEY } from '../hub-config';
import type { PeerDestination, PeerSettings } from './settings';

/** The key every bench request carries (scenarios.ts posts with it). */
export const PEER_API_KEY = API_KEY;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const MAX_ATTEMPTS = 10;
/** Per delivery request, in every system. */
const TIMEOUT_MS = 10_000;

export interface Registry {
  sinkUrl: string;
  destinations: PeerDestination[];
}

/** p1.* reaches d0; p3.* reaches d0–d2; retry.* the flaky f0; chaos.* f0–f2; n0–n3 never match. */
export function registry(sinkUrl: string): Registry {
  const dest = (id: string, events: string[]) => ({ id, url: `${sinkUrl}/${id}`, events, secret: SECRET });
  return {
    sinkUrl,
    destinations: [
      dest('d0', ['p1.*', 'p3.*']),
      dest('d1', ['p3.*']),
      dest('d2', ['p3.*']),
      dest('flaky0', ['retry.*', 'chaos.*']),
      dest('flaky1', ['chaos.*']),
      dest('flaky2', ['chaos.*']),
      ...[0, 1, 2, 3].map((i) => dest(`n${i}`, [`noise${i}.*`])),
    ],
  };
}

/** Which destinations an event type reaches (the same patterns every system matches). */
export const ROUTES = { p1: ['d0'], p3: ['d0', 'd1', 'd2'], retry: ['flaky0'], chaos: ['flaky0', 'flaky1', 'flaky2'] };

export function peerSettings(kind: PeerSettings['kind'], storeUrl: string, r: Registry): PeerSettings {
  return {
    kind,
    storeUrl,
    port: 0,
    apiKey: PEER_API_KEY,
    destinations: r.destinations,
    retry: { initialSeconds: 1, coefficient: 2, maxAttempts: MAX_ATTEMPTS },
    timeoutMs: TIMEOUT_MS,
    concurrency: 32,
  };
}

export function peerHubConfig(address: string, r: Registry) {
  return {
    server: { port: 0 },
    temporal: { address, taskQueue: 'barrage-peers', manageNamespaces: true },
    security: { allowPrivateDestinations: true },
    log: { level: 'info' },
    tenants: [
      {
        id: 'bench-peers',
        namespace: 'bench-peers',
        apiKeys: [PEER_API_KEY],
        destinations: r.destinations.map((d) => ({
          id: d.id,
          url: d.url,
          events: d.events,
          secret: d.secret,
          timeout: `${TIMEOUT_MS / 1000}s`,
          retry: { initialInterval: '1s', backoffCoefficient: 2, maximumAttempts: MAX_ATTEMPTS, jitter: 0.5 },
          // The peers have no breaker: a sink failing 30–50 % would open Barrage's and hold deliveries.
          breaker: { enabled: false },
        })),
      },
    ],
  };
}
