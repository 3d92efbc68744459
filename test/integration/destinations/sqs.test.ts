// The SQS driver: message shape (pure), then FIFO groups, dedupe and timeouts against real peers.
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createSqsDriver, sendMessageInput } from '../../../src/destinations/sqs/driver';
import { createLogger } from '../../../src/telemetry/logger';
import { binaryPayload, eventMeta, jsonPayload, parseDestination, request } from '../../helpers/destination-fixtures';
import { createQueue, drainSqs, SQS_TEST_KEYS, testSqs } from '../../helpers/queues';

const QUEUE = 'http://127.0.0.1:9324/000000000000/orders';
const sqsDestination = (extra: Record<string, unknown> = {}) =>
  parseDestination({ type: 'sqs', queueUrl: QUEUE, ...SQS_TEST_KEYS, ...extra });
const fifoDestination = (messageGroupId: Record<string, unknown>, queueUrl = `${QUEUE}.fifo`) =>
  sqsDestination({ queueUrl, messageGroupId });

describe('SQS message shape', () => {
  test('a standard queue gets the body as text and string attributes, without FIFO fields', () => {
    const event = eventMeta({ eventId: 'evt_1', eventType: 'order.paid' });
    const input = sendMessageInput(request(sqsDestination(), { event, attempt: 2 }));
    expect(input).toEqual({
      QueueUrl: QUEUE,
      MessageBody: '{"n":1}',
      MessageAttributes: {
        'barrage-event-id': { DataType: 'String', StringValue: 'evt_1' },
        'barrage-event-type': { DataType: 'String', StringValue: 'order.paid' },
        'barrage-attempt': { DataType: 'String', StringValue: '2' },
        'content-type': { DataType: 'String', StringValue: 'application/json' },
      },
    });
  });

  test('bytes that are not UTF-8, and text SQS refuses (NUL), travel as base64 with a marker attribute', () => {
    for (const payload of [binaryPayload, { contentType: 'text/plain', body: 'a\u0000b', encoding: 'utf8' as const }]) {
      const input = sendMessageInput(request(sqsDestination(), { payload }));
      expect(Buffer.from(input.MessageBody!, 'base64').equals(Buffer.from(payload.body, payload.encoding))).toBe(true);
      expect(input.MessageAttributes!['content-transfer-encoding']).toEqual({ DataType: 'String', StringValue: 'base64' });
    }
  });

  test('FIFO: the group comes from a fixed value or the event type; the dedupe id is the delivery id', () => {
    const event = eventMeta({ eventId: 'evt_9', eventType: 'order.paid' });
    const fixed = sendMessageInput(request(fifoDestination({ fixed: 'all' }), { event }));
    expect(fixed).toMatchObject({ MessageGroupId: 'all', MessageDeduplicationId: 'evt_9~d1' });
    // The workflow's own ID as the activity passes it: a dead letter's is its own, not its event's delivery's.
    const deadLetter = sendMessageInput(
      request(fifoDestination({ fixed: 'all' }), { event, deliveryId: 'evt_9~x~dead-letter-2' }),
    );
    expect(deadLetter.MessageDeduplicationId).toBe('evt_9~x~dead-letter-2');
    expect(sendMessageInput(request(fifoDestination({ eventType: true }), { event })).MessageGroupId).toBe('order.paid');
  });

  test('FIFO: a dedupe id over 128 characters is replaced by its sha256', () => {
    const event = eventMeta({ eventId: `evt_${'x'.repeat(130)}` });
    const input = sendMessageInput(request(fifoDestination({ fixed: 'g' }), { event }));
    expect(input.MessageDeduplicationId).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    ['the path is missing', jsonPayload({ other: 1 }), /\$\.customer\.id.*nothing there/],
    ['the value is an object', jsonPayload({ customer: { id: { deep: 1 } } }), /a object there/],
    ['the body is not JSON', { contentType: 'text/plain', body: 'hello', encoding: 'utf8' as const }, /not JSON/],
  ])('FIFO: a group from jsonPath is permanent when %s (no request is made)', async (_why, payload, error) => {
    const driver = createSqsDriver({ logger: createLogger('silent') });
    // Port 9 (discard) is never contacted: the message cannot be built.
    const destination = fifoDestination({ jsonPath: '$.customer.id' }, 'http://127.0.0.1:9/000000000000/q.fifo');
    const result = await driver.deliver(request(destination, { payload }));
    expect(result).toEqual({ outcome: 'permanent', error: expect.stringMatching(error) });
    await driver.close?.();
  });
});

describe('SQS driver against ElasticMQ', () => {
  const sqs = testSqs();
  const driver = createSqsDriver({ logger: createLogger('silent') });
  afterAll(async () => {
    await driver.close?.();
    sqs.destroy();
  });

  test('FIFO: MessageGroupId from jsonPath, dedupe id = delivery id, and a resend of the same delivery is dropped', async () => {
    const queue = await createQueue(sqs, 'fifo', { FifoQueue: 'true' });
    const destination = fifoDestination({ jsonPath: '$.customer.id' }, queue.url);
    const event = eventMeta();
    const payload = jsonPayload({ customer: { id: 42 }, total: 10 });
    const first = await driver.deliver(request(destination, { event, payload, attempt: 1 }));
    // An attempt whose answer was lost is sent again: SQS must keep one copy (5 minute window).
    const second = await driver.deliver(request(destination, { event, payload, attempt: 2 }));
    expect(first).toEqual({ outcome: 'delivered', responseExcerpt: expect.stringMatching(/^MessageId=\S+$/) });
    expect(second.outcome).toBe('delivered');
    const other = await driver.deliver(request(destination, { payload: jsonPayload({ customer: { id: 7 } }) }));
    expect(other.outcome).toBe('delivered');
    const messages = await drainSqs(sqs, queue.url, 3, 4000);
    expect(messages).toHaveLength(2);
    const mine = messages.find((m) => m.MessageAttributes?.['barrage-event-id']?.StringValue === event.eventId)!;
    expect(mine.Attributes).toMatchObject({ MessageGroupId: '42', MessageDeduplicationId: `${event.eventId}~d1` });
    expect(mine.MessageAttributes?.['barrage-attempt']?.StringValue).toBe('1');
  });

  test('a peer that accepts the connection but never answers is retryable after the timeout', async () => {
    const sockets: Socket[] = [];
    const server: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const destination = sqsDestination({ queueUrl: `http://127.0.0.1:${port}/000000000000/silent` });
      const started = Date.now();
      const result = await driver.deliver(request(destination, { timeoutMs: 800 }));
      expect(result).toEqual({ outcome: 'retryable', error: 'timeout after 800 ms' });
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a body over the SQS size limit (1 MiB) is refused for good', async () => {
    // ElasticMQ ignores a queue's MaximumMessageSize; only the service-wide limit is enforced.
    const queue = await createQueue(sqs, 'large');
    const payload = { contentType: 'text/plain', body: 'x'.repeat(1024 * 1024 + 1), encoding: 'utf8' as const };
    const result = await driver.deliver(request(sqsDestination({ queueUrl: queue.url }), { payload }));
    expect(result).toEqual({ outcome: 'permanent', error: expect.stringMatching(/^Invalid\w+: .*MessageTooLong/) });
  });
});
