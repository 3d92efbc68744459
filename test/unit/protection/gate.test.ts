import { DEFAULT_BREAKER } from '../../../src/protection/breaker';
import { createGate } from '../../../src/protection/gate';
import { memoryHealthStore } from '../../../src/protection/health-store';
import { memoryTokens } from '../../../src/protection/tokens';
import { createLogger } from '../../../src/telemetry/logger';

const breaker = { ...DEFAULT_BREAKER, coolDown: 1_000, maxCoolDown: 1_000, autoDisableAfter: 10_000 };
const req = { tenantId: 't', destinationId: 'd', paused: false, disabledRetentionMs: 5_000, breaker, timeoutMs: 1_000, holds: 0 };
const failed = { outcome: 'retryable' as const, error: 'HTTP 503' };

async function gateAt(clock: { now: number }, disable: (reason: string) => boolean) {
  const reasons: string[] = [];
  const gate = await createGate(memoryHealthStore(), {
    logger: createLogger('silent'),
    now: () => clock.now,
    random: () => 0,
    disable: async (_key, reason) => (reasons.push(reason), disable(reason)),
  });
  return { gate, reasons };
}

test('open past autoDisableAfter: a destination that can be disabled is, and its attempts are held', async () => {
  const clock = { now: 0 };
  const { gate, reasons } = await gateAt(clock, () => true);
  for (let i = 0; i < 5; i++) await gate.settle(req, { probe: false }, failed);
  clock.now = 10_000;
  expect(await gate.admit(req)).toMatchObject({ go: false, reason: 'disabled' });
  expect(reasons).toEqual(['circuit open since 1970-01-01T00:00:00.000Z']);
  await gate.close();
});

test('one that cannot be disabled (a config-file destination) goes on probing instead of waiting forever', async () => {
  const clock = { now: 0 };
  const { gate, reasons } = await gateAt(clock, () => false);
  for (let i = 0; i < 5; i++) await gate.settle(req, { probe: false }, failed);
  clock.now = 10_000;
  expect(await gate.admit(req)).toEqual({ go: true, probe: true });
  expect(reasons).toHaveLength(1);
  await gate.close();
});

test('disabled: held until disabledRetention ends, then the delivery ends with the reason; paused: held', async () => {
  const clock = { now: 1_000 };
  const { gate } = await gateAt(clock, () => true);
  const disabled = { ...req, disabled: { at: 0, reason: 'HTTP 410 Gone' } };
  expect(await gate.admit(disabled)).toMatchObject({ go: false, reason: 'disabled', retryInMs: 4_000 });
  clock.now = 5_000;
  expect(await gate.admit(disabled)).toEqual({ go: false, reason: 'end', error: 'destination disabled: HTTP 410 Gone' });
  expect(await gate.admit({ ...req, paused: true })).toMatchObject({ go: false, reason: 'paused', retryInMs: 10_000 });
  expect(await gate.admit({ ...req, paused: true, holds: 20 })).toMatchObject({ retryInMs: 120_000 });
  await gate.close();
});

test('rateLimit.burst: a full bucket lets burst attempts go at once, then one per 1/perSecond; an empty one holds', async () => {
  const clock = { now: 0 };
  const gate = await createGate(memoryHealthStore(), {
    logger: createLogger('silent'),
    now: () => clock.now,
    random: () => 0,
    tokens: memoryTokens(() => clock.now),
  });
  const limited = { ...req, rateLimit: { perSecond: 10, burst: 3 } };
  for (let i = 0; i < 3; i++) expect(await gate.admit(limited)).toEqual({ go: true, probe: false });
  // Held, not failed: looks again when the next token is due (1/perSecond).
  expect(await gate.admit(limited)).toEqual({ go: false, reason: 'rate_limited', retryInMs: 100 });
  clock.now = 100;
  expect(await gate.admit(limited)).toMatchObject({ go: true });
  expect(await gate.admit(limited)).toMatchObject({ go: false, reason: 'rate_limited' });
  // Without a burst the gate takes no token: Temporal's own limit is all there is.
  expect(await gate.admit(req)).toMatchObject({ go: true });
  clock.now = 10_000;
  // A long quiet spell fills the bucket to burst, never beyond.
  for (let i = 0; i < 3; i++) expect(await gate.admit(limited)).toMatchObject({ go: true });
  expect(await gate.admit(limited)).toMatchObject({ go: false });
  await gate.close();
});
