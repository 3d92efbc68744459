// Event ids that used to collide with delivery IDs (`<event>.<destination>`), events accepted
// before the "~" IDs, and an event no destination subscribes to: through the public API, on the
// real hub (receiver + worker), real Temporal and real HTTP sinks.
import type { Client } from '@temporalio/client';
import {
  deliveryWorkflowId,
  deliverySearchAttributes,
  WORKFLOW,
  type CallbackInput,
  type DeliveryInput,
} from '../../src/contracts';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'event-ids-key';
const FINAL = ['delivered', 'failed', 'cancelled'];
let hub: TestHub;
let client: Client;
let taskQueue: string;
const sinks = {} as Record<'example' | 'pairs' | 'retrying' | 'legacy', TestSink>;

beforeAll(async () => {
  for (const name of ['example', 'pairs', 'retrying', 'legacy'] as const) sinks[name] = await startTestSink();
  // X2's first attempt fails and waits 3 s for its retry; every other request is delivered.
  sinks.retrying.respond = (r) => ({
    status: r.headers['webhook-id'] === x2 && deliveredTo(sinks.retrying, x2).length === 1 ? 500 : 200,
  });
  const namespace = uniqueName('barrage-ids');
  taskQueue = uniqueName('ids');
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue,
    tenants: [
      {
        id: 'ids',
        namespace,
        apiKeys: [KEY],
        destinations: [
          destination('example-sink', sinks.example.url, { events: ['x1.*'] }),
          destination('c', sinks.pairs.url, { events: ['pair.*'] }),
          destination('b.c', sinks.pairs.url, { events: ['pair.*'] }),
          destination('d1', sinks.retrying.url, {
            events: ['x2.*'],
            retry: { initialInterval: '3s', maximumInterval: '3s', maximumAttempts: 3, jitter: 0 },
          }),
          destination('old', sinks.legacy.url, { events: ['never.routed'] }),
        ],
      },
    ],
  });
  hub = await startHub(config);
  client = await temporalClient(testTemporalAddress(), namespace);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await client?.connection.close();
  await Promise.all(Object.values(sinks).map((s) => s.close()));
});

const x2 = uniqueName('X2');
const post = (body: unknown) => api(`${hub.url}/v1/events`, { key: KEY, body });
const read = (id: string, path = '') => api(`${hub.url}/v1/events/${id}${path}`, { key: KEY });
const settled = (id: string) =>
  eventually(
    async () => {
      const res = await read(id);
      return FINAL.includes(res.body?.status) ? res : undefined;
    },
    30_000,
    `event ${id} to settle`,
  );
const deliveredTo = (sink: TestSink, id: string) => sink.received.filter((r) => r.headers['webhook-id'] === id);

describe('ids that collided with delivery IDs', () => {
  test('X1, then X1.example-sink: both accepted, both delivered, both readable', async () => {
    const x1 = uniqueName('X1');
    expect((await post({ type: 'x1.created', id: x1, data: { n: 1 } })).status).toBe(202);
    expect((await settled(x1)).body.status).toBe('delivered');
    // Its delivery was `X1.example-sink` before; now that id is free for an event.
    const second = await post({ type: 'x1.created', id: `${x1}.example-sink`, data: { n: 2 } });
    expect(second).toMatchObject({ status: 202, body: { id: `${x1}.example-sink`, duplicate: false } });
    const [first, other] = await Promise.all([settled(x1), settled(`${x1}.example-sink`)]);
    expect(first.body).toMatchObject({ status: 'delivered', destinations: [{ destination: 'example-sink', attempts: 1 }] });
    expect(other.body).toMatchObject({ status: 'delivered', destinations: [{ destination: 'example-sink', attempts: 1 }] });
    expect(deliveredTo(sinks.example, x1).map((r) => r.body.toString())).toEqual(['{"n":1}']);
    expect(deliveredTo(sinks.example, `${x1}.example-sink`).map((r) => r.body.toString())).toEqual(['{"n":2}']);
  });

  test('a.b → c and a → b.c (one ID before) are both delivered', async () => {
    const a = uniqueName('a');
    expect((await post({ type: 'pair.made', id: `${a}.b`, data: { e: 'a.b' } })).status).toBe(202);
    expect((await post({ type: 'pair.made', id: a, data: { e: 'a' } })).status).toBe(202);
    for (const id of [a, `${a}.b`]) {
      const { body } = await settled(id);
      expect(body.status).toBe('delivered');
      expect(body.destinations.map((d: { destination: string }) => d.destination)).toEqual(['c', 'b.c']);
    }
    // Each event reached each destination once: four deliveries, none lost to a shared ID.
    expect(deliveredTo(sinks.pairs, a)).toHaveLength(2);
    expect(deliveredTo(sinks.pairs, `${a}.b`)).toHaveLength(2);
    const parent = async (id: string) => (await client.workflow.getHandle(id).describe()).parentExecution?.workflowId;
    expect(await parent(deliveryWorkflowId(`${a}.b`, 'c'))).toBe(`${a}.b`);
    expect(await parent(deliveryWorkflowId(a, 'b.c'))).toBe(a);
  });

  test('X2 waiting on its retry while event X2.d1 arrives: both delivered, GET X2 is 200', async () => {
    expect((await post({ type: 'x2.created', id: x2, data: { n: 1 } })).status).toBe(202);
    await eventually(async () => ((await read(x2)).body?.status === 'retrying' ? true : undefined), 10_000, 'X2 retrying');
    const arriving = await post({ type: 'x2.created', id: `${x2}.d1`, data: { n: 2 } });
    expect(arriving).toMatchObject({ status: 202, body: { duplicate: false, destinations: ['d1'] } });
    const [first, second] = await Promise.all([settled(x2), settled(`${x2}.d1`)]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'delivered', destinations: [{ destination: 'd1', attempts: 2 }] });
    expect(second.body).toMatchObject({ status: 'delivered', destinations: [{ destination: 'd1', attempts: 1 }] });
    expect(deliveredTo(sinks.retrying, x2)).toHaveLength(2);
    expect(deliveredTo(sinks.retrying, `${x2}.d1`)).toHaveLength(1);
  });
});

