// Queue sources read the registry as it changes, as receivers do: a destination and an event
// type made through the API after the pollers started route and check the next SQS message (a
// message whose data misses its type's schema is poison and goes to the redrive dead letter).
import type { SQSClient } from '@aws-sdk/client-sqs';
import { testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { createQueueWithRedrive, drainSqs, sendSqs, SQS_TEST_KEYS, testSqs } from '../helpers/queues';
import { startDatabaseHub, type DatabaseHub } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-queue-registry';
let sqs: SQSClient;
let sink: TestSink;
let hub: DatabaseHub;
let redrive: Awaited<ReturnType<typeof createQueueWithRedrive>>;

beforeAll(async () => {
  sqs = testSqs();
  sink = await startTestSink();
  redrive = await createQueueWithRedrive(sqs, 'registry', 2, 1);
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('queue-registry'),
    tenants: [
      {
        id: 'queue_registry',
        namespace: 'barrage-queue-registry',
        apiKeys: [KEY],
        destinations: [],
        sources: [
          {
            id: 'orders',
            type: 'sqs',
            queueUrl: redrive.queue.url,
            ...SQS_TEST_KEYS,
            eventType: { jsonPath: '$.type' },
            waitTimeSeconds: 1,
          },
        ],
      },
    ],
  });
  hub = await startDatabaseHub(config, ['receiver', 'worker', 'pollers']);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
  sqs?.destroy();
});

const call = (path: string, body?: unknown) => api(`${hub.url}${path}`, { key: KEY, body });

test('an API destination and event type made after start route and check queue messages', async () => {
  expect((await call('/v1/destinations', { id: 'api-made', url: `${sink.url}/api-made`, events: ['order.*'] })).status).toBe(201);
  const schema = { type: 'object', required: ['amount'], properties: { amount: { type: 'number' } } };
  expect((await call('/v1/event-types', { name: 'order.created', schema })).status).toBe(201);
  const poisonBody = JSON.stringify({ type: 'order.created', amount: 'not a number' });
  const poisonId = await sendSqs(sqs, redrive.queue.url, poisonBody);
  const good = JSON.stringify({ type: 'order.created', amount: 7, marker: uniqueName('good') });
  await sendSqs(sqs, redrive.queue.url, good);
  await eventually(
    async () => (sink.received.some((r) => r.body.toString() === good) ? true : undefined),
    30_000,
    'the good one',
  );
  expect(sink.received.find((r) => r.body.toString() === good)?.path).toMatch(/\/api-made$/);
  const dead = await drainSqs(sqs, redrive.dlq.url, 1, 20_000);
  expect(dead.map((m) => [m.MessageId, m.Body])).toEqual([[poisonId, poisonBody]]);
  expect(sink.received.some((r) => r.body.toString() === poisonBody)).toBe(false);
  expect(hub.pollers.find((p) => p.sourceId === 'orders')!.stats().poison).toBeGreaterThanOrEqual(1);
});
