// SQS source: long-polls a queue, starts one callback per message, deletes a message only after
// Temporal recorded its workflow start. Competing consumers are safe: a message received twice
// maps to the same workflow ID, and the second start is a duplicate.
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SqsSourceConfig } from './config';
import { readJsonPath, readJsonString } from '../../delivery/json-path';
import { sqsClient } from '../../queues/sqs-client';
import { createBackoff, sleep } from '../backoff';
import { lazyJson } from '../payload';
import { traceContextOf } from '../trace-context';
import type { Intake, QueueMessage } from '../message';
import { createSettler, emptyStats, errorText, mapLimit, type Logger, type QueuePoller } from '../poller';

export interface SqsPollerOptions {
  source: SqsSourceConfig;
  intake: Intake;
  logger: Logger;
  client?: SQSClient;
}

export function createSqsPoller(options: SqsPollerOptions): QueuePoller {
  const { source } = options;
  const logger = options.logger.child({ source: source.id, queueUrl: source.queueUrl });
  const sqs = options.client ?? sqsClient(source);
  const stats = emptyStats();
  const settle = createSettler({ intake: options.intake, stats, logger });

  /** True when the message may be deleted (started or duplicate). */
  async function handle(message: Message, signal: AbortSignal): Promise<boolean> {
    const outcome = await settle(toQueueMessage(source, message), signal);
    if (outcome?.kind !== 'poison') return outcome !== undefined;
    stats.poison++;
    // Not deleted: after the queue's maxReceiveCount its redrive policy moves it to the DLQ.
    logger.error(
      {
        messageId: message.MessageId,
        receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
        reason: outcome.reason,
        poisonCount: stats.poison,
      },
      'poison message left for the queue redrive policy',
    );
    return false;
  }

  return {
    sourceId: source.id,
    stats: () => ({ ...stats }),
    lag: async () => {
      const answer = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: source.queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
        { abortSignal: AbortSignal.timeout(2_000) },
      );
      return Number(answer.Attributes?.ApproximateNumberOfMessages ?? 0);
    },
    async run(signal) {
      const visibilitySeconds = await inspectQueue(sqs, source, logger);
      logger.info('sqs poller started');
      const backoff = createBackoff(1000);
      while (!signal.aborted) {
        let messages: Message[];
        try {
          messages = await receive(sqs, source, signal);
          backoff.reset();
        } catch (err) {
          if (signal.aborted) break;
          logger.warn({ err: errorText(err), retryInMs: Math.round(backoff.nextDelayMs) }, 'receive failed');
          await backoff.wait(signal);
          continue;
        }
        // Without a long poll an empty queue would be asked again at once, in a tight loop.
        if (messages.length === 0 && source.waitTimeSeconds === 0) await sleep(1000, signal);
        const pending = new Set(messages);
        const stopHolding = keepInvisible(sqs, source.queueUrl, pending, visibilitySeconds, logger);
        const done = await mapLimit(messages, messages.length, async (m) => {
          const ok = await handle(m, signal);
          pending.delete(m);
          return ok;
        });
        stopHolding();
        await acknowledge(
          sqs,
          source.queueUrl,
          messages.filter((_, i) => done[i]),
          logger,
        );
      }
      if (!options.client) sqs.destroy();
      logger.info({ ...stats }, 'sqs poller stopped');
    },
  };
}

async function receive(sqs: SQSClient, source: SqsSourceConfig, signal: AbortSignal): Promise<Message[]> {
  const res = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: source.queueUrl,
      MaxNumberOfMessages: source.maxMessages,
      WaitTimeSeconds: source.waitTimeSeconds,
      MessageAttributeNames: ['All'],
      MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      ...(source.visibilityTimeout !== undefined ? { VisibilityTimeout: source.visibilityTimeout } : {}),
    }),
    // Aborting a long poll cannot lose a message: one already handed out stays in the queue and
    // becomes visible again after the visibility timeout.
    { abortSignal: signal },
  );
  return res.Messages ?? [];
}

/**
 * While messages wait on Temporal, keep them invisible: otherwise another poller would receive
 * them again, and each receive counts toward the redrive policy's maxReceiveCount, which would
 * send valid messages to the dead-letter queue during a long outage.
 */
function keepInvisible(sqs: SQSClient, queueUrl: string, pending: Set<Message>, seconds: number, logger: Logger): () => void {
  const timer = setInterval(
    () => {
      const held = [...pending];
      if (held.length === 0) return;
      const Entries = held.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: seconds }));
      sqs
        .send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: queueUrl, Entries }))
        .catch((err: unknown) => logger.warn({ err: errorText(err), count: held.length }, 'could not extend visibility'));
    },
    Math.min(10_000, seconds * 500),
  );
  return () => clearInterval(timer);
}

async function acknowledge(sqs: SQSClient, queueUrl: string, messages: Message[], logger: Logger): Promise<void> {
  if (messages.length === 0) return;
  try {
    const res = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
    // A message not deleted comes back later; its start is then a duplicate, so this is noise, not loss.
    for (const failed of res.Failed ?? []) {
      logger.warn({ messageId: messages[Number(failed.Id)]?.MessageId, code: failed.Code }, 'delete failed');
    }
  } catch (err) {
    logger.warn({ err: errorText(err), count: messages.length }, 'delete failed; messages will be received again');
  }
}

function toQueueMessage(source: SqsSourceConfig, message: Message): QueueMessage {
  const body = Buffer.from(message.Body ?? '', 'utf8');
  const messageId = message.MessageId ?? '';
  const json = lazyJson(body);
  const fromJson = (path: string) => readJsonPath(json(), path);
  const attribute = (name: string) => message.MessageAttributes?.[name]?.StringValue?.trim() || undefined;
  const { eventType: et, idempotencyKey: ik } = source;
  const eventType = 'fixed' in et ? et.fixed : 'attribute' in et ? attribute(et.attribute) : readJsonString(json(), et.jsonPath);
  const key = 'messageId' in ik ? undefined : 'attribute' in ik ? attribute(ik.attribute) : fromJson(ik.jsonPath);
  return {
    origin: { type: 'sqs', queueUrl: source.queueUrl, messageId },
    body,
    json,
    eventType,
    idempotencyKey: key ?? messageId,
    traceContext: traceContextOf(attribute),
  };
}

/**
 * The visibility timeout in force (the source's, else the queue's), and a warning when poison
 * messages would have nowhere to go: without a redrive policy they come back forever.
 */
async function inspectQueue(sqs: SQSClient, source: SqsSourceConfig, logger: Logger): Promise<number> {
  try {
    const res = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: source.queueUrl, AttributeNames: ['RedrivePolicy', 'VisibilityTimeout'] }),
    );
    if (!res.Attributes?.RedrivePolicy) {
      logger.warn('queue has no redrive policy: messages that can never be accepted will be received again and again');
    }
    return source.visibilityTimeout ?? Number(res.Attributes?.VisibilityTimeout ?? 30);
  } catch (err) {
    logger.warn({ err: errorText(err) }, 'could not read the queue attributes (will keep trying to receive)');
    return source.visibilityTimeout ?? 30;
  }
}
