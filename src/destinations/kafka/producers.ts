// Long-lived Kafka producers for the Kafka destination driver, one per distinct connection.
import type { KafkaJS } from '@confluentinc/kafka-javascript';
import type { KafkaDestinationConfig } from './config';
import { kafkaClient } from '../../queues/kafka-client';
import type { Logger } from '../../telemetry/logger';
import { DeadlineError, withDeadline } from '../queue-message';

export interface PooledProducer {
  producer: KafkaJS.Producer;
  /** Settles when the producer has connected; a failed connect has already left the pool. */
  ready: Promise<void>;
}

/** How long close() waits per producer: a disconnect during a connect waits for that connect (up to 30 s). */
const CLOSE_WAIT_MS = 5_000;

/**
 * Producers connect lazily on first use and stay connected. The attempt timeout is part of the key
 * because it is baked into the producer (message.timeout.ms), not given per send.
 */
export class ProducerPool {
  private readonly entries = new Map<string, PooledProducer>();

  constructor(private readonly logger: Logger) {}

  acquire(destination: KafkaDestinationConfig, timeoutMs: number): PooledProducer {
    const key = JSON.stringify([destination.brokers, destination.clientId, sortedEntries(destination.librdkafka), timeoutMs]);
    const existing = this.entries.get(key);
    if (existing) return existing;
    const producer = kafkaClient(destination, this.logger).producer(producerConfig(destination, timeoutMs));
    const entry: PooledProducer = { producer, ready: producer.connect() };
    this.entries.set(key, entry);
    // A failed connect leaves the pool at once, so the next attempt starts a fresh one.
    entry.ready.catch((err: unknown) => {
      this.logger.warn({ brokers: destination.brokers, err: String(err) }, 'kafka destination producer could not connect');
      this.drop(entry);
    });
    return entry;
  }

  /** Takes a producer out of use (it failed for good, e.g. a fatal idempotence error) and disconnects it. */
  drop(entry: PooledProducer): void {
    for (const [key, value] of this.entries) if (value === entry) this.entries.delete(key);
    void this.disconnect(entry);
  }

  async closeAll(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map((entry) => this.disconnect(entry)));
  }

  private async disconnect(entry: PooledProducer): Promise<void> {
    try {
      await withDeadline(entry.producer.disconnect(), CLOSE_WAIT_MS, () => `disconnect took over ${CLOSE_WAIT_MS} ms`);
    } catch (err) {
      const level = err instanceof DeadlineError ? 'warn' : 'debug';
      this.logger[level]({ err: String(err) }, 'kafka destination producer did not disconnect cleanly');
    }
  }
}

function producerConfig(destination: KafkaDestinationConfig, timeoutMs: number): KafkaJS.ProducerConstructorConfig {
  return {
    // librdkafka gives up on a message after this, so a send cannot outlive its attempt and be
    // delivered after the workflow has already scheduled the next one.
    'message.timeout.ms': Math.max(1, timeoutMs),
    // By default a topic missing from the metadata is only reported after 30 s (in case it was just
    // created); until then the send merely times out. A short wait turns it into a clear error.
    ...('topic.metadata.propagation.max.ms' in destination.librdkafka
      ? {}
      : { 'topic.metadata.propagation.max.ms': Math.min(1_000, Math.floor(timeoutMs / 2)) }),
    // Topics must exist (as documented): a typo in `topic` fails visibly instead of creating one
    // on brokers that allow auto-creation.
    ...('allow.auto.create.topics' in destination.librdkafka ? {} : { 'allow.auto.create.topics': false }),
    // Idempotence keeps librdkafka's internal retries from writing a record twice or out of order.
    kafkaJS: { idempotent: true, acks: -1 },
  };
}

function sortedEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}
