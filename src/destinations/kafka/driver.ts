// Delivers an event as one Kafka record through an idempotent producer (acks=all).
import { KafkaJS } from '@confluentinc/kafka-javascript';
import type { Logger } from '../../telemetry/logger';
import type { DestinationDriver, DriverRequest, DriverResult } from '../driver';
import { ProducerPool, type PooledProducer } from './producers';
import {
  DeadlineError,
  jsonPathValue,
  messageMetadata,
  payloadBytes,
  UnbuildableMessageError,
  withDeadline,
} from '../queue-message';

export interface KafkaDriverOptions {
  logger: Logger;
}

export function createKafkaDriver(options: KafkaDriverOptions): DestinationDriver<'kafka'> {
  const pool = new ProducerPool(options.logger.child({ driver: 'kafka' }));
  return {
    type: 'kafka',
    async deliver(req) {
      let message: KafkaJS.Message;
      try {
        message = kafkaMessage(req);
      } catch (err) {
        if (err instanceof UnbuildableMessageError) return { outcome: 'permanent', error: err.message };
        throw err;
      }
      let entry: PooledProducer | undefined;
      try {
        entry = pool.acquire(req.destination, req.timeoutMs);
        return await send(entry, req, message);
      } catch (err) {
        if (entry && needsNewProducer(err)) pool.drop(entry);
        return classifyKafkaError(err, req.destination.topic);
      }
    },
    close: () => pool.closeAll(),
  };
}

async function send(entry: PooledProducer, req: DriverRequest<'kafka'>, message: KafkaJS.Message): Promise<DriverResult> {
  const { topic, brokers } = req.destination;
  let connected = false;
  const work = entry.ready.then(() => {
    connected = true;
    return entry.producer.send({ topic, messages: [message] });
  });
  // Connecting to unreachable brokers waits 30 s for metadata whatever the settings; the attempt must not.
  const [sent] = await withDeadline(work, req.timeoutMs, () =>
    connected
      ? `timeout after ${req.timeoutMs} ms waiting for the broker to acknowledge`
      : `timeout after ${req.timeoutMs} ms connecting to Kafka brokers ${brokers.join(',')}`,
  );
  return { outcome: 'delivered', responseExcerpt: `partition=${sent.partition} offset=${sent.baseOffset ?? sent.offset}` };
}

export function kafkaMessage(req: DriverRequest<'kafka'>): KafkaJS.Message {
  return { key: messageKey(req), value: payloadBytes(req.payload), headers: messageMetadata(req) };
}

function messageKey(req: DriverRequest<'kafka'>): string {
  const { key } = req.destination;
  if ('fixed' in key) return key.fixed;
  if ('jsonPath' in key) return jsonPathValue(req.payload, key.jsonPath, 'the record key');
  // Events sent without an idempotency key are keyed by their id, so they still spread over partitions.
  if ('idempotencyKey' in key) return req.event.idempotencyKey ?? req.event.eventId;
  return req.event.eventId;
}

const CODES = KafkaJS.ErrorCodes;

/** Broker or client answers that no retry can change: the record itself, or what we may do, is refused. */
const PERMANENT_CODES = new Set<number>([
  CODES.ERR_MSG_SIZE_TOO_LARGE,
  CODES.ERR_INVALID_MSG_SIZE,
  CODES.ERR_RECORD_LIST_TOO_LARGE,
  CODES.ERR_INVALID_RECORD,
  CODES.ERR_INVALID_TIMESTAMP,
  CODES.ERR_UNSUPPORTED_FOR_MESSAGE_FORMAT,
  CODES.ERR_POLICY_VIOLATION,
  CODES.ERR_TOPIC_EXCEPTION,
  CODES.ERR_TOPIC_AUTHORIZATION_FAILED,
  CODES.ERR_CLUSTER_AUTHORIZATION_FAILED,
  CODES.ERR__AUTHENTICATION,
  CODES.ERR__INVALID_ARG,
]);

/** Retryable on purpose: a missing topic may be created later, and the next attempt then delivers. */
const UNKNOWN_TOPIC_CODES = new Set<number>([
  CODES.ERR_UNKNOWN_TOPIC_OR_PART,
  CODES.ERR__UNKNOWN_TOPIC,
  CODES.ERR__UNKNOWN_PARTITION,
  CODES.ERR_UNKNOWN_TOPIC_ID,
]);

/**
 * Errors arrive as KafkaJSError (with .type) from delivery reports, or as a bare LibrdKafkaError
 * (code only) when produce() refuses a record up front; both carry librdkafka's numeric code.
 */
export function classifyKafkaError(err: unknown, topic: string): DriverResult {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof DeadlineError) return { outcome: 'retryable', error: message };
  const code = kafkaErrorCode(err);
  const name = code === undefined ? undefined : codeName(code);
  const error = name ? `${name}: ${message}` : message;
  if (code !== undefined && UNKNOWN_TOPIC_CODES.has(code)) {
    return { outcome: 'retryable', error: `topic "${topic}" does not exist (${error}); retried, as it may be created later` };
  }
  if (code === CODES.ERR__MSG_TIMED_OUT) {
    return { outcome: 'retryable', error: `${error}: not acknowledged within the attempt timeout` };
  }
  return { outcome: code !== undefined && PERMANENT_CODES.has(code) ? 'permanent' : 'retryable', error };
}

/** A fatal error poisons an idempotent producer for good; a disconnected one cannot send again. */
function needsNewProducer(err: unknown): boolean {
  const code = kafkaErrorCode(err);
  return (err as { fatal?: unknown } | undefined)?.fatal === true || code === CODES.ERR__FATAL || code === CODES.ERR__STATE;
}

function kafkaErrorCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

function codeName(code: number): string | undefined {
  return Object.entries(CODES).find(([, value]) => value === code)?.[0];
}
