// The gate every holdable attempt passes: a paused destination or an open circuit holds it; the
// attempt's result is settled into the shared health. Reads come from this process's copy of the
// health (kept current by the store's notifications), so a healthy destination costs no database
// round trip; only failures, probes and state changes write.
import type { AttemptOutcome } from '../contracts';
import type { Logger } from '../telemetry/logger';
import type { Metrics } from '../telemetry/metrics';
import { admit, CLOSED, coolDownMs, settle, type BreakerSettings, type CircuitState, type Health } from './breaker';
import type { DestinationKey, HealthRow, HealthStore } from './health-store';

/** How often a paused destination's held attempts look again: resume takes effect within this. */
export const PAUSED_RECHECK_MS = 10_000;
/** A full reread of the shared health, behind the notifications (one missed while reconnecting). */
const RELOAD_EVERY_MS = 10_000;

export interface GateRequest extends DestinationKey {
  paused: boolean;
  breaker: BreakerSettings;
  /** The attempt's timeout: an unanswered probe frees its place after it. */
  timeoutMs: number;
}

export type HoldReason = 'paused' | 'circuit_open';
export type GateDecision = { go: true; probe: boolean } | { go: false; reason: HoldReason; retryInMs: number };

export interface DestinationGate {
  admit(req: GateRequest): Promise<GateDecision>;
  /** Records an attempt's result; "cancelled" (no request made) says nothing about the destination. */
  settle(req: GateRequest, probe: boolean, result: { outcome: AttemptOutcome; error?: string }): Promise<void>;
  health(key: DestinationKey): Health;
  close(): Promise<void>;
}

export interface GateOptions {
  logger: Logger;
  metrics?: Metrics;
  now?: () => number;
  random?: () => number;
}

export async function createGate(store: HealthStore, options: GateOptions): Promise<DestinationGate> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const cache = new HealthCache(options.metrics);
  const unwatch = await store.watch((row) => cache.put(row));
  const reload = () => store.readAll().then((rows) => rows.forEach((r) => cache.put(r)));
  await reload();
  const timer = setInterval(
    () => reload().catch((err: unknown) => options.logger.warn({ err }, 'destination health reload failed')),
    RELOAD_EVERY_MS,
  );
  timer.unref();

  const write = async (req: GateRequest, change: (h: Health) => Health | undefined) => {
    const [before, after] = await store.update(req, (h) => {
      const next = change(h);
      return { next, value: [h, next] as const };
    });
    if (after) cache.put({ ...req, health: after });
    if (after && after.state !== before.state) transitioned(options, req, before.state, after);
    return after ?? before;
  };

  return {
    async admit(req) {
      if (req.paused) return { go: false, reason: 'paused', retryInMs: Math.round(PAUSED_RECHECK_MS * (1 + random() / 2)) };
      const at = now();
      let decision = admit(cache.get(req), at, req.breaker, req.timeoutMs);
      // Only a change of state (a probe taken) needs the shared row; it decides again under its lock.
      if (decision.next) decision = await claimProbe(req, at);
      if (decision.go) return { go: true, probe: decision.probe };
      // Spread over up to one cool-down, so the deliveries waiting do not all come back at once.
      const spread = Math.min(coolDownMs(req.breaker, cache.get(req).opens || 1), 30_000);
      return { go: false, reason: 'circuit_open', retryInMs: Math.round(decision.retryInMs + random() * spread) };
    },
    async settle(req, probe, result) {
      if (result.outcome === 'cancelled') return;
      const outcome = { ok: result.outcome !== 'retryable', probe, error: result.error };
      // Nothing to record (a success while closed and clean) costs no write.
      if (!probe && settle(cache.get(req), outcome, now(), req.breaker) === undefined) return;
      await write(req, (h) => settle(h, outcome, now(), req.breaker));
    },
    health: (key) => cache.get(key),
    async close() {
      clearInterval(timer);
      await unwatch();
    },
  };

  async function claimProbe(req: GateRequest, at: number) {
    let claimed: ReturnType<typeof admit> | undefined;
    await write(req, (h) => {
      claimed = admit(h, at, req.breaker, req.timeoutMs);
      return claimed.next;
    });
    return claimed!;
  }
}

/** The state's number in barrage_circuit_state: 0 closed, 1 half open, 2 open. */
export const CIRCUIT_STATE_VALUE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

/** This process's copy of every destination's health, mirrored into barrage_circuit_state. */
class HealthCache {
  private readonly rows = new Map<string, Health>();
  constructor(private readonly metrics?: Metrics) {}

  get(key: DestinationKey): Health {
    return this.rows.get(cacheKey(key)) ?? CLOSED;
  }

  put(row: HealthRow): void {
    this.rows.set(cacheKey(row), row.health);
    this.metrics?.circuitState.set(
      { tenant: row.tenantId, destination: row.destinationId },
      CIRCUIT_STATE_VALUE[row.health.state],
    );
  }
}

const cacheKey = (key: DestinationKey) => `${key.tenantId}\u0000${key.destinationId}`;

function transitioned(options: GateOptions, key: DestinationKey, from: CircuitState, to: Health): void {
  options.metrics?.circuitTransitions.inc({ tenant: key.tenantId, destination: key.destinationId, to: to.state });
  const fields = { tenant: key.tenantId, destination: key.destinationId, from, to: to.state, lastError: to.lastError };
  if (to.state === 'open')
    options.logger.warn(
      { ...fields, retryAt: new Date(to.retryAt ?? 0).toISOString() },
      'circuit opened: deliveries to this destination wait',
    );
  else
    options.logger.info(
      fields,
      to.state === 'closed' ? 'circuit closed: waiting deliveries resume' : 'circuit half open: probing',
    );
}
