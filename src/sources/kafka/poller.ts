// Kafka source: a consumer-group member that starts one callback per record and commits a
// partition's offset only past records whose workflow start Temporal recorded. Several pollers
// in one group split the partitions; a record seen twice (rebalance, crash) is a duplicate start.
import type { KafkaJS } from '@confluentinc/kafka-javascript';
import type { KafkaSourceConfig } from './config';
import { readJsonString } from '../../delivery/json-path';
import { headerText, kafkaClient } from '../../queues/kafka-client';
import { createBackoff, untilDone } from '../backoff';
import { lazyJson } from '../payload';
import { traceContextOf } from '../trace-context';
import { kafkaLag, type KafkaLag } from './lag';
import type { Intake, QueueMessage } from '../message';
import {
  createSettler,
  emptyStats,
  errorText,
  mapLimit,
  settledPrefix,
  throttled,
  type Logger,
  type PollerStats,
  type QueuePoller,
} from '../poller';

export interface KafkaPollerOptions {
  source: KafkaSourceConfig;
  intake: Intake;
  logger: Logger;
  /** Workflow starts in flight per partition batch. */
  concurrency?: number;
}

interface Clients {
  consumer: KafkaJS.Consumer;
  producer: KafkaJS.Producer;
}

export function createKafkaPoller(options: KafkaPollerOptions): QueuePoller {
  const { source } = options;
  const logger = options.logger.child({ source: source.id, topic: source.topic, groupId: source.groupId });
  const stats = emptyStats();
  const settle = createSettler({ intake: options.intake, stats, logger });
  const deadLetter = deadLetterWriter(source, stats, logger);
  let lag: KafkaLag | undefined;

  /** True when the record is settled (started, duplicate, or dead-lettered) and may be committed. */
  async function handle(record: KafkaJS.KafkaMessage, partition: number, producer: KafkaJS.Producer, signal: AbortSignal) {
    const outcome = await settle(toQueueMessage(source, partition, record), signal);
    if (outcome === undefined) return false;
    return outcome.kind === 'poison' ? deadLetter(producer, partition, record, outcome.reason, signal) : true;
  }

  return {
    sourceId: source.id,
    stats: () => ({ ...stats }),
    lag: () => (lag ? lag.read() : Promise.reject(new Error('the consumer has not joined its group yet'))),
    async run(signal) {
      const clients = await connect(source, logger, signal);
      const inFlight = new Set<Promise<void>>();
      if (clients) {
        const { consumer, producer } = clients;
        const processBatch = async ({ batch, resolveOffset, isStale }: KafkaJS.EachBatchPayload): Promise<void> => {
          if (signal.aborted) return;
          const settled = await mapLimit(batch.messages, options.concurrency ?? 16, (r) =>
            handle(r, batch.partition, producer, signal),
          );
          // Commit only a gap-free prefix: a record left unsettled at shutdown must be read again.
          const prefix = settledPrefix(settled);
          stats.abandoned += settled.slice(prefix).filter(Boolean).length;
          // A partition lost in a rebalance meanwhile is its new owner's: it re-reads these as duplicates.
          if (prefix === 0 || isStale()) return;
          const last = batch.messages[prefix - 1].offset;
          resolveOffset(last);
          await consumer
            .commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(BigInt(last) + 1n) }])
            .catch((err: unknown) =>
              logger.warn({ err: errorText(err), partition: batch.partition, offset: last }, 'offset commit failed'),
            );
        };
        await consumer.run({
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: 4,
          eachBatch: (payload) => {
            const work = processBatch(payload);
            inFlight.add(work);
            return work.finally(() => inFlight.delete(work));
          },
        });
        lag = kafkaLag(consumer, source.topic);
        logger.info('kafka poller started');
        await new Promise<void>((resolve) =>
          signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
        );
        // Finish (start + commit) what was fetched before leaving the group.
        await Promise.allSettled([...inFlight]);
        const closing = lag;
        lag = undefined;
        await closing?.close();
        await consumer.disconnect().catch((err: unknown) => logger.warn({ err: errorText(err) }, 'consumer disconnect failed'));
        await producer.disconnect().catch(() => undefined);
      }
      logger.info({ ...stats }, 'kafka poller stopped');
    },
  };
}

