// Delivers an event as one SQS message. The workflow owns retries, so the SDK makes one try.
import { createHash } from 'node:crypto';
import {
  SendMessageCommand,
  type MessageAttributeValue,
  type SendMessageCommandInput,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SqsDestinationConfig } from './config';
import { awsErrorName, isPermanentSqsError, sqsClient } from '../../queues/sqs-client';
import type { Logger } from '../../telemetry/logger';
import type { DestinationDriver, DriverRequest, DriverResult } from '../driver';
import { jsonPathValue, messageMetadata, payloadBytes, UnbuildableMessageError } from '../queue-message';

export interface SqsDriverOptions {
  logger: Logger;
}

export function createSqsDriver(options: SqsDriverOptions): DestinationDriver<'sqs'> {
  const clients = new Map<string, SQSClient>();
  const clientFor = (destination: SqsDestinationConfig): SQSClient => {
    const key = connectionKey(destination);
    let client = clients.get(key);
    if (!client) {
      client = sqsClient(destination, { maxAttempts: 1 });
      clients.set(key, client);
      options.logger.debug({ queueUrl: destination.queueUrl }, 'sqs destination client created');
    }
    return client;
  };
  return {
    type: 'sqs',
    async deliver(req) {
      let input: SendMessageCommandInput;
      try {
        input = sendMessageInput(req);
      } catch (err) {
        if (err instanceof UnbuildableMessageError) return { outcome: 'permanent', error: err.message };
        throw err;
      }
      const signal = AbortSignal.timeout(req.timeoutMs);
      try {
        const sent = await clientFor(req.destination).send(new SendMessageCommand(input), { abortSignal: signal });
        return { outcome: 'delivered', responseExcerpt: `MessageId=${sent.MessageId}` };
      } catch (err) {
        return classifySqsFailure(err, signal.aborted ? req.timeoutMs : undefined);
      }
    },
    async close() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}

/** Clients differ by where they connect and as whom; the secret is keyed by digest, not kept twice. */
function connectionKey(d: SqsDestinationConfig): string {
  const secret = d.secretAccessKey ? createHash('sha256').update(d.secretAccessKey).digest('hex') : '';
  return JSON.stringify([new URL(d.queueUrl).origin, d.region, d.endpoint ?? '', d.accessKeyId ?? '', secret]);
}

export function sendMessageInput(req: DriverRequest<'sqs'>): SendMessageCommandInput {
  const { body, base64 } = messageBody(req);
  const attributes = { ...messageMetadata(req), ...(base64 ? { 'content-transfer-encoding': 'base64' } : {}) };
  const MessageAttributes: Record<string, MessageAttributeValue> = Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
  );
  return { QueueUrl: req.destination.queueUrl, MessageBody: body, MessageAttributes, ...fifoFields(req) };
}

/** Characters an SQS body may hold (XML 1.0); anything else is refused by SQS with InvalidMessageContents. */
const SQS_BODY_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Text that SQS can carry goes as is; other bytes go as base64, flagged so consumers can decode them. */
function messageBody(req: DriverRequest<'sqs'>): { body: string; base64: boolean } {
  const { payload } = req;
  if (payload.body.length === 0) throw new UnbuildableMessageError('SQS cannot carry an empty message body');
  if (payload.encoding === 'utf8' && SQS_BODY_CHARS.test(payload.body)) return { body: payload.body, base64: false };
  return { body: payloadBytes(payload).toString('base64'), base64: true };
}

/** Printable ASCII, at most 128: the rule for both MessageGroupId and MessageDeduplicationId. */
const SQS_FIFO_ID = /^[\x21-\x7e]{1,128}$/;

function fifoFields(req: DriverRequest<'sqs'>): Pick<SendMessageCommandInput, 'MessageGroupId' | 'MessageDeduplicationId'> {
  const { destination, event } = req;
  if (!destination.queueUrl.endsWith('.fifo')) return {};
  const source = destination.messageGroupId;
  if (!source) throw new UnbuildableMessageError('a FIFO queue needs messageGroupId in the destination config');
  const group =
    'fixed' in source
      ? source.fixed
      : 'eventType' in source
        ? event.eventType
        : jsonPathValue(req.payload, source.jsonPath, 'MessageGroupId');
  if (!SQS_FIFO_ID.test(group)) {
    throw new UnbuildableMessageError(`MessageGroupId "${group.slice(0, 140)}" is not 1-128 printable ASCII characters`);
  }
  // The delivery id is stable across attempts, so SQS drops a retry of a send that did arrive.
  const { deliveryId } = req;
  const dedupe = SQS_FIFO_ID.test(deliveryId) ? deliveryId : createHash('sha256').update(deliveryId).digest('hex');
  return { MessageGroupId: group, MessageDeduplicationId: dedupe };
}

function classifySqsFailure(err: unknown, timedOutAfterMs: number | undefined): DriverResult {
  if (timedOutAfterMs !== undefined) return { outcome: 'retryable', error: `timeout after ${timedOutAfterMs} ms` };
  const message = err instanceof Error ? err.message : String(err);
  const name = awsErrorName(err);
  const code = (err as { code?: unknown } | undefined)?.code;
  // Network failures carry $metadata too, under the generic name "Error"; their code says more.
  const label = name && name !== 'Error' ? name : typeof code === 'string' ? code : undefined;
  const error = label && !message.includes(label) ? `${label}: ${message}` : message;
  return { outcome: isPermanentSqsError(err) ? 'permanent' : 'retryable', error };
}
