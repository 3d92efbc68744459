// The Kafka driver: record shape and error classification (pure), then keys and missing topics
// against the real test broker.
import { KafkaJS } from '@confluentinc/kafka-javascript';
import { classifyKafkaError, createKafkaDriver, kafkaMessage } from '../../../src/destinations/kafka/driver';
import { DeadlineError } from '../../../src/destinations/queue-message';
import { createLogger } from '../../../src/telemetry/logger';
import { uniqueName } from '../../helpers/config';
import { createTopic, eventMeta, jsonPayload, parseDestination, readRecords, request } from '../../helpers/destination-fixtures';
import { testKafkaBrokers } from '../../helpers/env';

const kafkaDestination = (extra: Record<string, unknown> = {}) =>
  parseDestination({ type: 'kafka', brokers: ['127.0.0.1:9092'], topic: 'orders', ...extra });

describe('Kafka record shape', () => {
  test('value is the body bytes; headers carry event id, type, attempt and content type; key is the event id', () => {
    const event = eventMeta({ eventId: 'evt_1', eventType: 'order.paid' });
    const message = kafkaMessage(request(kafkaDestination(), { event, attempt: 4 }));
    expect(message).toEqual({
      key: 'evt_1',
      value: Buffer.from('{"n":1}'),
      headers: {
        'barrage-event-id': 'evt_1',
        'barrage-event-type': 'order.paid',
        'barrage-attempt': '4',
        'content-type': 'application/json',
      },
    });
  });

  test.each([
    [{ fixed: 'all' }, {}, 'all'],
    [{ idempotencyKey: true }, { idempotencyKey: 'shop-123' }, 'shop-123'],
    [{ idempotencyKey: true }, {}, 'evt_2'],
    [{ jsonPath: '$.order.id' }, {}, '77'],
  ])('key %j with event fields %j is %s', (key, eventFields, expected) => {
    const event = eventMeta({ eventId: 'evt_2', ...eventFields });
    const message = kafkaMessage(request(kafkaDestination({ key }), { event, payload: jsonPayload({ order: { id: 77 } }) }));
    expect(message.key).toBe(expected);
  });
});

describe('Kafka error classification', () => {
  const codes = KafkaJS.ErrorCodes;
  // Shapes as the library produces them: KafkaJSError from delivery reports, a bare
  // LibrdKafkaError (code only) when produce() refuses a record before sending it.
  const librdkafkaError = (code: number, message: string) => Object.assign(new Error(message), { code });
  test.each([
    [
      'message too large',
      librdkafkaError(codes.ERR_MSG_SIZE_TOO_LARGE, 'Broker: Message size too large'),
      'permanent',
      /^ERR_MSG_SIZE_TOO_LARGE: /,
    ],
    ['invalid record', librdkafkaError(codes.ERR_INVALID_RECORD, 'Broker: Invalid record'), 'permanent', /ERR_INVALID_RECORD/],
    [
      'not authorized',
      librdkafkaError(codes.ERR_TOPIC_AUTHORIZATION_FAILED, 'Broker: Topic authorization failed'),
      'permanent',
      /AUTHORIZATION/,
    ],
    [
      'unknown topic (broker)',
      librdkafkaError(codes.ERR_UNKNOWN_TOPIC_OR_PART, 'Broker: Unknown topic or partition'),
      'retryable',
      /topic "t" does not exist/,
    ],
    [
      'unknown topic (local)',
      librdkafkaError(codes.ERR__UNKNOWN_TOPIC, 'Local: Unknown topic'),
      'retryable',
      /topic "t" does not exist/,
    ],
    ['message timed out', librdkafkaError(codes.ERR__MSG_TIMED_OUT, 'Local: Message timed out'), 'retryable', /not acknowledged/],
    ['transport failure', librdkafkaError(codes.ERR__TRANSPORT, 'broker transport failure'), 'retryable', /^ERR__TRANSPORT: /],
    [
      'not enough replicas',
      librdkafkaError(codes.ERR_NOT_ENOUGH_REPLICAS, 'Broker: Not enough in-sync replicas'),
      'retryable',
      /NOT_ENOUGH/,
    ],
    ['our own deadline', new DeadlineError('timeout after 10 ms connecting'), 'retryable', /^timeout after 10 ms/],
    ['an error without a code', new Error('something else'), 'retryable', /^something else$/],
  ])('%s → %s', (_what, err, outcome, error) => {
    expect(classifyKafkaError(err, 't')).toEqual({ outcome, error: expect.stringMatching(error) });
  });
});

describe('Kafka driver against the test broker', () => {
  const driver = createKafkaDriver({ logger: createLogger('silent') });
  afterAll(() => driver.close?.());

  test('the record key comes from the JSON body, and the answer names partition and offset', async () => {
    const topic = uniqueName('keyed');
    await createTopic(topic);
    const destination = parseDestination({
      type: 'kafka',
      brokers: testKafkaBrokers(),
      topic,
      key: { jsonPath: '$.customer.id' },
    });
    const result = await driver.deliver(request(destination, { payload: jsonPayload({ customer: { id: 'c-9' } }) }));
    expect(result).toEqual({ outcome: 'delivered', responseExcerpt: expect.stringMatching(/^partition=[01] offset=0$/) });
    const [record] = await readRecords(topic, 1);
    expect(record.key?.toString()).toBe('c-9');
    expect(`partition=${record.partition} offset=${record.offset}`).toBe(result.responseExcerpt);
  });

  test('a key path missing from the body is permanent, decided before any broker is contacted', async () => {
    const destination = parseDestination({
      type: 'kafka',
      brokers: ['127.0.0.1:9'],
      topic: 't',
      key: { jsonPath: '$.customer.id' },
    });
    const started = Date.now();
    const result = await driver.deliver(request(destination, { payload: jsonPayload({ order: 1 }) }));
    expect(result).toEqual({
      outcome: 'permanent',
      error: expect.stringMatching(/record key comes from \$\.customer\.id.*nothing there/),
    });
    expect(Date.now() - started).toBeLessThan(500);
  });

  test('a topic that does not exist yet is retryable with a clear reason, and delivers once created', async () => {
    const topic = uniqueName('later');
    const destination = parseDestination({ type: 'kafka', brokers: testKafkaBrokers(), topic });
    const started = Date.now();
    const missing = await driver.deliver(request(destination, { timeoutMs: 3000 }));
    expect(missing).toEqual({ outcome: 'retryable', error: expect.stringContaining(`topic "${topic}" does not exist`) });
    expect(Date.now() - started).toBeLessThan(3000);
    await createTopic(topic);
    const deadline = Date.now() + 15_000;
    let result = missing;
    while (result.outcome !== 'delivered' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      result = await driver.deliver(request(destination, { timeoutMs: 3000 }));
    }
    expect(result.outcome).toBe('delivered');
  });
});
