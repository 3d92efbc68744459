// Queue sources and destinations in the config: defaults, and errors that name path and fix.
import { parseConfig } from '../../../src/config';
import { configProblems } from '../../helpers/config';

const tenant = (extra: string) => `
tenants:
  - id: acme
    apiKeys: [k]
${extra}`;

const problems = configProblems;

describe('queue sources', () => {
  test('sqs and kafka sources get the documented defaults', () => {
    const config = parseConfig(
      tenant(`    sources:
      - { id: orders-sqs, type: sqs, queueUrl: "http://127.0.0.1:9324/000000000000/orders", eventType: { attribute: EventType } }
      - { id: orders-kafka, type: kafka, brokers: ["127.0.0.1:9092"], topic: orders, eventType: { header: event-type } }
      - { id: shop, eventType: { fixed: a.b }, token: t }`),
      {},
    );
    const [sqs, kafka, http] = config.tenants[0].sources;
    expect(sqs).toEqual({
      id: 'orders-sqs',
      type: 'sqs',
      queueUrl: 'http://127.0.0.1:9324/000000000000/orders',
      region: 'us-east-1',
      eventType: { attribute: 'EventType' },
      idempotencyKey: { messageId: true },
      contentType: 'application/json',
      waitTimeSeconds: 20,
      maxMessages: 10,
    });
    expect(kafka).toEqual({
      id: 'orders-kafka',
      type: 'kafka',
      brokers: ['127.0.0.1:9092'],
      clientId: 'barrage',
      librdkafka: {},
      topic: 'orders',
      groupId: 'barrage-orders-kafka',
      eventType: { header: 'event-type' },
      idempotencyKey: { offset: true },
      contentType: 'application/json',
      deadLetterTopic: 'orders.dead-letter',
      fromBeginning: true,
    });
    expect(http.type).toBe('http');
  });

  test('credentials and librdkafka values resolve env: references', () => {
    const config = parseConfig(
      tenant(`    sources:
      - { id: q, type: sqs, queueUrl: "https://sqs.eu-west-1.amazonaws.com/1/q", region: eu-west-1, accessKeyId: "env:AK", secretAccessKey: "env:SK", eventType: { fixed: x } }
      - { id: k, type: kafka, brokers: ["b:9092"], topic: t, eventType: { fixed: x }, librdkafka: { security.protocol: sasl_ssl, sasl.password: "env:PW", socket.keepalive.enable: true } }`),
      { AK: 'AKIA1', SK: 'secret', PW: 'pw' },
    );
    expect(config.tenants[0].sources[0]).toMatchObject({ accessKeyId: 'AKIA1', secretAccessKey: 'secret' });
    expect(config.tenants[0].sources[1]).toMatchObject({
      librdkafka: { 'security.protocol': 'sasl_ssl', 'sasl.password': 'pw', 'socket.keepalive.enable': true },
    });
  });

  test('mistakes are reported by path', () => {
    expect(
      problems(
        tenant(`    sources:
      - { id: a, type: sqs, queueUrl: "not a url", eventType: { header: X } }
      - { id: b, type: kafka, brokers: ["nohost"], topic: t, eventType: { attribute: A }, idempotencyKey: { messageId: true } }
      - { id: c, type: sqs, queueUrl: "http://h/1/q", accessKeyId: AK, eventType: { fixed: x }, waitTimeSeconds: 30 }
      - { id: d, type: rabbit }`),
      ),
    ).toEqual(
      expect.arrayContaining([
        'tenants.0.sources.0.queueUrl: must be an SQS queue URL',
        expect.stringMatching(/^tenants\.0\.sources\.0\.eventType: /),
        'tenants.0.sources.1.brokers.0: use host:port',
        expect.stringMatching(/^tenants\.0\.sources\.1\.eventType: /),
        expect.stringMatching(/^tenants\.0\.sources\.1\.idempotencyKey: /),
        expect.stringMatching(/^tenants\.0\.sources\.2\.waitTimeSeconds: /),
        'tenants.0.sources.2.secretAccessKey: set accessKeyId and secretAccessKey together',
        'tenants.0.sources.3.type: type must be http, sqs or kafka',
      ]),
    );
  });
});

describe('queue destinations', () => {
  test('sqs and kafka destinations share routing, timeout and retry with http', () => {
    const config = parseConfig(
      tenant(`    destinations:
      - { id: q, type: sqs, queueUrl: "http://127.0.0.1:9324/000000000000/out", events: ["order.*"], deadLetter: k }
      - { id: k, type: kafka, brokers: ["127.0.0.1:9092"], topic: out, key: { jsonPath: $.customer.id } }
      - { id: f, type: sqs, queueUrl: "http://127.0.0.1:9324/000000000000/out.fifo", messageGroupId: { eventType: true } }`),
      {},
    );
    const [q, k, f] = config.tenants[0].destinations;
    expect(q).toMatchObject({ type: 'sqs', region: 'us-east-1', events: ['order.*'], timeout: 10_000, deadLetter: 'k' });
    expect(q.retry).toMatchObject({ maximumAttempts: 10, initialInterval: 5000 });
    expect(k).toMatchObject({ type: 'kafka', topic: 'out', key: { jsonPath: '$.customer.id' }, clientId: 'barrage' });
    expect(f).toMatchObject({ messageGroupId: { eventType: true } });
    const defaultKey = parseConfig(tenant(`    destinations: [{ id: k, type: kafka, brokers: ["b:1"], topic: t }]`), {});
    expect(defaultKey.tenants[0].destinations[0]).toMatchObject({ key: { eventId: true } });
  });

  test('a FIFO queue needs a message group; http-only fields are refused on queues', () => {
    expect(
      problems(
        tenant(`    destinations:
      - { id: f, type: sqs, queueUrl: "http://h/1/out.fifo" }
      - { id: q, type: sqs, queueUrl: "http://h/1/out", secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }
      - { id: k, type: kafka, brokers: ["b:1"] }`),
      ),
    ).toEqual(
      expect.arrayContaining([
        'tenants.0.destinations.0.messageGroupId: a FIFO queue (.fifo) needs messageGroupId: { jsonPath } | { fixed } | { eventType: true }',
        expect.stringMatching(/^tenants\.0\.destinations\.1: .*secret/),
        expect.stringMatching(/^tenants\.0\.destinations\.2\.topic: /),
      ]),
    );
  });
});
