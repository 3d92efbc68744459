// Temporal goes away while messages keep arriving: the pollers hold them (no loss, no busy loop,
// nothing acknowledged) and deliver every one once Temporal is back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { KafkaJS } from '@confluentinc/kafka-javascript';
import { findTemporalCli } from '../../src/config';
import { freePort } from '../../src/net/free-port';
import { startDevServer, type DevServer } from '../../src/temporal/dev-server';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testKafkaBrokers } from '../helpers/env';
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
  // Throttled: an outage is reported every few seconds, not once per retry.
  expect(holding.length).toBeLessThan(10);

  server = await startTemporal();
  await eventually(async () => (sink.received.length >= 1 + 2 * COUNT ? true : undefined), 90_000, 'deliveries after recovery');
  const markers = sink.received.map((r) => JSON.parse(r.body.toString()).m);
  expect(new Set(markers).size).toBe(markers.length);
  expect(markers).toHaveLength(1 + 2 * COUNT);
  console.log(
    `[outage test] in: ${2 * COUNT} during an outage; holding warnings ${holding.length}; delivered after recovery ${markers.length - 1}`,
  );
});
