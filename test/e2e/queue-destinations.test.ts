// The whole hub delivering to queue destinations: an ElasticMQ queue and a Kafka topic, and the
// retry path when the queue's server or the topic only appears after the first attempt failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { BarrageConfig } from '../../src/config';
import { startElasticMq, type RunningBroker } from '../../src/devtools/brokers';
import { freePort } from '../../src/net/free-port';
import { testConfig, uniqueName } from '../helpers/config';
import { createTopic, readRecords } from '../helpers/destination-fixtures';
import { testKafkaBrokers, testTemporalAddress } from '../helpers/env';
import { api, startHub, type TestHub } from '../helpers/hub';
import { createQueue, drainSqs, SQS_TEST_KEYS, testSqs } from '../helpers/queues';
import { eventually } from '../helpers/sink';

const KEY = 'key-queue-destinations';
/** Retries quick enough for a test, long enough to outlast a JVM starting up. */
const PATIENT_RETRY = { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '2s', maximumAttempts: 20, jitter: 0 };

const sqs = testSqs();
let receiver: TestHub;
let worker: TestHub;
let config: BarrageConfig;
let queueUrl: string;
let topic: string;
let lateTopic: string;
let latePort: number;
let lateQueueName: string;
let lateSqs: RunningBroker | undefined;
let lateSqsDir: string | undefined;

beforeAll(async () => {
  queueUrl = (await createQueue(sqs, 'dest')).url;
  topic = uniqueName('dest');
  await createTopic(topic);
  lateTopic = uniqueName('late');
  latePort = await freePort();
  lateQueueName = uniqueName('late');
  const brokers = testKafkaBrokers();
  config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('queue-dest'),
    tenants: [
      {
        id: 'tenant-q',
        namespace: 'barrage-e2e',
        apiKeys: [KEY],
        destinations: [
          { id: 'sqs-main', type: 'sqs', events: ['queued.*'], queueUrl, ...SQS_TEST_KEYS, timeout: '3s', retry: PATIENT_RETRY },
          { id: 'kafka-main', type: 'kafka', events: ['queued.*'], brokers, topic, timeout: '3s', retry: PATIENT_RETRY },
          {
            id: 'kafka-late',
            type: 'kafka',
            events: ['late.kafka'],
            brokers,
            topic: lateTopic,
            timeout: '3s',
            retry: PATIENT_RETRY,
          },
          {
            id: 'sqs-late',
            type: 'sqs',
            events: ['late.sqs'],
            // Nothing listens here until the test starts a second ElasticMQ on this very port.
            queueUrl: `http://127.0.0.1:${latePort}/000000000000/${lateQueueName}`,
            ...SQS_TEST_KEYS,
            timeout: '3s',
            retry: PATIENT_RETRY,
          },
        ],
      },
    ],
  });
  // Separate roles, so one test can take the worker away for a moment.
  receiver = await startHub(config, ['receiver']);
  worker = await startHub(config, ['worker']);
});

afterAll(async () => {
  await receiver?.stop();
  await worker?.stop();
  await lateSqs?.stop();
  if (lateSqsDir) rmSync(lateSqsDir, { recursive: true, force: true });
  sqs.destroy();
});

const post = (type: string, data: unknown) => api(`${receiver.url}/v1/events`, { key: KEY, body: { type, data } });
const attemptsOf = async (id: string) =>
  (await api(`${receiver.url}/v1/events/${id}/attempts`, { key: KEY })).body?.attempts as
    | { destination: string; attempt: number; outcome: string; error?: string; responseExcerpt?: string }[]
    | undefined;
const settled = (id: string, timeoutMs = 45_000) =>
  eventually(
    async () => {
      const res = await api(`${receiver.url}/v1/events/${id}`, { key: KEY });
      return ['delivered', 'failed', 'cancelled'].includes(res.body?.status) ? res.body : undefined;
    },
    timeoutMs,
    `event ${id} to settle`,
  );
const firstAttemptFailed = (id: string) =>
  eventually(
    async () => (await attemptsOf(id))?.find((a) => a.attempt === 1 && a.outcome === 'retryable'),
    20_000,
    'attempt 1 to fail',
  );

