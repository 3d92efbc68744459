import type { CallbackInput, DeliveryPlan } from '../../../src/contracts';
import { MAX_HISTORY_BYTES, MAX_INPUT_BYTES, payloadBudgetProblem } from '../../../src/ingest/budget';
import { EVENT_ID, eventIdFor } from '../../../src/ingest/ids';

const plan = (i: number): DeliveryPlan => ({
  destinationId: `d${i}`,
  timeoutMs: 1000,
  retry: { initialIntervalMs: 1, backoffCoefficient: 1, maximumIntervalMs: 1, maximumAttempts: 1, jitter: 0 },
});
const input = (bodyBytes: number, destinations: number): CallbackInput => ({
  eventId: 'evt_x',
  tenantId: 't',
  eventType: 'e',
  source: 'api',
  receivedAt: '2026-01-01T00:00:00Z',
  payload: { contentType: 'text/plain', body: 'x'.repeat(bodyBytes), encoding: 'utf8' },
  destinations: Array.from({ length: destinations }, (_, i) => plan(i)),
});

describe('payload budget', () => {
  test('a normal callback passes', () => {
    expect(payloadBudgetProblem(input(256 * 1024, 10))).toBeUndefined();
  });

  test('an input over Temporal’s payload limit is refused', () => {
    expect(payloadBudgetProblem(input(MAX_INPUT_BYTES, 1))).toMatch(/Temporal takes at most/);
  });

  test('a fan-out whose copies would overflow the history is refused', () => {
    const body = 1024 * 1024;
    const destinations = Math.ceil(MAX_HISTORY_BYTES / body);
    expect(payloadBudgetProblem(input(body, destinations))).toMatch(/history budget/);
    expect(payloadBudgetProblem(input(body, 10))).toBeUndefined();
  });
});

describe('event IDs', () => {
  test('a key maps to one stable ID per tenant and source; no key maps to a fresh one', () => {
    expect(eventIdFor('t', 'api', 'k1')).toBe(eventIdFor('t', 'api', 'k1'));
    expect(eventIdFor('t', 'api', 'k1')).not.toBe(eventIdFor('t', 'shop', 'k1'));
    expect(eventIdFor('t', 'api', 'k1')).not.toBe(eventIdFor('u', 'api', 'k1'));
    expect(eventIdFor('t', 'api', undefined)).not.toBe(eventIdFor('t', 'api', undefined));
    for (const id of [eventIdFor('t', 'api', 'k'), eventIdFor('t', 'api', undefined)]) expect(id).toMatch(EVENT_ID);
  });

  test('random IDs stay well-formed and distinct across refills of their random pool', () => {
    const ids = Array.from({ length: 1000 }, () => eventIdFor('t', 'api', undefined));
    for (const id of ids) expect(id).toMatch(EVENT_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
