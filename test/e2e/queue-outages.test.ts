// Outages under the pollers. Temporal goes away while messages keep arriving: the pollers hold
// them (no loss, no busy loop, nothing acknowledged, nothing new taken) and deliver every one once
// Temporal is back. And brokers that are down when a poller starts: it connects by itself later.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { KafkaJS } from '@confluentinc/kafka-javascript';
import { findTemporalCli } from '../../src/config';
import { startElasticMq, startKafka, type RunningBroker } from '../../src/devtools/brokers';
import { freePort, freePortOutsideEphemeralRange } from '../../src/net/free-port';
import { startDevServer, type DevServer } from '../../src/temporal/dev-server';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testKafkaBrokers, testTemporalAddress } from '../helpers/env';
import { capturingLogger, startHub, type TestHub } from '../helpers/hub';
import { createQueue, createTopics, produce, sendSqs, SQS_TEST_KEYS, testKafka, testSqs } from '../helpers/queues';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const NAMESPACE = 'barrage-outage';
let server: DevServer | undefined;
let hub: TestHub;
let sink: TestSink;
let sqs: SQSClient;
let kafka: KafkaJS.Kafka;
let port: number;
const dbFile = join(mkdtempSync(join(tmpdir(), 'barrage-outage-')), 'temporal.db');
const log = capturingLogger();

const startTemporal = () =>
  startDevServer({
    cliPath: findTemporalCli(process.env)!,
    ip: '127.0.0.1',
    port,
    headless: true,
    dbFile,
    namespaces: [NAMESPACE],
  });

afterAll(async () => {
  await hub?.stop();
  await server?.stop();
  await sink?.close();
  sqs?.destroy();
});

test('with Temporal down, pollers hold messages without acknowledging them, then deliver each once', async () => {
  port = await freePort();
  server = await startTemporal();
  sqs = testSqs();
  kafka = testKafka();
  sink = await startTestSink();
  const queue = await createQueue(sqs, 'outage');
  const topic = uniqueName('outage');
  await createTopics(kafka, [{ topic }]);
  const config = testConfig({
    address: server.address,
    taskQueue: uniqueName('outage'),
    tenants: [
      {
        id: 'outage',
        namespace: NAMESPACE,
        apiKeys: ['key-outage'],
        destinations: [destination('sink', sink.url)],
        sources: [
          {
            id: 'outage-sqs',
            type: 'sqs',
            queueUrl: queue.url,
            ...SQS_TEST_KEYS,
            eventType: { fixed: 'o.sqs' },
            waitTimeSeconds: 1,
          },
          { id: 'outage-kafka', type: 'kafka', brokers: testKafkaBrokers(), topic, eventType: { fixed: 'o.kafka' } },
        ],
      },
    ],
  });
  hub = await startHub(config, ['worker', 'pollers'], log.logger);
  const prefix = uniqueName('out');
  await sendSqs(sqs, queue.url, JSON.stringify({ m: `${prefix}-warmup` }));
  await sink.waitFor(1, 30_000);

  await server.stop();
  server = undefined;
  const COUNT = 5;
  for (let i = 0; i < COUNT; i++) await sendSqs(sqs, queue.url, JSON.stringify({ m: `${prefix}-sqs-${i}` }));
  await produce(
    kafka,
    topic,
    Array.from({ length: COUNT }, (_, i) => ({ value: JSON.stringify({ m: `${prefix}-kafka-${i}` }) })),
  );
  // Both pollers took their messages and now wait on Temporal, backing off.
  await eventually(
    async () => (hub.pollers.every((p) => p.stats().received > (p.sourceId === 'outage-sqs' ? 1 : 0)) ? true : undefined),
    30_000,
    'pollers received the new messages',
  );
  // Each start waits out its 10 s deadline before the first warning; then retries back off.
  const holdingLines = () => log.lines().filter((l) => String(l.msg).startsWith('cannot start callbacks'));
  await eventually(async () => (holdingLines().length >= 2 ? true : undefined), 40_000, 'both pollers to report holding');
  await new Promise((r) => setTimeout(r, 3000));
  expect(sink.received).toHaveLength(1);
  for (const p of hub.pollers) expect(p.stats().accepted).toBe(p.sourceId === 'outage-sqs' ? 1 : 0);
  const holding = holdingLines();
  // Stopped taking messages: more arrive, none is received while the held ones wait.
  const receivedWhileHolding = hub.pollers.map((p) => p.stats().received);
  for (let i = 0; i < 3; i++) await sendSqs(sqs, queue.url, JSON.stringify({ m: `${prefix}-sqs-late-${i}` }));
  await produce(
    kafka,
    topic,
    [0, 1, 2].map((i) => ({ value: JSON.stringify({ m: `${prefix}-kafka-late-${i}` }) })),
  );
  await new Promise((r) => setTimeout(r, 3000));
  expect(hub.pollers.map((p) => p.stats().received)).toEqual(receivedWhileHolding);
  // What /metrics reports meanwhile: the held ones in flight, the rest waiting in the broker. SQS
  // counts only visible messages (a held one is invisible); the Kafka group has committed nothing.
  const [sqsPoller, kafkaPoller] = ['outage-sqs', 'outage-kafka'].map((id) => hub.pollers.find((p) => p.sourceId === id)!);
  const held = { sqs: sqsPoller.stats().inFlight, kafka: kafkaPoller.stats().inFlight };
  expect([held.sqs >= 1, held.kafka >= 1]).toEqual([true, true]);
  expect([held.sqs + (await sqsPoller.lag()), await kafkaPoller.lag()]).toEqual([COUNT + 3, COUNT + 3]);
  // No busy loop: backoff doubles from 0.5 s, so a minute holds at most ~8 tries per message, not thousands.
  const retries = hub.pollers.reduce((n, p) => n + p.stats().retries, 0);
  expect(retries).toBeLessThanOrEqual(2 * COUNT * 8);
  // Throttled: an outage is reported every few seconds, not once per retry.
  expect(holding.length).toBeLessThan(10);

  server = await startTemporal();
  const total = 1 + 2 * COUNT + 6;
  await eventually(async () => (sink.received.length >= total ? true : undefined), 90_000, 'deliveries after recovery');
  await new Promise((r) => setTimeout(r, 1000));
  const markers = sink.received.map((r) => JSON.parse(r.body.toString()).m);
  expect(new Set(markers).size).toBe(markers.length);
  expect(markers).toHaveLength(total);
  for (const p of hub.pollers) expect([p.sourceId, p.stats().inFlight, await p.lag()]).toEqual([p.sourceId, 0, 0]);
  console.log(
    `[outage test] in: ${2 * COUNT + 6} during an outage; start retries ${retries}; holding warnings ${holding.length}; ` +
      `delivered after recovery ${markers.length - 1}; duplicates 0`,
  );
});