/**
 * What a version before the "~" IDs left behind: a callback (here one that never runs, on a task
 * queue nobody polls, so only its memo and input matter) and its delivery under the legacy ID
 * `<event>.<destination>`, as a manual retry's run (no parent) delivering to the hub's sink.
 */
async function legacyEvent(sinkStatus: number): Promise<{ eventId: string; legacyId: string }> {
  const eventId = uniqueName('old');
  const legacyId = `${eventId}.old`;
  const event = { eventId, tenantId: 'ids', eventType: 'never.routed', source: 'api', receivedAt: new Date().toISOString() };
  const payload = { contentType: 'application/json', body: '{"old":true}', encoding: 'utf8' as const };
  const plan = {
    destinationId: 'old',
    timeoutMs: 5000,
    retry: { initialIntervalMs: 100, backoffCoefficient: 1, maximumIntervalMs: 100, maximumAttempts: 1, jitter: 0 },
  };
  const callback: CallbackInput = { ...event, payload, destinations: [plan] };
  await client.workflow.start(WORKFLOW.callback, {
    workflowId: eventId,
    taskQueue: uniqueName('nobody-polls'),
    args: [callback],
    memo: { destinations: ['old'], eventType: event.eventType, source: 'api', receivedAt: event.receivedAt },
  });
  sinks.legacy.respond = () => ({ status: sinkStatus });
  const input: DeliveryInput = { event, payload, plan };
  await client.workflow.execute(WORKFLOW.delivery, {
    workflowId: legacyId,
    taskQueue,
    args: [input],
    typedSearchAttributes: deliverySearchAttributes(event, 'old'),
  });
  return { eventId, legacyId };
}

describe('events accepted before the "~" IDs', () => {
  test('are read, and retried under their legacy delivery ID (attempts continue)', async () => {
    const { eventId, legacyId } = await legacyEvent(500);
    try {
      const failed = await read(eventId);
      expect(failed.body).toMatchObject({
        status: 'failed',
        destinations: [{ destination: 'old', status: 'failed', attempts: 1 }],
      });
      expect((await read(eventId, '/attempts')).body.attempts).toEqual([
        expect.objectContaining({ destination: 'old', attempt: 1, statusCode: 500 }),
      ]);
      sinks.legacy.respond = () => ({ status: 200 });
      const retry = await api(`${hub.url}/v1/events/${eventId}/retry`, { key: KEY, body: {} });
      expect(retry).toMatchObject({ status: 202, body: { retried: ['old'] } });
      const done = await settled(eventId);
      expect(done.body.destinations).toEqual([expect.objectContaining({ destination: 'old', status: 'delivered', attempts: 2 })]);
      // The retry ran under the legacy ID; no delivery under the new one was started.
      expect((await client.workflow.getHandle(legacyId).describe()).status.name).toBe('COMPLETED');
      await expect(client.workflow.getHandle(deliveryWorkflowId(eventId, 'old')).describe()).rejects.toThrow(/not found/i);
    } finally {
      await client.workflow.getHandle(eventId).terminate('test cleanup');
    }
  });

  test('an event id equal to such a delivery ID is refused with 409 conflict, not answered "duplicate"', async () => {
    const { eventId, legacyId } = await legacyEvent(200);
    try {
      const res = await post({ type: 'x1.created', id: legacyId, data: {} });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/another id/) });
      expect((await read(legacyId)).status).toBe(404);
    } finally {
      await client.workflow.getHandle(eventId).terminate('test cleanup');
    }
  });
});

describe('an event no destination subscribes to', () => {
  test('is accepted with no destinations and reads back: delivered, no attempts, listed', async () => {
    const type = `${uniqueName('nobody')}.listens`;
    const res = await post({ type, data: { n: 1 } });
    expect(res).toMatchObject({ status: 202, body: { duplicate: false, destinations: [] } });
    const id = res.body.id as string;
    const status = await read(id);
    expect(status).toMatchObject({ status: 200, body: { id, type, status: 'delivered', destinations: [] } });
    expect(await read(id, '/attempts')).toEqual({ status: 200, body: { id, attempts: [] } });
    const listed = await eventually(
      async () => {
        const page = await api(`${hub.url}/v1/events?type=${type}`, { key: KEY });
        return page.body?.events?.length ? page.body.events : undefined;
      },
      20_000,
      'the event to be listed',
    );
    expect(listed).toEqual([expect.objectContaining({ id, type, destinations: [] })]);
  });
});
