// Pollers as real processes (`barrage start --role pollers`): killed with SIGKILL mid-batch and
// restarted, stopped with SIGTERM, and run twice in one Kafka consumer group. Each message must
// end up with exactly one callback workflow and one delivery; none may be lost.
import type { SQSClient } from '@aws-sdk/client-sqs';
import { ConsumerGroupStates, type KafkaJS } from '@confluentinc/kafka-javascript';
import type { Client } from '@temporalio/client';
import { destination, testConfig, uniqueName, writeTestConfigFile } from '../helpers/config';
import { testKafkaBrokers, testSqsEndpoint, testTemporalAddress } from '../helpers/env';
import { startHub, temporalClient, type TestHub } from '../helpers/hub';
import { CLI, spawnLogged, type Spawned } from '../helpers/process';
import {
  createQueue,
  createTopics,
  drainSqs,
  produce,
  sendSqs,
  SQS_TEST_KEYS,
  startSqsProxy,
  testKafka,
  testSqs,
} from '../helpers/queues';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const NAMESPACE = 'barrage-queues';
let sqs: SQSClient;
let kafka: KafkaJS.Kafka;
let sink: TestSink;
let client: Client;
const running: Spawned[] = [];
const hubs: TestHub[] = [];

beforeAll(async () => {
  sqs = testSqs();
  kafka = testKafka();
  sink = await startTestSink();
  client = await temporalClient(testTemporalAddress(), NAMESPACE);
});

afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  for (const h of hubs) await h.stop();
  await sink?.close();
  await client?.connection.close();
  sqs?.destroy();
});

/** A config with the given queue sources; the worker runs in this process, pollers as children. */
async function setup(sources: Record<string, unknown>[]) {
  const options = {
    address: testTemporalAddress(),
    taskQueue: uniqueName('pollers'),
    tenants: [
      {
        id: 'pollers',
        namespace: NAMESPACE,
        apiKeys: [uniqueName('key')],
        destinations: [destination('sink', sink.url)],
        sources,
      },
    ],
  };
  const file = writeTestConfigFile('barrage-pollers', options);
  hubs.push(await startHub(testConfig(options), ['worker']));
  return file;
}

function startPollers(configFile: string): Spawned {
  const child = spawnLogged(process.execPath, [CLI, 'start', '--config', configFile, '--role', 'pollers']);
  running.push(child);
  return child;
}

/** The JSON log lines of a child process with the given message. */
function logLines(p: Spawned, msg: string): Record<string, any>[] {
  return p
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l))
    .filter((l) => l.msg === msg);
}

/** Callback workflows (not deliveries) recorded for a source, from Temporal visibility. */
async function callbacksOf(sourceId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const wf of client.workflow.list({ query: `BarrageSource = "${sourceId}" AND WorkflowType = "callbackWorkflow"` })) {
    ids.push(wf.workflowId);
  }
  return ids;
}

const deliveriesOf = (markerPrefix: string) => sink.received.filter((r) => r.body.toString().includes(markerPrefix));

