// Auto-disable and what a disabled destination's waiting deliveries do: a 410 Gone disables the
// destination (reason recorded, new events no longer match it) and the tenant's
// operatorDestination receives `barrage.destination.disabled`; so does a circuit open past
// autoDisableAfter. A delivery waiting on a disabled destination ends "cancelled" after
// disabledRetention, or is delivered if the destination is enabled again first.
import { uniqueName } from '../helpers/config';
import { api } from '../helpers/hub';
import { startTenantHub, type DatabaseHub } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-auto-disable';
let hub: DatabaseHub;
let ops: TestSink;
const sinks: TestSink[] = [];

beforeAll(async () => {
  ops = await startTestSink();
  hub = await startTenantHub(
    {
      id: 'autodis',
      namespace: 'barrage-auto-disable',
      apiKeys: [KEY],
      operatorDestination: 'ops',
      destinations: [{ id: 'ops', type: 'http', url: ops.url, events: ['barrage.*'] }],
    },
    uniqueName('auto-disable'),
  );
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  for (const sink of [ops, ...sinks]) await sink?.close();
});

const call = (path: string, body?: unknown, method?: string) => api(`${hub.url}${path}`, { key: KEY, body, method });
const FAST = { initialInterval: '1s', backoffCoefficient: 1, maximumInterval: '1s', maximumAttempts: 30, jitter: 0 };

async function destinationTo(id: string, answer: (n: number) => number, extra: Record<string, unknown> = {}) {
  const sink = await startTestSink((_req, n) => ({ status: answer(n) }));
  sinks.push(sink);
  const res = await call('/v1/destinations', { id, type: 'http', url: sink.url, events: [`${id}.*`], retry: FAST, ...extra });
  expect(res.status).toBe(201);
  return sink;
}

const post = async (type: string) => {
  const res = await call('/v1/events', { type, data: {} });
  expect(res.status).toBe(202);
  return res.body as { id: string; destinations: string[] };
};

const deliveryOf = async (eventId: string, want: string) =>
  eventually(
    async () => {
      const got = await call(`/v1/events/${eventId}`);
      const d = got.body.destinations?.[0];
      return d?.status === want ? d : undefined;
    },
    60_000,
    `delivery ${want}`,
  );

/** The operator events the ops sink got about one destination. */
const announced = (id: string) =>
  ops.received
    .map((r) => JSON.parse(r.body.toString()))
    .filter((e) => e.type === 'barrage.destination.disabled' && e.data.destination.id === id);

test('a 410 Gone disables the destination, tells the operator destination, and new events skip it', async () => {
  await destinationTo('gone', () => 410);
  const event = await post('gone.created');
  expect(event.destinations).toEqual(['gone']);
  const failed = await deliveryOf(event.id, 'failed');
  expect(failed.attempts).toBe(1);
  const got = await eventually(
    async () => {
      const d = await call('/v1/destinations/gone');
      return d.body.disabled ? d.body : undefined;
    },
    10_000,
    'gone disabled',
  );
  expect(got).toMatchObject({ disabled: true, disabledReason: 'HTTP 410 Gone' });
  expect(Date.parse(got.disabledAt)).toBeGreaterThan(0);
  const [note] = await eventually(
    async () => (announced('gone').length ? announced('gone') : undefined),
    20_000,
    'operator event',
  );
  expect(note.data).toMatchObject({ reason: 'HTTP 410 Gone', destination: { id: 'gone', type: 'http' } });
  expect(announced('gone')).toHaveLength(1);
  expect((await post('gone.created')).destinations).toEqual([]);
}, 90_000);

test('a circuit open past autoDisableAfter disables the destination and tells the operator', async () => {
  await destinationTo('dead', () => 503, { breaker: { failures: 2, coolDown: '1s', autoDisableAfter: '3s' } });
  const event = await post('dead.created');
  const got = await eventually(
    async () => {
      const d = await call('/v1/destinations/dead');
      return d.body.disabled ? d.body : undefined;
    },
    45_000,
    'dead disabled',
  );
  expect(got.disabledReason).toMatch(/^circuit open since /);
  await eventually(async () => (announced('dead').length ? true : undefined), 20_000, 'operator event');
  // Still waiting (retention 7 days by default), not failed: enabling it again would deliver it.
  const status = await call(`/v1/events/${event.id}`);
  expect(['delivering', 'retrying']).toContain(status.body.destinations[0].status);
}, 90_000);

test('disabled while a delivery waits: cancelled after disabledRetention, delivered if enabled first', async () => {
  const waiting = {
    later: await destinationTo('later', (n) => (n === 0 ? 503 : 200), { disabledRetention: '2s' }),
    revived: await destinationTo('revived', (n) => (n === 0 ? 503 : 200), { disabledRetention: '5m' }),
  };
  const later = await post('later.created');
  const revived = await post('revived.created');
  for (const [id, sink] of Object.entries(waiting)) {
    await sink.waitFor(1, 10_000);
    expect((await call(`/v1/destinations/${id}`, { disabled: true }, 'PATCH')).status).toBe(200);
  }
  const cancelled = await deliveryOf(later.id, 'cancelled');
  // The failed first attempt; the second waited on the disabled destination and ended without a
  // request, recorded as "cancelled" with the reason.
  expect(cancelled.attempts).toBe(2);
  expect(waiting.later.received).toHaveLength(1);
  const attempts = (await call(`/v1/events/${later.id}/attempts`)).body.attempts;
  expect(attempts[1]).toMatchObject({ outcome: 'cancelled', error: 'destination disabled' });
  await new Promise((r) => setTimeout(r, 3_000));
  expect((await call(`/v1/destinations/revived`, { disabled: false }, 'PATCH')).status).toBe(200);
  const delivered = await deliveryOf(revived.id, 'delivered');
  expect(delivered.attempts).toBe(2);
}, 120_000);
