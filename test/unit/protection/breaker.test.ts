import {
  admit,
  CLOSED,
  coolDownMs,
  DEFAULT_BREAKER,
  settle,
  troubledTooLong,
  type BreakerSettings,
  type Health,
} from '../../../src/protection/breaker';

const s = DEFAULT_BREAKER;
const fail = { ok: false, probe: false, error: 'HTTP 503' };
const ok = { ok: true, probe: false };

function failTimes(n: number, start: Health = CLOSED, now = 1_000): Health {
  let h = start;
  for (let i = 0; i < n; i++) h = settle(h, fail, now, s) ?? h;
  return h;
}

test('defaults: 5 failures, 30 s cool-down doubling to 10 min, 3 probes, auto-disable after 24 h', () => {
  expect(s).toEqual({
    enabled: true,
    failures: 5,
    coolDown: 30_000,
    maxCoolDown: 600_000,
    probes: 3,
    autoDisableAfter: 86_400_000,
    window: 60_000,
    minimumAttempts: 20,
  });
  expect([1, 2, 3, 6, 9].map((opens) => coolDownMs(s, opens))).toEqual([30_000, 60_000, 120_000, 600_000, 600_000]);
});

test('opens after 5 consecutive failures; a success in between starts the count again', () => {
  expect(failTimes(4).state).toBe('closed');
  const reset = settle(failTimes(4), ok, 1_000, s)!;
  expect(reset.failures).toBe(0);
  expect(failTimes(4, reset).state).toBe('closed');
  const open = failTimes(5);
  expect(open).toMatchObject({ state: 'open', since: 1_000, opens: 1, retryAt: 31_000, lastError: 'HTTP 503' });
});

test('a clean success while closed changes nothing (no write)', () => {
  expect(settle(CLOSED, ok, 5, s)).toBeUndefined();
});

test('open: attempts wait until the cool-down ends, then up to 3 probes go and the rest wait', () => {
  const open = failTimes(5);
  expect(admit(open, 20_000, s, 10_000)).toEqual({ go: false, retryInMs: 11_000 });
  const first = admit(open, 31_000, s, 10_000);
  expect(first).toMatchObject({ go: true, probe: true, next: { state: 'half_open', probing: 1 } });
  let h = first.next!;
  for (const _ of [2, 3]) h = admit(h, 31_000, s, 10_000).next!;
  expect(h.probing).toBe(3);
  expect(admit(h, 31_500, s, 10_000)).toMatchObject({ go: false });
});

test('probes: one back well closes it; all of them failing re-opens it with a doubled cool-down', () => {
  const open = failTimes(5);
  let h = admit(open, 31_000, s, 10_000).next!;
  h = admit(h, 31_000, s, 10_000).next!;
  expect(settle(h, { ok: true, probe: true }, 32_100, s)).toMatchObject({
    state: 'closed',
    failures: 0,
    opens: 0,
    since: 32_100,
  });
  const oneFailed = settle(h, { ok: false, probe: true, error: 'timeout' }, 32_000, s)!;
  expect(oneFailed).toMatchObject({ state: 'half_open', probing: 1, probeFailures: 1 });
  // Its place is free again: another probe may go.
  const third = admit(oneFailed, 32_000, s, 10_000).next!;
  let h2 = settle(third, { ok: false, probe: true, error: 'timeout' }, 33_000, s)!;
  expect(h2.state).toBe('half_open');
  h2 = settle(h2, { ok: false, probe: true, error: 'timeout' }, 33_000, s)!;
  expect(h2).toMatchObject({ state: 'open', opens: 2, retryAt: 33_000 + 60_000, probing: 0, probeFailures: 0 });
});

test('a probe that never answers frees its place after its deadline', () => {
  let h = admit(failTimes(5), 31_000, s, 10_000).next!;
  h = admit(h, 31_000, s, 10_000).next!;
  h = admit(h, 31_000, s, 10_000).next!;
  expect(admit(h, 40_000, s, 10_000).go).toBe(false);
  expect(admit(h, 31_000 + 15_001, s, 10_000)).toMatchObject({ go: true, probe: true, next: { probing: 1 } });
});

test('disabled: never opens, always admits', () => {
  const off = { ...s, enabled: false };
  let h: Health = CLOSED;
  for (let i = 0; i < 10; i++) h = settle(h, fail, 1, off) ?? h;
  expect(h.state).toBe('closed');
  expect(admit({ ...h, state: 'open', retryAt: 10 }, 5, off, 1).go).toBe(true);
});

test('trouble is counted from the first open and survives re-opening; closing ends it', () => {
  const quick = { ...s, autoDisableAfter: 60_000 };
  const open = failTimes(5, CLOSED, 1_000);
  expect(open.troubleSince).toBe(1_000);
  const probing = admit(open, 31_000, quick, 10_000).next!;
  let reopened = probing;
  for (let i = 0; i < quick.probes; i++) reopened = settle(reopened, { ok: false, probe: true, error: 'x' }, 32_000, quick)!;
  expect(reopened).toMatchObject({ state: 'open', troubleSince: 1_000 });
  expect(troubledTooLong(reopened, 60_999, quick)).toBe(false);
  expect(troubledTooLong(reopened, 61_000, quick)).toBe(true);
  expect(troubledTooLong(reopened, 61_000, { ...quick, autoDisableAfter: 0 })).toBe(false);
  const again = admit(reopened, 200_000, quick, 10_000).next!;
  const closed = settle(again, { ok: true, probe: true }, 200_100, quick)!;
  expect(closed.state).toBe('closed');
  expect(closed.troubleSince).toBeUndefined();
});

describe('failureRatio', () => {
  const ratio = { ...s, failureRatio: 0.5, window: 10_000, minimumAttempts: 10 };
  /** Alternates failure and success `n` times from `start`, one attempt per ms from `now`. */
  function alternate(n: number, settings: BreakerSettings = ratio, start: Health = CLOSED, now = 1_000): Health {
    let h = start;
    for (let i = 0; i < n; i++) h = settle(h, i % 2 === 0 ? fail : ok, now + i, settings) ?? h;
    return h;
  }

  test('half of the attempts in a window failing opens it, though never 5 failed in a row', () => {
    expect(alternate(9).state).toBe('closed');
    expect(alternate(9)).toMatchObject({ windowAttempts: 9, windowFailures: 5 });
    const open = settle(alternate(9), ok, 2_000, ratio)!;
    expect(open.state).toBe('closed');
    expect(settle(open, fail, 2_001, ratio)).toMatchObject({ state: 'open', opens: 1 });
  });

  test('below the ratio, or before minimumAttempts, it stays closed; without failureRatio it never counts', () => {
    let h: Health = CLOSED;
    for (let i = 0; i < 40; i++) h = settle(h, i % 3 === 0 ? fail : ok, 1_000 + i, ratio) ?? h;
    expect(h.state).toBe('closed');
    expect(alternate(40, s).state).toBe('closed');
    expect(settle(CLOSED, ok, 5, s)).toBeUndefined();
    expect(alternate(40, s).windowAttempts).toBeUndefined();
  });

  test('a new window starts once the last has run out: old failures do not count', () => {
    const old = alternate(9);
    const later = settle(old, fail, 1_000 + 10_000, ratio)!;
    expect(later).toMatchObject({ state: 'closed', windowStart: 11_000, windowAttempts: 1, windowFailures: 1 });
  });
});
