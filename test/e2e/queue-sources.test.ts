// Queue sources end to end, in process: a message published to real SQS (ElasticMQ) or a real
// Kafka topic becomes a callback delivered to an HTTP sink, with its lineage recorded; a message
// that can never be accepted goes to its dead letter while the next one still flows.
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { KafkaJS } from '@confluentinc/kafka-javascript';
import { deliveryWorkflowId } from '../../src/contracts';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testKafkaBrokers, testTemporalAddress } from '../helpers/env';
import { api, startHub, temporalClient, type TestHub } from '../helpers/hub';
import {
  consumeTopic,
  createQueue,
  createQueueWithRedrive,
  createTopics,
  drainSqs,
  produce,
  sendSqs,
  SQS_TEST_KEYS,
  testKafka,
  testSqs,
} from '../helpers/queues';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-queues';
const NAMESPACE = 'barrage-e2e';
let sqs: SQSClient;
let kafka: KafkaJS.Kafka;
let sink: TestSink;
let hub: TestHub;
const topic = uniqueName('orders');
const poisonTopic = uniqueName('poison');
const waitingTopic = uniqueName('waiting');
let queueUrl: string;
let redrive: Awaited<ReturnType<typeof createQueueWithRedrive>>;

beforeAll(async () => {
  sqs = testSqs();
  kafka = testKafka();
  sink = await startTestSink();
  queueUrl = (await createQueue(sqs, 'orders')).url;
  redrive = await createQueueWithRedrive(sqs, 'poison', 2, 1);
  await createTopics(kafka, [
    { topic, numPartitions: 2 },
    { topic: poisonTopic, numPartitions: 1 },
    { topic: `${poisonTopic}.dead-letter`, numPartitions: 1 },
    { topic: waitingTopic, numPartitions: 1 },
  ]);
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('queues'),
    tenants: [
      {
        id: 'queues',
        namespace: NAMESPACE,
        apiKeys: [KEY],
        destinations: [destination('sink', sink.url)],
        sources: [
          {
            id: 'orders-sqs',
            type: 'sqs',
            queueUrl,
            ...SQS_TEST_KEYS,
            eventType: { attribute: 'EventType' },
            waitTimeSeconds: 1,
          },
          {
            id: 'poison-sqs',
            type: 'sqs',
            queueUrl: redrive.queue.url,
            ...SQS_TEST_KEYS,
            eventType: { jsonPath: '$.type' },
            waitTimeSeconds: 1,
          },
          {
            id: 'orders-kafka',
            type: 'kafka',
            brokers: testKafkaBrokers(),
            topic,
            groupId: uniqueName('group'),
            eventType: { header: 'event-type' },
          },
          {
            id: 'waiting-kafka',
            type: 'kafka',
            brokers: testKafkaBrokers(),
            topic: waitingTopic,
            eventType: { jsonPath: '$.type' },
          },
          {
            id: 'poison-kafka',
            type: 'kafka',
            brokers: testKafkaBrokers(),
            topic: poisonTopic,
            eventType: { jsonPath: '$.type' },
          },
        ],
      },
    ],
    raw: { server: { port: 0, maxBodyBytes: 2048 } },
  });
  hub = await startHub(config, ['receiver', 'worker', 'pollers']);
});

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
  sqs?.destroy();
});

const deliveredWith = (marker: string) => sink.received.filter((r) => r.body.toString().includes(marker));

async function eventFor(marker: string, timeoutMs = 30_000) {
  const received = await eventually(async () => deliveredWith(marker)[0], timeoutMs, `delivery of ${marker}`);
  return String(received.headers['webhook-id']);
}

test('an SQS message is delivered to the HTTP sink, with its message id as lineage', async () => {
  const marker = uniqueName('sqs-msg');
  const body = JSON.stringify({ marker, total: 42 });
  const messageId = await sendSqs(sqs, queueUrl, body, { EventType: 'order.created' });
  const eventId = await eventFor(marker);
  const [delivered] = deliveredWith(marker);
  expect(delivered.body.toString()).toBe(body);
  expect(delivered.headers['barrage-event-type']).toBe('order.created');

  const status = await api(`${hub.url}/v1/events/${eventId}`, { key: KEY });
  expect(status.body).toMatchObject({
    source: 'orders-sqs',
    type: 'order.created',
    idempotencyKey: messageId,
    origin: { type: 'sqs', queueUrl, messageId },
  });
  // Acknowledged only after the start: the queue is empty once the callback exists.
  expect(await drainSqs(sqs, queueUrl, 1, 2000)).toHaveLength(0);

  const client = await temporalClient(testTemporalAddress(), NAMESPACE);
  const found = await eventually(
    async () => {
      const ids: string[] = [];
      for await (const wf of client.workflow.list({ query: `BarrageSource = "sqs:${messageId}"` })) ids.push(wf.workflowId);
      return ids.length >= 2 ? ids : undefined;
    },
    15_000,
    'visibility lists the callback and its delivery by lineage',
  );
  expect(found.sort()).toEqual([eventId, deliveryWorkflowId(eventId, 'sink')].sort());
  await client.connection.close();
});