test('pollers killed with SIGKILL between start and acknowledgement, then restarted, lose nothing and start no duplicate workflow', async () => {
  const COUNT = 60;
  const queue = await createQueue(sqs, 'kill');
  const topic = uniqueName('kill');
  await createTopics(kafka, [{ topic, numPartitions: 2 }]);
  const sqsId = uniqueName('kill-sqs');
  const kafkaId = uniqueName('kill-kafka');
  // The SQS side goes through a proxy that holds DeleteMessageBatch: the crash is sure to land after
  // Temporal recorded starts but before the queue heard about them.
  const proxy = await startSqsProxy(testSqsEndpoint());
  const file = await setup([
    {
      id: sqsId,
      type: 'sqs',
      queueUrl: queue.url,
      endpoint: proxy.url,
      ...SQS_TEST_KEYS,
      eventType: { fixed: 'kill.sqs' },
      waitTimeSeconds: 1,
      visibilityTimeout: 3,
    },
    {
      id: kafkaId,
      type: 'kafka',
      brokers: testKafkaBrokers(),
      topic,
      eventType: { fixed: 'kill.kafka' },
      // The killed member holds its partitions until its session expires (45 s by default).
      librdkafka: { 'session.timeout.ms': 6000, 'heartbeat.interval.ms': 1000 },
    },
  ]);
  const prefix = uniqueName('kill');
  for (let i = 0; i < COUNT; i++) await sendSqs(sqs, queue.url, JSON.stringify({ m: `${prefix}-sqs-${i}` }));
  await produce(
    kafka,
    topic,
    Array.from({ length: COUNT }, (_, i) => ({ value: JSON.stringify({ m: `${prefix}-kafka-${i}` }), partition: i % 2 })),
  );

  const first = startPollers(file);
  const acceptedBy = (p: Spawned, source: string) => logLines(p, 'callback accepted').filter((l) => l.source === source).length;
  await eventually(
    async () => (proxy.heldDeletes > 0 && acceptedBy(first, kafkaId) > 0 ? true : undefined),
    60_000,
    'first starts',
  );
  first.child.kill('SIGKILL');
  await first.exited;
  const before = { sqs: acceptedBy(first, sqsId), kafka: acceptedBy(first, kafkaId) };
  expect(before.sqs).toBeGreaterThan(0);
  expect(before.sqs + before.kafka).toBeLessThan(2 * COUNT);

  proxy.holdDeletes = false;
  const second = startPollers(file);
  await eventually(async () => (deliveriesOf(prefix).length >= 2 * COUNT ? true : undefined), 90_000, 'all deliveries');
  // Each message delivered once, and one callback workflow per message.
  const markers = deliveriesOf(prefix).map((r) => JSON.parse(r.body.toString()).m);
  expect(new Set(markers).size).toBe(2 * COUNT);
  expect(markers).toHaveLength(2 * COUNT);
  const [sqsCallbacks, kafkaCallbacks] = await eventually(
    async () => {
      const found = await Promise.all([callbacksOf(sqsId), callbacksOf(kafkaId)]);
      return found[0].length === COUNT && found[1].length === COUNT ? found : undefined;
    },
    15_000,
    'visibility to list every callback',
  );
  expect(new Set([...sqsCallbacks, ...kafkaCallbacks]).size).toBe(2 * COUNT);
  // The started-but-unacknowledged SQS messages came back and were recognised as duplicates.
  const duplicates = logLines(second, 'callback duplicate');
  expect(duplicates.filter((l) => l.source === sqsId).length).toBeGreaterThanOrEqual(before.sqs);
  // A start recorded just before the kill may have missed its log line: it shows up as a duplicate.
  const duplicatesOf = (source: string) => duplicates.filter((l) => l.source === source).length;
  for (const [source, startedBefore] of [
    [sqsId, before.sqs],
    [kafkaId, before.kafka],
  ] as const) {
    expect(startedBefore + acceptedBy(second, source)).toBeLessThanOrEqual(COUNT);
    expect(startedBefore + acceptedBy(second, source) + duplicatesOf(source)).toBeGreaterThanOrEqual(COUNT);
  }
  expect(await drainSqs(sqs, queue.url, 1, 4000)).toHaveLength(0);
  await proxy.close();
  console.log(
    `[kill test] in: ${2 * COUNT} messages; started before SIGKILL: sqs ${before.sqs} (acks held), kafka ${before.kafka}; ` +
      `after restart: accepted ${acceptedBy(second, sqsId) + acceptedBy(second, kafkaId)}, duplicate starts refused ${duplicates.length}; ` +
      `deliveries ${markers.length}; callback workflows ${sqsCallbacks.length + kafkaCallbacks.length}`,
  );
});

test('SIGTERM: the poller stops fetching, starts and acknowledges what it fetched, and exits 0', async () => {
  const COUNT = 40;
  const queue = await createQueue(sqs, 'term');
  const sqsId = uniqueName('term-sqs');
  const file = await setup([
    {
      id: sqsId,
      type: 'sqs',
      queueUrl: queue.url,
      ...SQS_TEST_KEYS,
      eventType: { fixed: 'term.sqs' },
      waitTimeSeconds: 1,
      visibilityTimeout: 2,
    },
  ]);
  const prefix = uniqueName('term');
  for (let i = 0; i < COUNT; i++) await sendSqs(sqs, queue.url, JSON.stringify({ m: `${prefix}-${i}` }));
  const poller = startPollers(file);
  await poller.waitForOutput(/callback accepted/, 60_000);
  poller.child.kill('SIGTERM');
  expect(await poller.exited).toBe(0);
  const [stopped] = logLines(poller, 'sqs poller stopped');
  expect(stopped).toMatchObject({ abandoned: 0, poison: 0 });
  expect(stopped.accepted).toBe(logLines(poller, 'callback accepted').length);

  // Every message is either still in the queue or has its workflow, never both, never neither.
  const left = await drainSqs(sqs, queue.url, COUNT - stopped.accepted, 20_000);
  const callbacks = await eventually(
    async () => {
      const ids = await callbacksOf(sqsId);
      return ids.length === stopped.accepted ? ids : undefined;
    },
    15_000,
    'visibility to list the started callbacks',
  );
  expect(left.length + callbacks.length).toBe(COUNT);
  const started = new Set(logLines(poller, 'callback accepted').map((l) => l.origin.messageId));
  for (const m of left) expect(started.has(m.MessageId)).toBe(false);
  console.log(`[sigterm test] in: ${COUNT}; started before exit ${callbacks.length}; left in queue ${left.length}`);
});

