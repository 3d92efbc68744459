// Helpers for the shared test Kafka broker and ElasticMQ server: create, publish, read back.
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import { KafkaJS } from '@confluentinc/kafka-javascript';
import { testKafkaBrokers, testSqsEndpoint } from './env';
import { uniqueName } from './config';

/** ElasticMQ accepts any credentials; explicit ones keep the SDK off the host's AWS settings. */
export const SQS_TEST_KEYS = { region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };

export function testSqs(): SQSClient {
  return new SQSClient({
    region: SQS_TEST_KEYS.region,
    endpoint: testSqsEndpoint(),
    credentials: { accessKeyId: SQS_TEST_KEYS.accessKeyId, secretAccessKey: SQS_TEST_KEYS.secretAccessKey },
  });
}

export async function createQueue(
  sqs: SQSClient,
  prefix: string,
  attributes: Record<string, string> = {},
): Promise<{ name: string; url: string }> {
  const name = uniqueName(prefix) + (attributes.FifoQueue === 'true' ? '.fifo' : '');
  const created = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return { name, url: created.QueueUrl! };
}

/** A queue with a dead-letter queue that takes messages after `maxReceiveCount` receives. */
export async function createQueueWithRedrive(sqs: SQSClient, prefix: string, maxReceiveCount: number, visibilitySeconds = 1) {
  const dlq = await createQueue(sqs, `${prefix}-dlq`);
  const queue = await createQueue(sqs, prefix, {
    VisibilityTimeout: String(visibilitySeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${dlq.name}`,
      maxReceiveCount: String(maxReceiveCount),
    }),
  });
  return { queue, dlq };
}

export async function sendSqs(
  sqs: SQSClient,
  queueUrl: string,
  body: string,
  attributes: Record<string, string> = {},
): Promise<string> {
  const MessageAttributes: Record<string, MessageAttributeValue> = Object.fromEntries(
    Object.entries(attributes).map(([k, v]) => [k, { DataType: 'String', StringValue: v }]),
  );
  const sent = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageAttributes }));
  return sent.MessageId!;
}

/** Reads (and deletes) messages until `count` arrived or the deadline passes. */
export async function drainSqs(sqs: SQSClient, queueUrl: string, count: number, timeoutMs = 20_000): Promise<Message[]> {
  const got: Message[] = [];
  const deadline = Date.now() + timeoutMs;
  while (got.length < count && Date.now() < deadline) {
    const res = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );
    const messages = res.Messages ?? [];
    got.push(...messages);
    if (messages.length) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
  }
  return got;
}

export function testKafka(): KafkaJS.Kafka {
  return new KafkaJS.Kafka({ kafkaJS: { brokers: testKafkaBrokers(), logLevel: KafkaJS.logLevel.NOTHING } });
}

export async function createTopics(kafka: KafkaJS.Kafka, topics: { topic: string; numPartitions?: number }[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: topics.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions ?? 1 })) });
  } finally {
    await admin.disconnect();
  }
}

export interface TestRecord {
  key?: string;
  value: string;
  headers?: Record<string, string>;
  partition?: number;
}

export async function produce(kafka: KafkaJS.Kafka, topic: string, records: TestRecord[]): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      messages: records.map((r) => ({
        value: r.value,
        ...(r.key !== undefined ? { key: r.key } : {}),
        ...(r.headers ? { headers: r.headers } : {}),
        ...(r.partition !== undefined ? { partition: r.partition } : {}),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

export interface ConsumedRecord {
  partition: number;
  offset: string;
  key?: string;
  value: string;
  headers: Record<string, string>;
}

/** Reads a topic from the beginning with a throwaway group until `count` records or the deadline. */
export async function consumeTopic(
  kafka: KafkaJS.Kafka,
  topic: string,
  count: number,
  timeoutMs = 20_000,
): Promise<ConsumedRecord[]> {
  const consumer = kafka.consumer({ kafkaJS: { groupId: uniqueName('reader'), fromBeginning: true, autoCommit: false } });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic] });
  const got: ConsumedRecord[] = [];
  let done: () => void = () => undefined;
  const enough = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(Array.isArray(v) ? v[0] : v);
      got.push({
        partition,
        offset: message.offset,
        key: message.key?.toString(),
        value: message.value?.toString() ?? '',
        headers,
      });
      if (got.length >= count) done();
    },
  });
  await Promise.race([enough, new Promise((r) => setTimeout(r, timeoutMs))]);
  await consumer.disconnect();
  return got;
}

export interface SqsProxy {
  url: string;
  /** While true, DeleteMessage(Batch) calls hang: the poller has started callbacks it cannot acknowledge. */
  holdDeletes: boolean;
  heldDeletes: number;
  close(): Promise<void>;
}

/** An HTTP proxy in front of ElasticMQ that can hold acknowledgements, to put a crash between start and ack. */
export async function startSqsProxy(target: string): Promise<SqsProxy> {
  const { createServer } = await import('node:http');
  const held: import('node:http').ServerResponse[] = [];
  const proxy: SqsProxy = { url: '', holdDeletes: true, heldDeletes: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const action = String(req.headers['x-amz-target'] ?? '');
      if (proxy.holdDeletes && /DeleteMessage/.test(action)) {
        proxy.heldDeletes++;
        held.push(res);
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k),
        ),
      ) as Record<string, string>;
      fetch(`${target}${req.url}`, {
        method: req.method,
        headers,
        body: req.method === 'GET' ? undefined : Buffer.concat(chunks),
      })
        .then(async (upstream) => {
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        })
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  proxy.close = async () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}