/**
 * Connects a consumer (subscribed) and the dead-letter producer, retrying with backoff until it
 * works or shutdown. Each try builds new clients: this client library refuses a second connect()
 * on one that failed, so retrying the same objects would never recover.
 */
async function connect(source: KafkaSourceConfig, logger: Logger, signal: AbortSignal): Promise<Clients | undefined> {
  return untilDone(
    async () => {
      const kafka = kafkaClient(source, logger);
      const consumer = kafka.consumer({
        kafkaJS: { groupId: source.groupId, fromBeginning: source.fromBeginning, autoCommit: false },
      });
      const producer = kafka.producer({
        // Bounded, so a missing dead-letter topic is reported every 30 s instead of hanging.
        'message.timeout.ms': 30_000,
        'allow.auto.create.topics': false,
        kafkaJS: { idempotent: true, acks: -1 },
      });
      try {
        await consumer.connect();
        await producer.connect();
        await consumer.subscribe({ topics: [source.topic] });
        return { consumer, producer };
      } catch (err) {
        void consumer.disconnect().catch(() => undefined);
        void producer.disconnect().catch(() => undefined);
        throw err;
      }
    },
    {
      signal,
      backoff: createBackoff(1000),
      onFailure: (err, retryInMs) => logger.warn({ err: errorText(err), retryInMs }, 'kafka connect failed; retrying'),
    },
  );
}

/** Produces a poison record to the dead-letter topic, retrying until it is written: never dropped. */
function deadLetterWriter(source: KafkaSourceConfig, stats: PollerStats, logger: Logger) {
  const report = throttled(5000, (err: unknown, retryInMs: number) =>
    logger.error(
      { err: errorText(err), retryInMs, deadLetterTopic: source.deadLetterTopic },
      'cannot produce to the dead-letter topic; the partition waits',
    ),
  );
  return async (
    producer: KafkaJS.Producer,
    partition: number,
    record: KafkaJS.KafkaMessage,
    reason: string,
    signal: AbortSignal,
  ) => {
    const message = deadLetterRecord(source, partition, record, reason);
    const sent = await untilDone(() => producer.send({ topic: source.deadLetterTopic, messages: [message] }), {
      signal,
      backoff: createBackoff(),
      onFailure: report,
    });
    if (sent === undefined) {
      stats.abandoned++;
      return false;
    }
    stats.poison++;
    logger.error(
      { partition, offset: record.offset, reason, deadLetterTopic: source.deadLetterTopic, poisonCount: stats.poison },
      'poison record sent to the dead-letter topic',
    );
    return true;
  };
}

function toQueueMessage(source: KafkaSourceConfig, partition: number, record: KafkaJS.KafkaMessage): QueueMessage {
  const body = record.value ?? Buffer.alloc(0);
  const json = lazyJson(body);
  const header = (name: string) => headerText(record.headers, name)?.trim() || undefined;
  const { eventType: et, idempotencyKey: ik } = source;
  const eventType = 'fixed' in et ? et.fixed : 'header' in et ? header(et.header) : readJsonString(json(), et.jsonPath);
  // The record's timestamp is part of its identity: offsets restart at 0 when a topic is deleted
  // and created again, and the new records must not pass for duplicates of the old ones.
  const identity = `${source.topic}/${partition}/${record.offset}@${record.timestamp}`;
  const key = 'offset' in ik ? undefined : 'header' in ik ? header(ik.header) : record.key?.toString('utf8') || undefined;
  return {
    origin: { type: 'kafka', topic: source.topic, partition, offset: record.offset },
    body,
    eventType,
    json,
    idempotencyKey: key ?? identity,
    traceContext: traceContextOf(header),
  };
}

/** The original record, unchanged, plus why it was refused and where it came from. */
function deadLetterRecord(source: KafkaSourceConfig, partition: number, record: KafkaJS.KafkaMessage, reason: string) {
  return {
    key: record.key,
    value: record.value,
    headers: {
      ...(record.headers ?? {}),
      'barrage-error': reason,
      'barrage-source': source.id,
      'barrage-origin': `${source.topic}/${partition}/${record.offset}`,
    },
  };
}
