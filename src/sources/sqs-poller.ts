// SQS source: long-polls a queue, starts one callback per message, deletes a message only after
// Temporal recorded its workflow start. Competing consumers are safe: a message received twice
// maps to the same workflow ID, and the second start is a duplicate.
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SqsSourceConfig } from '../config';
import { sqsClient } from '../queues/sqs-client';
import { createBackoff, untilDone } from './backoff';
import { readJsonPath } from '../delivery/json-path';
import { lazyJson } from './http-source';
import type { Intake, QueueMessage } from './intake';
import { emptyStats, errorText, mapLimit, throttled, type Logger, type QueuePoller } from './poller';

export interface SqsPollerOptions {
  source: SqsSourceConfig;
  intake: Intake;
  logger: Logger;
  client?: SQSClient;
}

export function createSqsPoller(options: SqsPollerOptions): QueuePoller {
  const { source, intake } = options;
  const logger = options.logger.child({ source: source.id, queueUrl: source.queueUrl });
  const sqs = options.client ?? sqsClient(source);
  const stats = emptyStats();
  const warnHolding = throttled(5000, (err: unknown, retryInMs: number) =>
    logger.warn({ err: errorText(err), retryInMs }, 'cannot start callbacks (Temporal unavailable?); holding messages'),
  );

  async function handle(message: Message, signal: AbortSignal): Promise<boolean> {
    stats.received++;
    const backoff = createBackoff();
    const outcome = await untilDone(() => intake(toQueueMessage(source, message)), {
      signal,
      backoff,
      onFailure: warnHolding,
    });
    if (outcome === undefined) {
      stats.abandoned++;
      return false;
    }
    if (outcome.kind === 'poison') {
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
    stats[outcome.kind === 'accepted' ? 'accepted' : 'duplicates']++;
    return true;
  }

  async function acknowledge(messages: Message[]): Promise<void> {
    if (messages.length === 0) return;
    try {
      const res = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: source.queueUrl,
          Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
      // A message not deleted comes back later; its start is then a duplicate, so this is noise, not loss.
      for (const failed of res.Failed ?? [])
        logger.warn({ messageId: messages[Number(failed.Id)]?.MessageId, code: failed.Code }, 'delete failed');
    } catch (err) {
      logger.warn({ err: errorText(err), count: messages.length }, 'delete failed; messages will be received again');
    }
  }

  return {
    sourceId: source.id,
    stats: () => ({ ...stats }),
    async run(signal) {
      await warnIfNoRedrive(sqs, source, logger);
      logger.info('sqs poller started');
      const backoff = createBackoff(1000);
      while (!signal.aborted) {
        let messages: Message[];
        try {
          const res = await sqs.send(
            new ReceiveMessageCommand({
              QueueUrl: source.queueUrl,
              MaxNumberOfMessages: source.maxMessages,
              WaitTimeSeconds: source.waitTimeSeconds,
              MessageAttributeNames: ['All'],
              MessageSystemAttributeNames: ['ApproximateReceiveCount'],
              ...(source.visibilityTimeout !== undefined ? { VisibilityTimeout: source.visibilityTimeout } : {}),
            }),
            // Aborting a long poll cannot lose a message: one already handed out stays in the queue
            // and becomes visible again after the visibility timeout.
            { abortSignal: signal },
          );
          messages = res.Messages ?? [];
          backoff.reset();
        } catch (err) {
          if (signal.aborted) break;
          logger.warn({ err: errorText(err), retryInMs: Math.round(backoff.nextDelayMs) }, 'receive failed');
          await backoff.wait(signal);
          continue;
        }
        const done = await mapLimit(messages, messages.length, (m) => handle(m, signal));
        await acknowledge(messages.filter((_, i) => done[i]));
      }
      logger.info({ ...stats }, 'sqs poller stopped');
    },
  };
}

function toQueueMessage(source: SqsSourceConfig, message: Message): QueueMessage {
  const body = Buffer.from(message.Body ?? '', 'utf8');
  const messageId = message.MessageId ?? '';
  const json = lazyJson(body);
  const fromJson = (path: string) => readJsonPath(json(), path);
  const attribute = (name: string) => message.MessageAttributes?.[name]?.StringValue?.trim() || undefined;
  const { eventType: et, idempotencyKey: ik } = source;
  const eventType = 'fixed' in et ? et.fixed : 'attribute' in et ? attribute(et.attribute) : fromJson(et.jsonPath);
  const key = 'messageId' in ik ? undefined : 'attribute' in ik ? attribute(ik.attribute) : fromJson(ik.jsonPath);
  return { origin: { type: 'sqs', queueUrl: source.queueUrl, messageId }, body, eventType, idempotencyKey: key ?? messageId };
}

/** Poison messages rely on the queue's redrive policy; without one they would come back forever. */
async function warnIfNoRedrive(sqs: SQSClient, source: SqsSourceConfig, logger: Logger): Promise<void> {
  try {
    const res = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: source.queueUrl, AttributeNames: ['RedrivePolicy'] }));
    if (!res.Attributes?.RedrivePolicy) {
      logger.warn('queue has no redrive policy: messages that can never be accepted will be received again and again');
    }
  } catch (err) {
    logger.warn({ err: errorText(err) }, 'could not read the queue attributes (will keep trying to receive)');
  }
}
