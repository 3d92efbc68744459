// Kafka source: a consumer-group member that starts one callback per record and commits a
// partition's offset only past records whose workflow start Temporal recorded. Several pollers
// in one group split the partitions; a record seen twice (rebalance, crash) is a duplicate start.
import type { KafkaJS } from '@confluentinc/kafka-javascript';
import type { KafkaSourceConfig } from '../config';
import { headerText, kafkaClient } from '../queues/kafka-client';
import { createBackoff, untilDone } from './backoff';
import { readJsonPath } from '../delivery/json-path';
import { lazyJson } from './http-source';
import type { Intake, QueueMessage } from './intake';
import { emptyStats, errorText, mapLimit, throttled, type Logger, type QueuePoller } from './poller';

export interface KafkaPollerOptions {
  source: KafkaSourceConfig;
  intake: Intake;
  logger: Logger;
  /** Workflow starts in flight per partition batch. */
  concurrency?: number;
}

export function createKafkaPoller(options: KafkaPollerOptions): QueuePoller {
  const { source, intake } = options;
  const logger = options.logger.child({ source: source.id, topic: source.topic, groupId: source.groupId });
  const stats = emptyStats();
  const warnHolding = throttled(5000, (err: unknown, retryInMs: number) =>
    logger.warn({ err: errorText(err), retryInMs }, 'cannot start callbacks (Temporal unavailable?); holding records'),
  );
  const warnDeadLetter = throttled(5000, (err: unknown, retryInMs: number) =>
    logger.error(
      { err: errorText(err), retryInMs, deadLetterTopic: source.deadLetterTopic },
      'cannot produce to the dead-letter topic; partition waits',
    ),
  );

  /** True when the record is settled (started, duplicate, or dead-lettered) and may be committed. */
  async function handle(record: KafkaJS.KafkaMessage, partition: number, producer: KafkaJS.Producer, signal: AbortSignal) {
    stats.received++;
    const message = toQueueMessage(source, partition, record);
    const outcome = await untilDone(() => intake(message), { signal, backoff: createBackoff(), onFailure: warnHolding });
    if (outcome === undefined) return false;
    if (outcome.kind !== 'poison') {
      stats[outcome.kind === 'accepted' ? 'accepted' : 'duplicates']++;
      return true;
    }
    const sent = await untilDone(
      () =>
        producer.send({ topic: source.deadLetterTopic, messages: [deadLetterRecord(source, partition, record, outcome.reason)] }),
      {
        signal,
        backoff: createBackoff(),
        onFailure: warnDeadLetter,
      },
    );
    if (sent === undefined) return false;
    stats.poison++;
    logger.error(
      {
        partition,
        offset: record.offset,
        reason: outcome.reason,
        deadLetterTopic: source.deadLetterTopic,
        poisonCount: stats.poison,
      },
      'poison record sent to the dead-letter topic',
    );
    return true;
  }

  return {
    sourceId: source.id,
    stats: () => ({ ...stats }),
    async run(signal) {
      const kafka = kafkaClient(source, logger);
      const consumer = kafka.consumer({
        kafkaJS: { groupId: source.groupId, fromBeginning: source.fromBeginning, autoCommit: false },
      });
      // A bounded delivery timeout, so a missing dead-letter topic is reported every 30 s instead of hanging.
      const producer = kafka.producer({
        'message.timeout.ms': 30_000,
        'allow.auto.create.topics': false,
        kafkaJS: { idempotent: true, acks: -1 },
      });
      const inFlight = new Set<Promise<void>>();
      const connected = await untilDone(
        async () => {
          await consumer.connect();
          await producer.connect();
          await consumer.subscribe({ topics: [source.topic] });
          return true;
        },
        {
          signal,
          backoff: createBackoff(1000),
          onFailure: (err, retryInMs) => logger.warn({ err: errorText(err), retryInMs }, 'kafka connect failed'),
        },
      );
      if (connected !== undefined) {
        await consumer.run({
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: 4,
          eachBatch: (payload) => {
            const work = processBatch(payload);
            inFlight.add(work);
            return work.finally(() => inFlight.delete(work));
          },
        });
        logger.info('kafka poller started');
        await new Promise<void>((resolve) =>
          signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
        );
      }
      // Finish (start + commit) what was fetched before leaving the group.
      await Promise.allSettled([...inFlight]);
      await consumer.disconnect().catch((err: unknown) => logger.warn({ err: errorText(err) }, 'consumer disconnect failed'));
      await producer.disconnect().catch(() => undefined);
      logger.info({ ...stats }, 'kafka poller stopped');

      async function processBatch({ batch, resolveOffset }: KafkaJS.EachBatchPayload): Promise<void> {
        if (signal.aborted) return;
        const settled = await mapLimit(batch.messages, options.concurrency ?? 16, (r) =>
          handle(r, batch.partition, producer, signal),
        );
        // Commit only a gap-free prefix: a record left unsettled at shutdown must be read again.
        const prefix = settled.indexOf(false) === -1 ? settled.length : settled.indexOf(false);
        stats.abandoned += settled.length - prefix;
        if (prefix === 0) return;
        const last = batch.messages[prefix - 1].offset;
        resolveOffset(last);
        try {
          await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(BigInt(last) + 1n) }]);
        } catch (err) {
          // Lost the partition in a rebalance: its new owner re-reads these records as duplicates.
          logger.warn({ err: errorText(err), partition: batch.partition, offset: last }, 'offset commit failed');
        }
      }
    },
  };
}

function toQueueMessage(source: KafkaSourceConfig, partition: number, record: KafkaJS.KafkaMessage): QueueMessage {
  const body = record.value ?? Buffer.alloc(0);
  const json = lazyJson(body);
  const fromJson = (path: string) => readJsonPath(json(), path);
  const header = (name: string) => headerText(record.headers, name)?.trim() || undefined;
  const { eventType: et, idempotencyKey: ik } = source;
  const eventType = 'fixed' in et ? et.fixed : 'header' in et ? header(et.header) : fromJson(et.jsonPath);
  const identity = `${source.topic}/${partition}/${record.offset}`;
  const key = 'offset' in ik ? undefined : 'header' in ik ? header(ik.header) : record.key?.toString('utf8') || undefined;
  return {
    origin: { type: 'kafka', topic: source.topic, partition, offset: record.offset },
    body,
    eventType,
    idempotencyKey: key ?? identity,
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
