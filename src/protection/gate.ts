// The gate every holdable attempt passes: a disabled or paused destination, or an open circuit,
// holds it; the attempt's result is settled into the shared health. Reads come from this
// process's copy of the health (kept current by the store's notifications), so a healthy
// destination costs no database round trip; only failures, probes and state changes write.
import type { AttemptOutcome } from '../contracts';
import type { Logger } from '../telemetry/logger';
import type { Metrics } from '../telemetry/metrics';
import { admit, coolDownMs, settle, troubledTooLong, type BreakerSettings, type Health } from './breaker';
import { HealthCache, transitioned } from './health-cache';
import type { DestinationKey, HealthStore } from './health-store';
import type { InFlightLeases } from './in-flight';
import type { TokenBuckets } from './tokens';

/** A paused destination's held attempts look again after this, growing by half each time to HOLD_MAX_MS. */
export const PAUSED_RECHECK_MS = 10_000;
const HOLD_MAX_MS = 120_000;
/** An attempt over maxInFlight looks again after 0.5–1 s: a place frees as soon as an attempt ends. */
const IN_FLIGHT_RECHECK_MS = 500;
/** A full reread of the shared health, behind the notifications (one missed while reconnecting). */
const RELOAD_EVERY_MS = 10_000;

export interface GateRequest extends DestinationKey {
  paused: boolean;
  /** Set while disabled: since when (epoch ms) and why. */
  disabled?: { at: number; reason?: string };
  /** How long a disabled destination's deliveries wait for it to be enabled again. */
  disabledRetentionMs: number;
  breaker: BreakerSettings;
  /** The attempt's timeout: an unanswered probe frees its place after it. */
  timeoutMs: number;
  /** Runs of this attempt held so far: long holds look again less often. */
  holds: number;
  /** Attempts in flight to it at once, across all workers (absent: no cap). */
  maxInFlight?: number;
  /** Set when its rateLimit has a burst: the shared bucket's size and refill. */
  rateLimit?: { perSecond: number; burst: number };
}

export type HoldReason = 'paused' | 'disabled' | 'circuit_open' | 'in_flight' | 'rate_limited';
export type GateDecision =
  | { go: true; probe: boolean; lease?: string }
  | { go: false; reason: HoldReason; retryInMs: number }
  /** The delivery ends cancelled without an attempt: its destination stayed disabled past retention. */
  | { go: false; reason: 'end'; error: string };

export interface AttemptResult {
  outcome: AttemptOutcome;
  statusCode?: number;
  error?: string;
}

export interface DestinationGate {
  admit(req: GateRequest): Promise<GateDecision>;
  /** Records an attempt's result and returns its lease; "cancelled" (no request made) says nothing about the destination. */
  settle(req: GateRequest, pass: { probe: boolean; lease?: string }, result: AttemptResult): Promise<void>;
  health(key: DestinationKey): Health;
  close(): Promise<void>;
}

export interface GateOptions {
  logger: Logger;
  metrics?: Metrics;
  /** Counts attempts in flight per destination (maxInFlight); absent: no cap is kept. */
  leases?: InFlightLeases;
  /** rateLimit.burst's buckets; absent: Temporal's own one-second bucket only. */
  tokens?: TokenBuckets;
  /**
   * Disables a destination (410 Gone, circuit open past autoDisableAfter); false when it cannot
   * (a config-file destination), and the breaker then goes on probing. Absent: never disabled.
   */
  disable?: (key: DestinationKey, reason: string) => Promise<boolean>;
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
  };
  const claimProbe = async (req: GateRequest, at: number) => {
    let claimed: ReturnType<typeof admit> | undefined;
    await write(req, (h) => (claimed = admit(h, at, req.breaker, req.timeoutMs)).next);
    return claimed!;
  };
  // The lease outlives the attempt's longest run, so only a dead worker's lease ever expires.
  const inFlight = async (req: GateRequest, probe: boolean): Promise<GateDecision> => {
    if (req.maxInFlight === undefined || !options.leases) return { go: true, probe };
    const lease = await options.leases.acquire(req, req.maxInFlight, req.timeoutMs + 10_000);
    if (lease) return { go: true, probe, lease };
    return { go: false, reason: 'in_flight', retryInMs: Math.round(IN_FLIGHT_RECHECK_MS * (1 + random())) };
  };
  // A bucket emptied by a burst refills one token every 1/perSecond s: look again about then.
  const limits = async (req: GateRequest, probe: boolean): Promise<GateDecision> => {
    const passed = await inFlight(req, probe);
    if (!passed.go || !req.rateLimit || !options.tokens) return passed;
    if (await options.tokens.take(req, req.rateLimit.perSecond, req.rateLimit.burst)) return passed;
    if (passed.lease) await options.leases?.release(passed.lease);
    return { go: false, reason: 'rate_limited', retryInMs: Math.round((1000 / req.rateLimit.perSecond) * (1 + random())) };
  };
  const longHold = (holds: number) => Math.min(HOLD_MAX_MS, PAUSED_RECHECK_MS * 1.5 ** holds) * (1 + random() / 2);

  return {
    async admit(req) {
      const at = now();
      if (req.disabled) {
        const ends = req.disabled.at + req.disabledRetentionMs;
        if (at >= ends)
          return {
            go: false,
            reason: 'end',
            error: `destination disabled${req.disabled.reason ? `: ${req.disabled.reason}` : ''}`,
          };
        return { go: false, reason: 'disabled', retryInMs: Math.round(Math.min(ends - at, longHold(req.holds))) };
      }
      if (req.paused) return { go: false, reason: 'paused', retryInMs: Math.round(longHold(req.holds)) };
      if (troubledTooLong(cache.get(req), at, req.breaker) && options.disable) {
        const reason = `circuit open since ${new Date(cache.get(req).troubleSince!).toISOString()}`;
        if (await options.disable(req, reason))
          return { go: false, reason: 'disabled', retryInMs: Math.round(longHold(req.holds)) };
      }
      let decision = admit(cache.get(req), at, req.breaker, req.timeoutMs);
      // Only a change of state (a probe taken) needs the shared row; it decides again under its lock.
      if (decision.next) decision = await claimProbe(req, at);
      if (decision.go) return limits(req, decision.probe);
      // Spread over up to one cool-down, so the deliveries waiting do not all come back at once.
      const spread = Math.min(coolDownMs(req.breaker, cache.get(req).opens || 1), 30_000);
      return { go: false, reason: 'circuit_open', retryInMs: Math.round(decision.retryInMs + random() * spread) };
    },
    async settle(req, { probe, lease }, result) {
      if (lease) await options.leases?.release(lease);
      if (result.outcome === 'cancelled') return;
      // The receiver says the endpoint is gone for good: no more attempts for anyone.
      if (result.statusCode === 410 && options.disable) await options.disable(req, 'HTTP 410 Gone');
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
}
