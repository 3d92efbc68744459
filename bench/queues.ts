// Scenario 10: a backlog on SQS and on Kafka drained by one poller into started callbacks
// (intake only: no worker runs the accept-only task queue), against the raw start ceiling.
import { CreateQueueCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { KafkaJS } from '@confluentinc/kafka-javascript';
import { stringify } from 'yaml';
import { parseConfig, type KafkaSourceConfig, type SqsSourceConfig, type TenantConfig } from '../src/config';
import type { Ingest } from '../src/ingest/ingest';
import { createIntake } from '../src/ingest/intake';
import { createKafkaPoller } from '../src/sources/kafka/poller';
import type { QueuePoller } from '../src/sources/poller';
import { createSqsPoller } from '../src/sources/sqs/poller';
import { createLogger } from '../src/telemetry/logger';

const KEYS = { region: 'us-east-1', accessKeyId: 'bench', secretAccessKey: 'bench' };
const DRAIN_TIMEOUT_MS = 180_000;

export interface QueueBench {
  ingest: Ingest;
  tenant: TenantConfig;
  kafkaAddress: string;
  sqsAddress: string;
}

function sourceConfig(source: Record<string, unknown>) {
  const config = parseConfig(stringify({ tenants: [{ id: 'bench', apiKeys: ['k'], sources: [source] }] }), {});
  return config.tenants[0].sources[0];
}

/** Starts/s while one SQS poller drains `count` queued messages (from its first start on). */
export async function sqsDrain(ctx: QueueBench, count: number, tag: string): Promise<number> {
  // A copy: the SDK tags the credentials object it is given, and KEYS also goes into a config.
  const sqs = new SQSClient({ region: KEYS.region, endpoint: ctx.sqsAddress, credentials: { ...KEYS } });
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `drain-${tag}` }));
  for (let i = 0; i < count; i += 10) {
    const Entries = Array.from({ length: Math.min(10, count - i) }, (_, j) => ({ Id: String(j), MessageBody: `{"n":${i + j}}` }));
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries }));
  }
  sqs.destroy();
  const source = sourceConfig({
    id: `drain-sqs-${tag}`,
    type: 'sqs',
    queueUrl: QueueUrl,
    ...KEYS,
    eventType: { fixed: 'queue.drain' },
  });
  return drain(
    ctx,
    count,
    (intake) => createSqsPoller({ source: source as SqsSourceConfig, intake, logger: createLogger('silent') }),
    source,
  );
}

/** Starts/s while one Kafka poller (4 partitions) drains `count` records. */
export async function kafkaDrain(ctx: QueueBench, count: number, tag: string): Promise<number> {
  const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: [ctx.kafkaAddress], logLevel: KafkaJS.logLevel.NOTHING } });
  const topic = `drain-${tag}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 4 }, { topic: `${topic}.dead-letter` }] });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < count; i += 500) {
    const messages = Array.from({ length: Math.min(500, count - i) }, (_, j) => ({ value: `{"n":${i + j}}` }));
    await producer.send({ topic, messages });
  }
  await producer.disconnect();
  const source = sourceConfig({
    id: `drain-kafka-${tag}`,
    type: 'kafka',
    brokers: [ctx.kafkaAddress],
    topic,
    eventType: { fixed: 'queue.drain' },
  });
  return drain(
    ctx,
    count,
    (intake) => createKafkaPoller({ source: source as KafkaSourceConfig, intake, logger: createLogger('silent') }),
    source,
  );
}

async function drain(
  ctx: QueueBench,
  count: number,
  makePoller: (intake: ReturnType<typeof createIntake>) => QueuePoller,
  source: { id: string; contentType?: string },
): Promise<number> {
  const intake = createIntake({
    ingest: ctx.ingest,
    tenant: () => ctx.tenant,
    source: { id: source.id, contentType: source.contentType ?? 'application/json' },
    maxBodyBytes: 262_144,
  });
  const poller = makePoller(intake);
  const controller = new AbortController();
  const started = performance.now();
  const running = poller.run(controller.signal);
  const deadline = started + DRAIN_TIMEOUT_MS;
  // Timed from the first start, so connecting and joining the consumer group (seconds, once per
  // process) do not count against the steady drain rate.
  let first: { at: number; done: number } | undefined;
  while (poller.stats().accepted + poller.stats().duplicates < count && performance.now() < deadline) {
    if (first === undefined && poller.stats().accepted > 0) first = { at: performance.now(), done: poller.stats().accepted };
    await new Promise((r) => setTimeout(r, 10));
  }
  const elapsedMs = performance.now() - (first?.at ?? started);
  controller.abort();
  await running;
  const done = poller.stats().accepted + poller.stats().duplicates;
  if (done < count) throw new Error(`${source.id}: only ${done} of ${count} started within ${DRAIN_TIMEOUT_MS} ms`);
  return ((count - (first?.done ?? 0)) * 1000) / elapsedMs;
}
