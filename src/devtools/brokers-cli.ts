#!/usr/bin/env node
// `npm run brokers`: local Kafka + ElasticMQ for trying queue sources and destinations, plus tiny
// send/read commands so no AWS CLI or kcat is needed. Loopback only; not part of a deployment.
import { resolve } from 'node:path';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Command } from 'commander';
import { loadConfig, type BarrageConfig } from '../config';
import { startElasticMq, startKafka, type RunningBroker } from './brokers';

const LOCAL_KEYS = { accessKeyId: 'local', secretAccessKey: 'local' };
const pairs = (value: string, previous: Record<string, string> = {}) => {
  const at = value.indexOf('=');
  if (at < 1) throw new Error(`expected NAME=VALUE, got "${value}"`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
};
const sqsAt = (queueUrl: string) =>
  new SQSClient({ region: 'us-east-1', endpoint: new URL(queueUrl).origin, credentials: LOCAL_KEYS });
const kafkaAt = (brokers: string) =>
  new KafkaJS.Kafka({ kafkaJS: { brokers: brokers.split(','), logLevel: KafkaJS.logLevel.ERROR } });

const program = new Command('brokers').description('local Apache Kafka (KRaft) and ElasticMQ (SQS) for development');

program
  .command('start', { isDefault: true })
  .description('run both brokers until Ctrl-C; with --config, create the queues and topics it names')
  .option('-c, --config <file>', 'create every local queue and topic this Barrage config refers to')
  .option('--kafka-port <port>', 'Kafka listener port', '9092')
  .option('--sqs-port <port>', 'ElasticMQ port', '9324')
  .option('--data-dir <dir>', 'where broker data lives (kept across restarts)', '.barrage/brokers')
  .action(async (opts: { config?: string; kafkaPort: string; sqsPort: string; dataDir: string }) => {
    const dataDir = resolve(opts.dataDir);
    const kafkaPort = Number(opts.kafkaPort);
    console.log(
      `[brokers] starting Kafka on 127.0.0.1:${kafkaPort} and ElasticMQ on 127.0.0.1:${opts.sqsPort} (data in ${dataDir})…`,
    );
    const started: RunningBroker[] = [];
    const stopAll = () => Promise.all(started.map((b) => b.stop()));
    try {
      const [kafka, sqs] = await Promise.all([
        startKafka({ port: kafkaPort, controllerPort: kafkaPort + 1, dataDir: `${dataDir}/kafka` }).then(
          (b) => (started.push(b), b),
        ),
        startElasticMq({ port: Number(opts.sqsPort), dataDir: `${dataDir}/elasticmq` }).then((b) => (started.push(b), b)),
      ]);
      if (opts.config) await createDeclared(loadConfig(opts.config, process.env), kafka.address, sqs.address);
      console.log(`[brokers] ready: Kafka ${kafka.address}, SQS ${sqs.address}. Ctrl-C to stop.`);
    } catch (err) {
      await stopAll();
      throw err;
    }
    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
    console.log('[brokers] stopping…');
    await stopAll();
  });

/** Local queues (with a redrive DLQ for sources) and topics (with dead-letter topics) the config uses. */
async function createDeclared(config: BarrageConfig, kafkaAddress: string, sqsAddress: string): Promise<void> {
  const entries = config.tenants.flatMap((t) => [...t.sources, ...t.destinations]);
  const sqs = new SQSClient({ region: 'us-east-1', endpoint: sqsAddress, credentials: LOCAL_KEYS });
  const topics = new Set<string>();
  for (const entry of entries) {
    if (entry.type === 'sqs' && new URL(entry.queueUrl).origin === sqsAddress) {
      const name = entry.queueUrl.split('/').pop()!;
      const isSource = 'waitTimeSeconds' in entry;
      const fifo = name.endsWith('.fifo') ? { FifoQueue: 'true' } : {};
      let redrive = {};
      if (isSource) {
        const dlq = name.replace(/(\.fifo)?$/, '-dead-letter$1');
        await sqs.send(new CreateQueueCommand({ QueueName: dlq, Attributes: fifo }));
        redrive = {
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${dlq}`,
            maxReceiveCount: '5',
          }),
        };
        console.log(`[brokers] queue ${dlq} (dead letter of ${name} after 5 receives)`);
      }
      await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { ...fifo, ...redrive } }));
      console.log(`[brokers] queue ${name}: ${entry.queueUrl}`);
    }
    if (entry.type === 'kafka' && entry.brokers.includes(kafkaAddress)) {
      topics.add(entry.topic);
      if ('deadLetterTopic' in entry) topics.add(entry.deadLetterTopic);
    }
  }
  sqs.destroy();
  if (topics.size === 0) return;
  const admin = kafkaAt(kafkaAddress).admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = [...topics].filter((t) => !existing.has(t));
  if (missing.length) await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: 2 })) });
  await admin.disconnect();
  for (const topic of topics) console.log(`[brokers] topic ${topic}`);
}

program
  .command('send-sqs <queueUrl> <body>')
  .description(
    'send one message, e.g. send-sqs http://127.0.0.1:9324/000000000000/orders \'{"id":1}\' -a EventType=order.created',
  )
  .option('-a, --attribute <name=value>', 'string message attribute (repeatable)', pairs, {})
  .action(async (queueUrl: string, body: string, opts: { attribute: Record<string, string> }) => {
    const sqs = sqsAt(queueUrl);
    const MessageAttributes = Object.fromEntries(
      Object.entries(opts.attribute).map(([k, v]) => [k, { DataType: 'String', StringValue: v }]),
    );
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body, MessageAttributes }));
    console.log(`sent MessageId=${sent.MessageId}`);
    sqs.destroy();
  });

program
  .command('send-kafka <topic> <value>')
  .description('produce one record, e.g. send-kafka orders \'{"id":1}\' -H event-type=order.created')
  .option('-b, --brokers <list>', 'bootstrap servers', '127.0.0.1:9092')
  .option('-k, --key <key>', 'record key')
  .option('-H, --header <name=value>', 'record header (repeatable)', pairs, {})
  .action(async (topic: string, value: string, opts: { brokers: string; key?: string; header: Record<string, string> }) => {
    const producer = kafkaAt(opts.brokers).producer();
    await producer.connect();
    const [meta] = await producer.send({ topic, messages: [{ value, key: opts.key, headers: opts.header }] });
    console.log(`sent partition=${meta.partition} offset=${meta.offset ?? meta.baseOffset}`);
    await producer.disconnect();
  });

program
  .command('read-sqs <queueUrl>')
  .description('print (and delete) what arrived on a queue, waiting up to --wait seconds')
  .option('-w, --wait <seconds>', 'how long to wait for messages', '5')
  .action(async (queueUrl: string, opts: { wait: string }) => {
    const sqs = sqsAt(queueUrl);
    const deadline = Date.now() + Number(opts.wait) * 1000;
    while (Date.now() < deadline) {
      const res = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          MessageAttributeNames: ['All'],
        }),
      );
      for (const m of res.Messages ?? []) {
        const attributes = Object.entries(m.MessageAttributes ?? {}).map(([k, v]) => `${k}=${v.StringValue}`);
        console.log(`${m.MessageId} [${attributes.join(' ')}] ${m.Body}`);
      }
      if (res.Messages?.length) {
        const Entries = res.Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! }));
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries }));
      }
    }
    sqs.destroy();
  });

program
  .command('read-kafka <topic>')
  .description('print a topic from the beginning, for --wait seconds')
  .option('-b, --brokers <list>', 'bootstrap servers', '127.0.0.1:9092')
  .option('-w, --wait <seconds>', 'how long to read', '5')
  .action(async (topic: string, opts: { brokers: string; wait: string }) => {
    const consumer = kafkaAt(opts.brokers).consumer({
      kafkaJS: { groupId: `barrage-read-${process.pid}-${Date.now()}`, fromBeginning: true, autoCommit: false },
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.entries(message.headers ?? {}).map(([k, v]) => `${k}=${String(v)}`);
        console.log(
          `p${partition}@${message.offset} key=${message.key?.toString() ?? ''} [${headers.join(' ')}] ${message.value?.toString()}`,
        );
      },
    });
    await new Promise((r) => setTimeout(r, Number(opts.wait) * 1000));
    await consumer.disconnect();
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`brokers: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