test('Kafka records are delivered once each, with topic/partition/offset as lineage', async () => {
  const markers = Array.from({ length: 6 }, (_, i) => uniqueName(`kafka-${i}`));
  await produce(
    kafka,
    topic,
    markers.map((marker, i) => ({
      key: `k${i}`,
      value: JSON.stringify({ marker }),
      headers: { 'event-type': 'order.shipped' },
      partition: i % 2,
    })),
  );
  const eventIds = await Promise.all(markers.map((m) => eventFor(m)));
  expect(new Set(eventIds).size).toBe(markers.length);
  await new Promise((r) => setTimeout(r, 1000)); // room for a duplicate to show up, if there were one
  for (const marker of markers) expect(deliveredWith(marker)).toHaveLength(1);

  const status = await api(`${hub.url}/v1/events/${eventIds[0]}`, { key: KEY });
  expect(status.body.source).toBe('orders-kafka');
  expect(status.body.origin).toMatchObject({ type: 'kafka', topic, partition: 0 });
  expect(status.body.idempotencyKey).toMatch(new RegExp(`^${topic}/0/${status.body.origin.offset}@\\d{13}$`));
});

test('a poison SQS message is left to the redrive policy and the next message still flows', async () => {
  const poisonBody = 'this is not json';
  const poisonId = await sendSqs(sqs, redrive.queue.url, poisonBody);
  const marker = uniqueName('after-poison');
  await sendSqs(sqs, redrive.queue.url, JSON.stringify({ type: 'order.created', marker }));
  await eventFor(marker);
  // maxReceiveCount 2 with a 1 s visibility timeout: ElasticMQ moves it after the 2nd receive.
  const dead = await drainSqs(sqs, redrive.dlq.url, 1, 20_000);
  expect(dead.map((m) => [m.MessageId, m.Body])).toEqual([[poisonId, poisonBody]]);
  const poller = hub.pollers.find((p) => p.sourceId === 'poison-sqs')!;
  expect(poller.stats().poison).toBeGreaterThanOrEqual(1);
  expect(sink.received.some((r) => r.body.toString() === poisonBody)).toBe(false);
});

test('a poison Kafka record goes to the dead-letter topic with the error, and the next record flows', async () => {
  const marker = uniqueName('after-poison');
  const tooBig = JSON.stringify({ type: 'order.created', pad: 'x'.repeat(3000) });
  await produce(kafka, poisonTopic, [
    { key: 'bad-1', value: JSON.stringify({ no: 'type' }), headers: { trace: 't-1' } },
    { key: 'bad-2', value: tooBig },
    { key: 'good', value: JSON.stringify({ type: 'order.created', marker }) },
  ]);
  await eventFor(marker);
  const dead = await consumeTopic(kafka, `${poisonTopic}.dead-letter`, 2);
  expect(dead.map((r) => r.key)).toEqual(['bad-1', 'bad-2']);
  expect(dead[0].headers).toMatchObject({
    'barrage-error': 'no event type found',
    'barrage-source': 'poison-kafka',
    'barrage-origin': `${poisonTopic}/0/0`,
    trace: 't-1',
  });
  expect(dead[1].headers['barrage-error']).toMatch(/3\d{3} bytes; server.maxBodyBytes allows 2048/);
  expect(dead[1].value).toBe(tooBig);
  const poller = hub.pollers.find((p) => p.sourceId === 'poison-kafka')!;
  expect(poller.stats()).toMatchObject({ poison: 2, accepted: 1 });
});

test('while the dead-letter topic cannot be written, the partition waits: nothing is dropped or skipped', async () => {
  const marker = uniqueName('behind-poison');
  await produce(kafka, waitingTopic, [
    { key: 'bad', value: 'not json' },
    { key: 'good', value: JSON.stringify({ type: 'order.created', marker }) },
  ]);
  const poller = hub.pollers.find((p) => p.sourceId === 'waiting-kafka')!;
  await eventually(async () => (poller.stats().received >= 1 ? true : undefined), 20_000, 'the poison record read');
  await new Promise((r) => setTimeout(r, 3000));
  // The poison record is neither counted as handled nor committed past: the group's offset stays
  // before it, so a crash now would read it (and the record behind it) again.
  expect(poller.stats().poison).toBe(0);
  expect(['-1', undefined]).toContain(await committedOffset('barrage-waiting-kafka', waitingTopic));

  await createTopics(kafka, [{ topic: `${waitingTopic}.dead-letter`, numPartitions: 1 }]);
  // The dead-letter producer may first time out on the missing topic (30 s), then retry.
  await eventFor(marker, 70_000);
  const dead = await consumeTopic(kafka, `${waitingTopic}.dead-letter`, 1);
  expect(dead.map((r) => [r.key, r.value, r.headers['barrage-error']])).toEqual([
    ['bad', 'not json', "body is not valid JSON (the source's content type is application/json)"],
  ]);
  expect(poller.stats()).toMatchObject({ poison: 1, accepted: 1 });
  expect(deliveredWith(marker)).toHaveLength(1);
  await eventually(
    async () => ((await committedOffset('barrage-waiting-kafka', waitingTopic)) === '2' ? true : undefined),
    10_000,
    'commit past both',
  );
}, 120_000);

async function committedOffset(groupId: string, topic: string): Promise<string | undefined> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return offsets?.partitions.find((p) => p.partition === 0)?.offset;
  } finally {
    await admin.disconnect();
  }
}