test('pollers started while their brokers are down connect by themselves once the brokers are up', async () => {
  // Outside the ephemeral range: the pollers dial these ports for a minute before anything listens.
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) ports.push(await freePortOutsideEphemeralRange(ports));
  const [kafkaPort, controllerPort, sqsPort] = ports;
  const brokersLog = capturingLogger();
  const lateSink = await startTestSink();
  const queueUrl = `http://127.0.0.1:${sqsPort}/000000000000/late`;
  const topic = 'late-orders';
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('late'),
    tenants: [
      {
        id: 'late',
        namespace: 'barrage-queues',
        apiKeys: ['key-late'],
        destinations: [destination('sink', lateSink.url)],
        sources: [
          { id: 'late-sqs', type: 'sqs', queueUrl, ...SQS_TEST_KEYS, eventType: { fixed: 'late.sqs' }, waitTimeSeconds: 1 },
          { id: 'late-kafka', type: 'kafka', brokers: [`127.0.0.1:${kafkaPort}`], topic, eventType: { fixed: 'late.kafka' } },
        ],
      },
    ],
  });
  const late = await startHub(config, ['worker', 'pollers'], brokersLog.logger);
  const dataDir = mkdtempSync(join(tmpdir(), 'barrage-late-'));
  const brokers: RunningBroker[] = [];
  try {
    // Both pollers fail to reach their brokers first (the Kafka client gives up on metadata after 30 s).
    const failures = () => brokersLog.lines().map((l) => String(l.msg));
    await eventually(
      async () =>
        failures().includes('receive failed') && failures().includes('kafka connect failed; retrying') ? true : undefined,
      60_000,
      'both pollers to report their brokers down',
    );
    brokers.push(await startElasticMq({ port: sqsPort, dataDir: join(dataDir, 'sqs') }));
    brokers.push(await startKafka({ port: kafkaPort, controllerPort, dataDir: join(dataDir, 'kafka') }));
    const lateSqs = new SQSClient({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${sqsPort}`,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await lateSqs.send(new CreateQueueCommand({ QueueName: 'late' }));
    const lateKafka = new KafkaJS.Kafka({ kafkaJS: { brokers: [`127.0.0.1:${kafkaPort}`], logLevel: KafkaJS.logLevel.NOTHING } });
    await createTopics(lateKafka, [{ topic }, { topic: `${topic}.dead-letter` }]);
    await sendSqs(lateSqs, queueUrl, JSON.stringify({ m: 'late-sqs' }));
    await produce(lateKafka, topic, [{ value: JSON.stringify({ m: 'late-kafka' }) }]);
    await eventually(async () => (lateSink.received.length >= 2 ? true : undefined), 90_000, 'both late messages delivered');
    expect(lateSink.received.map((r) => JSON.parse(r.body.toString()).m).sort()).toEqual(['late-kafka', 'late-sqs']);
    lateSqs.destroy();
  } finally {
    await late.stop();
    await Promise.all(brokers.map((b) => b.stop()));
    await lateSink.close();
  }
});