test('an event reaches the SQS queue and the Kafka topic, with its id, type and attempt attached', async () => {
  const res = await post('queued.created', { order: 7, note: 'Zoë' });
  expect(res.status).toBe(202);
  expect(res.body.destinations).toEqual(['sqs-main', 'kafka-main']);
  const id: string = res.body.id;
  expect((await settled(id)).status).toBe('delivered');

  const [message, ...extra] = await drainSqs(sqs, queueUrl, 1, 10_000);
  expect(extra).toEqual([]);
  expect(message.Body).toBe('{"order":7,"note":"Zoë"}');
  const attribute = (name: string) => message.MessageAttributes?.[name]?.StringValue;
  expect([attribute('barrage-event-id'), attribute('barrage-event-type'), attribute('barrage-attempt')]).toEqual([
    id,
    'queued.created',
    '1',
  ]);
  expect(attribute('content-type')).toBe('application/json');

  const [record] = await readRecords(topic, 1);
  expect(record.value.toString()).toBe('{"order":7,"note":"Zoë"}');
  expect(record.key?.toString()).toBe(id);
  expect(record.headers).toMatchObject({
    'barrage-event-id': id,
    'barrage-event-type': 'queued.created',
    'barrage-attempt': '1',
  });

  const attempts = await attemptsOf(id);
  expect(attempts?.find((a) => a.destination === 'sqs-main')?.responseExcerpt).toBe(`MessageId=${message.MessageId}`);
  expect(attempts?.find((a) => a.destination === 'kafka-main')?.responseExcerpt).toBe(
    `partition=${record.partition} offset=${record.offset}`,
  );
});

test('Kafka: a topic that does not exist yet fails attempt 1 as retryable; once created, a later attempt delivers', async () => {
  const res = await post('late.kafka', { n: 1 });
  const id: string = res.body.id;
  const first = await firstAttemptFailed(id);
  expect(first.error).toContain(`topic "${lateTopic}" does not exist`);
  await createTopic(lateTopic);

  const body = await settled(id);
  expect(body.status).toBe('delivered');
  expect(body.destinations[0]).toMatchObject({ destination: 'kafka-late', status: 'delivered' });
  expect(body.destinations[0].attempts).toBeGreaterThanOrEqual(2);
  const attempts = (await attemptsOf(id))!;
  expect(attempts[0]).toMatchObject({ attempt: 1, outcome: 'retryable' });
  expect(attempts[attempts.length - 1]).toMatchObject({
    outcome: 'delivered',
    responseExcerpt: expect.stringMatching(/^partition=/),
  });
  const records = await readRecords(lateTopic, 1);
  expect(records.map((r) => [r.value.toString(), r.headers['barrage-event-id']])).toEqual([['{"n":1}', id]]);
});

test('SQS: an endpoint where nothing listens fails attempt 1 as retryable; once the server is up, a later attempt delivers', async () => {
  const res = await post('late.sqs', { n: 2 });
  const id: string = res.body.id;
  const first = await firstAttemptFailed(id);
  expect(first.error).toMatch(/ECONNREFUSED/);

  // A queue created after the server's first answer leaves a moment in which an attempt would get
  // QueueDoesNotExist, which is rightly permanent. No worker, no attempts: the workflow's retry
  // timer simply waits for the next worker.
  await worker.stop();
  lateSqsDir = mkdtempSync(join(tmpdir(), 'barrage-late-sqs-'));
  lateSqs = await startElasticMq({ port: latePort, dataDir: lateSqsDir });
  const lateClient = new SQSClient({
    region: SQS_TEST_KEYS.region,
    endpoint: lateSqs.address,
    credentials: { accessKeyId: SQS_TEST_KEYS.accessKeyId, secretAccessKey: SQS_TEST_KEYS.secretAccessKey },
  });
  try {
    const created = await lateClient.send(new CreateQueueCommand({ QueueName: lateQueueName }));
    worker = await startHub(config, ['worker']);
    const body = await settled(id);
    expect(body.status).toBe('delivered');
    expect(body.destinations[0]).toMatchObject({ destination: 'sqs-late', status: 'delivered' });
    expect(body.destinations[0].attempts).toBeGreaterThanOrEqual(2);
    const attempts = (await attemptsOf(id))!;
    expect(attempts[0]).toMatchObject({ attempt: 1, outcome: 'retryable' });
    const messages = await drainSqs(lateClient, created.QueueUrl!, 1, 10_000);
    expect(messages.map((m) => [m.Body, m.MessageAttributes?.['barrage-event-id']?.StringValue])).toEqual([['{"n":2}', id]]);
  } finally {
    lateClient.destroy();
  }
});
