// Dead letters whose target is not an ordinary live destination: disabled (it still takes them:
// an operator's sink, not a subscriber) or deleted (the failure stays visible on the event and in
// barrage_dead_letters_total). Real hub with a PostgreSQL registry, real Temporal, real sinks.
import type { Client } from '@temporalio/client';
import type { BarrageConfig } from '../../src/config';
import { readEventStatus } from '../../src/events/status';
import { testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { parsePrometheus, sampleValue } from '../helpers/prometheus';
import { openTestRegistry, type TestRegistry } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'dead-letters-key';
const TENANT = 'dl';
let config: BarrageConfig;
let hub: TestHub;
let reg: TestRegistry;
let client: Client;
let failing: TestSink;
let audit: TestSink;

beforeAll(async () => {
  failing = await startTestSink(() => ({ status: 404, body: 'no such hook' }));
  audit = await startTestSink();
  const namespace = uniqueName('barrage-dl');
  config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('dl'),
    tenants: [{ id: TENANT, namespace, apiKeys: [KEY], destinations: [] }],
  });
  reg = await openTestRegistry(config);
  hub = await startHub(config, ['receiver', 'worker'], undefined, { registry: reg.registry });
  client = await temporalClient(testTemporalAddress(), namespace);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await reg?.close();
  await client?.connection.close();
  await failing?.close();
  await audit?.close();
});

async function createDestination(body: Record<string, unknown>): Promise<void> {
  const res = await api(`${hub.url}/v1/destinations`, { key: KEY, body });
  expect(res.status).toBe(201);
}

const post = async (type: string) =>
  (await api(`${hub.url}/v1/events`, { key: KEY, body: { type, data: { n: 1 } } })).body.id as string;

/** The event once its failed delivery's dead letter has ended, as GET /v1/events/{id} reads it. */
const deadLetterSettled = (id: string) =>
  eventually(
    async () => {
      const status = await readEventStatus(client, id);
      const deadLetter = status?.destinations[0]?.deadLetter;
      return deadLetter && ['delivered', 'failed', 'cancelled'].includes(deadLetter.status) ? status : undefined;
    },
    30_000,
    `the dead letter of ${id}`,
  );

const deadLettersCounted = async (destination: string, status: string) => {
  const samples = parsePrometheus(await (await fetch(`${hub.url}/metrics`)).text());
  return sampleValue(samples, 'barrage_dead_letters_total', { tenant: TENANT, destination, status }) ?? 0;
};

test('a disabled dead-letter target still receives the dead letters of failed deliveries', async () => {
  await createDestination({ id: 'audit-off', url: audit.url, events: ['never.sent'], disabled: true });
  await createDestination({ id: 'fails-to-off', url: failing.url, events: ['off.*'], deadLetter: 'audit-off' });
  const id = await post('off.failed');
  const status = await deadLetterSettled(id);
  expect(status.destinations[0]).toMatchObject({
    destinationId: 'fails-to-off',
    status: 'failed',
    deadLetteredTo: 'audit-off',
    deadLetter: { destination: 'audit-off', status: 'delivered', attempts: 1 },
  });
  const [dead] = audit.received.filter((r) => JSON.parse(r.body.toString()).event?.id === id);
  expect(JSON.parse(dead.body.toString())).toMatchObject({
    type: 'barrage.dead_letter',
    failure: { destination: 'fails-to-off', attempts: 1, lastStatusCode: 404 },
  });
  expect(await deadLettersCounted('audit-off', 'delivered')).toBe(1);
});

test('a deleted dead-letter target (before accept, or after): the failure shows on the event and in the metric', async () => {
  await createDestination({ id: 'audit-gone', url: audit.url, events: ['never.sent'] });
  await createDestination({ id: 'fails-to-gone', url: failing.url, events: ['gone.*'], deadLetter: 'audit-gone' });
  // Accepted while the target exists; its delivery fails only after the target is deleted.
  await createDestination({
    id: 'fails-later',
    url: `${failing.url}/later`,
    events: ['later.*'],
    deadLetter: 'audit-gone',
    retry: { initialInterval: '2s', maximumInterval: '2s', maximumAttempts: 2, jitter: 0 },
  });
  failing.respond = (r) => (r.path.endsWith('/later') ? { status: 503 } : { status: 404, body: 'no such hook' });
  const later = await post('later.failed');
  expect((await api(`${hub.url}/v1/destinations/audit-gone`, { method: 'DELETE', key: KEY })).status).toBe(204);
  const before = await post('gone.failed');

  for (const id of [before, later]) {
    const status = await deadLetterSettled(id);
    expect(status.status).toBe('failed');
    expect(status.destinations[0].deadLetter).toEqual({
      destination: 'audit-gone',
      status: 'cancelled',
      attempts: 1,
      cancelReason: 'destination deleted',
      lastError: 'destination deleted',
    });
    const res = await api(`${hub.url}/v1/events/${id}`, { key: KEY });
    expect(res.body.destinations[0]).toMatchObject({
      status: 'failed',
      deadLetteredTo: 'audit-gone',
      deadLetter: { destination: 'audit-gone', status: 'cancelled', cancelReason: 'destination deleted' },
    });
  }
  expect(audit.received.filter((r) => [before, later].includes(JSON.parse(r.body.toString()).event?.id))).toEqual([]);
  expect(await deadLettersCounted('audit-gone', 'cancelled')).toBe(2);
});