test('two pollers in one Kafka group split the partitions and process each record once', async () => {
  const COUNT = 40;
  const topic = uniqueName('group');
  await createTopics(kafka, [{ topic, numPartitions: 4 }]);
  const kafkaId = uniqueName('group-kafka');
  const groupId = uniqueName('group');
  const file = await setup([
    { id: kafkaId, type: 'kafka', brokers: testKafkaBrokers(), topic, groupId, eventType: { fixed: 'group.kafka' } },
  ]);
  const a = startPollers(file);
  const b = startPollers(file);
  await Promise.all([a.waitForOutput(/kafka poller started/), b.waitForOutput(/kafka poller started/)]);
  await waitForGroup(groupId, 2);

  const prefix = uniqueName('grp');
  await produce(
    kafka,
    topic,
    Array.from({ length: COUNT }, (_, i) => ({ value: JSON.stringify({ m: `${prefix}-${i}` }), partition: i % 4 })),
  );
  await eventually(async () => (deliveriesOf(prefix).length >= COUNT ? true : undefined), 60_000, 'all deliveries');
  const partitionsOf = (p: Spawned) => new Set(logLines(p, 'callback accepted').map((l) => l.origin.partition as number));
  const [pa, pb] = [partitionsOf(a), partitionsOf(b)];
  expect(pa.size).toBeGreaterThan(0);
  expect(pb.size).toBeGreaterThan(0);
  expect([...pa].filter((p) => pb.has(p))).toEqual([]);
  const accepted = logLines(a, 'callback accepted').length + logLines(b, 'callback accepted').length;
  const duplicates = logLines(a, 'callback duplicate').length + logLines(b, 'callback duplicate').length;
  expect(accepted).toBe(COUNT);
  expect(duplicates).toBe(0);
  expect(new Set(deliveriesOf(prefix).map((r) => r.body.toString())).size).toBe(COUNT);
  expect(deliveriesOf(prefix)).toHaveLength(COUNT);
  console.log(
    `[group test] in: ${COUNT}; poller A partitions ${[...pa]}, B ${[...pb]}; accepted ${accepted}; duplicates ${duplicates}`,
  );
  a.child.kill('SIGTERM');
  b.child.kill('SIGTERM');
  expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
});

test('two pollers on one SQS queue compete for messages and each message gets one callback', async () => {
  const COUNT = 60;
  const queue = await createQueue(sqs, 'compete');
  const sqsId = uniqueName('compete-sqs');
  const file = await setup([
    {
      id: sqsId,
      type: 'sqs',
      queueUrl: queue.url,
      ...SQS_TEST_KEYS,
      eventType: { fixed: 'compete.sqs' },
      waitTimeSeconds: 1,
      maxMessages: 5,
    },
  ]);
  const a = startPollers(file);
  const b = startPollers(file);
  await Promise.all([a.waitForOutput(/sqs poller started/), b.waitForOutput(/sqs poller started/)]);
  const prefix = uniqueName('cmp');
  for (let i = 0; i < COUNT; i++) await sendSqs(sqs, queue.url, JSON.stringify({ m: `${prefix}-${i}` }));
  await eventually(async () => (deliveriesOf(prefix).length >= COUNT ? true : undefined), 60_000, 'all deliveries');
  const [byA, byB] = [logLines(a, 'callback accepted').length, logLines(b, 'callback accepted').length];
  const duplicates = logLines(a, 'callback duplicate').length + logLines(b, 'callback duplicate').length;
  expect(byA).toBeGreaterThan(0);
  expect(byB).toBeGreaterThan(0);
  expect(byA + byB).toBe(COUNT);
  expect(deliveriesOf(prefix)).toHaveLength(COUNT);
  expect(new Set(deliveriesOf(prefix).map((r) => r.body.toString())).size).toBe(COUNT);
  const callbacks = await eventually(
    async () => {
      const ids = await callbacksOf(sqsId);
      return ids.length === COUNT ? ids : undefined;
    },
    15_000,
    'visibility to list every callback',
  );
  expect(new Set(callbacks).size).toBe(COUNT);
  console.log(`[compete test] in: ${COUNT}; poller A started ${byA}, B ${byB}; duplicates ${duplicates}; deliveries ${COUNT}`);
  a.child.kill('SIGTERM');
  b.child.kill('SIGTERM');
  expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
});

/** Waits until the group is stable with `members` members, so no rebalance runs while records flow. */
async function waitForGroup(groupId: string, members: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(
      async () => {
        const { groups } = await admin.describeGroups([groupId]);
        const group = groups[0];
        return group && group.state === ConsumerGroupStates.STABLE && group.members.length === members ? true : undefined;
      },
      30_000,
      `consumer group ${groupId} stable with ${members} members`,
    );
  } finally {
    await admin.disconnect();
  }
}
