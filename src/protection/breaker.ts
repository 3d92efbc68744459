// The circuit breaker as pure state transitions: what one destination's health becomes when an
// attempt asks to go and when it comes back. Stored and shared by health-store.ts; applied by gate.ts.
import { z } from 'zod';
import { duration } from '../base/fields';

export const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;
export type CircuitState = (typeof CIRCUIT_STATES)[number];

export const breakerSchema = z
  .object({
    enabled: z.boolean().default(true).describe('false: attempts always go, however many fail'),
    failures: z.number().int().min(1).max(1000).default(5).describe('consecutive failed attempts that open it'),
    failureRatio: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe(
        'also open when at least this share of the attempts in one window failed (absent: consecutive failures only; set, every attempt is counted in the shared health)',
      ),
    window: duration('the window failureRatio is counted over (one window after another)', 86_400_000).prefault('60s'),
    minimumAttempts: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(20)
      .describe('attempts a window needs before failureRatio can open it'),
    coolDown: duration('open this long before the first probes; doubles each time probing fails', 86_400_000).prefault('30s'),
    maxCoolDown: duration('the longest the cool-down grows to', 86_400_000).prefault('10m'),
    probes: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(3)
      .describe('attempts let through at once while half open: the first back well closes it, this many failed open it again'),
    autoDisableAfter: duration(
      'open (or probing) this long without closing disables the destination (API ones); 0: never',
      366 * 86_400_000,
    ).prefault('24h'),
  })
  .strict();
export type BreakerSettings = z.output<typeof breakerSchema>;
export const DEFAULT_BREAKER: BreakerSettings = breakerSchema.parse({});

/** One destination's shared health. Times are epoch milliseconds. */
export interface Health {
  state: CircuitState;
  since: number;
  /** Consecutive failed attempts while closed. */
  failures: number;
  /** Opens since it last closed: each one doubles the cool-down. */
  opens: number;
  /** Open: when probing may begin. */
  retryAt?: number;
  /** Half open: probes out now, the probes failed so far, and when an unanswered probe counts as lost. */
  probing: number;
  probeFailures: number;
  probeDeadline?: number;
  lastError?: string;
  lastErrorAt?: number;
  /** When it last left closed: open (or probing) since then without closing. */
  troubleSince?: number;
  /** failureRatio's current window while closed: when it began, its attempts and failures. */
  windowStart?: number;
  windowAttempts?: number;
  windowFailures?: number;
}

export const CLOSED: Health = { state: 'closed', since: 0, failures: 0, opens: 0, probing: 0, probeFailures: 0 };

export type Admission = { go: true; probe: boolean; next?: Health } | { go: false; retryInMs: number; next?: Health };

export const coolDownMs = (s: BreakerSettings, opens: number) =>
  Math.min(s.coolDown * 2 ** Math.max(0, opens - 1), s.maxCoolDown);

/** May an attempt go now? `timeoutMs` bounds how long a probe it lets through may stay unanswered. */
export function admit(h: Health, now: number, s: BreakerSettings, timeoutMs: number): Admission {
  if (!s.enabled || h.state === 'closed') return { go: true, probe: false };
  if (h.state === 'open') {
    if (now < (h.retryAt ?? 0)) return { go: false, retryInMs: (h.retryAt ?? now) - now };
    return {
      go: true,
      probe: true,
      next: probeOut({ ...h, state: 'half_open', since: now, probing: 0, probeFailures: 0 }, now, timeoutMs),
    };
  }
  // A probe whose worker died never reports back: past its deadline its place is free again.
  const probing = h.probeDeadline !== undefined && now > h.probeDeadline ? 0 : h.probing;
  if (probing < s.probes) return { go: true, probe: true, next: probeOut({ ...h, probing }, now, timeoutMs) };
  return { go: false, retryInMs: Math.min(5_000, coolDownMs(s, h.opens)) };
}

function probeOut(h: Health, now: number, timeoutMs: number): Health {
  return { ...h, probing: h.probing + 1, probeDeadline: Math.max(h.probeDeadline ?? 0, now + timeoutMs + 5_000) };
}

/**
 * What an attempt's result makes of the health; undefined when nothing changes (the common case:
 * a success while closed with no failures counted, which then costs no write).
 */
export function settle(
  h: Health,
  result: { ok: boolean; probe: boolean; error?: string },
  now: number,
  s: BreakerSettings,
): Health | undefined {
  if (result.ok) {
    // One good answer while probing means it is back: a destination that fails now and then
    // (not down) would otherwise rarely get all its probes through and stay shut for minutes.
    if (h.state === 'half_open') return closed(h, now);
    if (h.state !== 'closed') return undefined;
    if (counted(s)) return { ...counting(h, now, s, false), failures: 0 };
    return h.failures > 0 ? { ...h, failures: 0 } : undefined;
  }
  const failed = { ...h, lastError: result.error, lastErrorAt: now };
  if (h.state === 'closed') {
    const failures = h.failures + 1;
    const next = counted(s) ? counting(failed, now, s, true) : failed;
    return s.enabled && (failures >= s.failures || ratioReached(next, s))
      ? open(failed, h.opens + 1, now, s)
      : { ...next, failures };
  }
  if (h.state !== 'half_open' || !result.probe) return undefined;
  // Every probe failed: open again, for longer. Fewer: the others (or the next ones) decide.
  const probeFailures = h.probeFailures + 1;
  if (probeFailures >= s.probes) return open(failed, h.opens + 1, now, s);
  return { ...failed, probing: Math.max(0, h.probing - 1), probeFailures };
}

const counted = (s: BreakerSettings) => s.enabled && s.failureRatio !== undefined;

/** The attempt counted in failureRatio's window, a new window once the last one has run out. */
function counting(h: Health, now: number, s: BreakerSettings, failed: boolean): Health {
  const fresh = h.windowStart === undefined || now - h.windowStart >= s.window;
  const base = fresh ? { windowStart: now, windowAttempts: 0, windowFailures: 0 } : h;
  return {
    ...h,
    windowStart: base.windowStart,
    windowAttempts: (base.windowAttempts ?? 0) + 1,
    windowFailures: (base.windowFailures ?? 0) + (failed ? 1 : 0),
  };
}

function ratioReached(h: Health, s: BreakerSettings): boolean {
  const attempts = h.windowAttempts ?? 0;
  return s.failureRatio !== undefined && attempts >= s.minimumAttempts && (h.windowFailures ?? 0) / attempts >= s.failureRatio;
}

function open(h: Health, opens: number, now: number, s: BreakerSettings): Health {
  const { probeDeadline: _, windowStart: __, windowAttempts: ___, windowFailures: ____, ...rest } = h;
  return {
    ...rest,
    state: 'open',
    since: now,
    failures: 0,
    opens,
    retryAt: now + coolDownMs(s, opens),
    probing: 0,
    probeFailures: 0,
    troubleSince: h.troubleSince ?? now,
  };
}

/** Open or probing without a break for at least autoDisableAfter (0: never). */
export function troubledTooLong(h: Health, now: number, s: BreakerSettings): boolean {
  if (!s.enabled || s.autoDisableAfter === 0 || h.state === 'closed' || h.troubleSince === undefined) return false;
  return now - h.troubleSince >= s.autoDisableAfter;
}

function closed(h: Health, now: number): Health {
  return { ...CLOSED, since: now, ...(h.lastError ? { lastError: h.lastError, lastErrorAt: h.lastErrorAt } : {}) };
}
