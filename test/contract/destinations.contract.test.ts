// The contract every destination driver keeps, checked against its real peer: an HTTP server on
// 127.0.0.1, an ElasticMQ queue, a Kafka topic. A new destination type adds one Peer here.
import type { DestinationConfig } from '../../src/config';
import type { Payload } from '../../src/contracts';
import type { DestinationDriver, DestinationType } from '../../src/destinations/driver';
import { createHttpDriver } from '../../src/destinations/http';
import { createKafkaDriver } from '../../src/destinations/kafka';
import { createSqsDriver } from '../../src/destinations/sqs';
import { freePort } from '../../src/net/free-port';
import { createLogger } from '../../src/telemetry/logger';
import { uniqueName } from '../helpers/config';
import {
  BINARY_BYTES,
  binaryPayload,
  createTopic,
  eventMeta,
  jsonPayload,
  parseDestination,
  readRecords,
} from '../helpers/destination-fixtures';
import { testKafkaBrokers, testSqsEndpoint } from '../helpers/env';
import { createQueue, drainSqs, SQS_TEST_KEYS, testSqs } from '../helpers/queues';
import { startTestSink, type TestSink } from '../helpers/sink';

const logger = createLogger(process.env.BARRAGE_TEST_LOG ?? 'silent');
const TIMEOUT_MS = 2000;

/** Each peer only ever hands its driver destinations of its own type; TypeScript cannot correlate that. */
const untyped = <T extends DestinationType>(driver: DestinationDriver<T>) => driver as unknown as DestinationDriver;

/** What arrived at the peer, in one shape for every transport. */
interface Arrived {
  body: Buffer;
  eventId?: string;
  eventType?: string;
  attempt?: string;
  contentType?: string;
}

interface Peer {
  type: DestinationType;
  driver(): DestinationDriver;
  /** A fresh, working destination (its own sink, queue or topic). */
  destination(): Promise<DestinationConfig>;
  readBack(destination: DestinationConfig, count: number): Promise<Arrived[]>;
  /** Points at a port where nothing listens. */
  broken(): Promise<DestinationConfig>;
  /** A peer that refuses this delivery for good, with the payload it refuses. */
  rejecting(): Promise<{ destination: DestinationConfig; payload?: Payload; error: RegExp }>;
  close?(): Promise<void>;
}

const sinks: TestSink[] = [];
const httpPeer: Peer = {
  type: 'http',
  driver: () => untyped(createHttpDriver({ allowPrivateDestinations: true, userAgent: 'Barrage/contract' })),
  async destination() {
    const sink = await startTestSink();
    sinks.push(sink);
    return parseDestination({ type: 'http', url: sink.url });
  },
  async readBack(destination, count) {
    const sink = sinks.find((s) => s.url === (destination as { url: string }).url)!;
    const received = await sink.waitFor(count, 10_000);
    return received.map((r) => ({
      body: r.body,
      eventId: r.headers['webhook-id'] as string,
      eventType: r.headers['barrage-event-type'] as string,
      attempt: r.headers['barrage-attempt'] as string,
      contentType: r.headers['content-type'],
    }));
  },
  broken: async () => parseDestination({ type: 'http', url: `http://127.0.0.1:${await freePort()}/hook` }),
  async rejecting() {
    const sink = await startTestSink(() => ({ status: 400, body: 'bad hook' }));
    sinks.push(sink);
    return { destination: parseDestination({ type: 'http', url: sink.url }), error: /HTTP 400/ };
  },
  close: () => Promise.all(sinks.map((s) => s.close())).then(() => undefined),
};

const sqs = testSqs();
const sqsPeer: Peer = {
  type: 'sqs',
  driver: () => untyped(createSqsDriver({ logger })),
  async destination() {
    const queue = await createQueue(sqs, 'contract');
    return parseDestination({ type: 'sqs', queueUrl: queue.url, ...SQS_TEST_KEYS });
  },
  async readBack(destination, count) {
    const messages = await drainSqs(sqs, (destination as { queueUrl: string }).queueUrl, count, 10_000);
    return messages.map((m) => {
      const attribute = (name: string) => m.MessageAttributes?.[name]?.StringValue;
      const base64 = attribute('content-transfer-encoding') === 'base64';
      return {
        body: Buffer.from(m.Body ?? '', base64 ? 'base64' : 'utf8'),
        eventId: attribute('barrage-event-id'),
        eventType: attribute('barrage-event-type'),
        attempt: attribute('barrage-attempt'),
        contentType: attribute('content-type'),
      };
    });
  },
  async broken() {
    const port = await freePort();
    return parseDestination({
      type: 'sqs',
      queueUrl: `http://127.0.0.1:${port}/000000000000/${uniqueName('nowhere')}`,
      ...SQS_TEST_KEYS,
    });
  },
  async rejecting() {
    const queueUrl = `${testSqsEndpoint()}/000000000000/${uniqueName('missing')}`;
    return { destination: parseDestination({ type: 'sqs', queueUrl, ...SQS_TEST_KEYS }), error: /QueueDoesNotExist/ };
  },
  close: async () => sqs.destroy(),
};

const kafkaPeer: Peer = {
  type: 'kafka',
  driver: () => untyped(createKafkaDriver({ logger })),
  async destination() {
    const topic = uniqueName('contract');
    await createTopic(topic);
    return parseDestination({ type: 'kafka', brokers: testKafkaBrokers(), topic });
  },
  async readBack(destination, count) {
    const records = await readRecords((destination as { topic: string }).topic, count);
    return records.map((r) => ({
      body: r.value,
      eventId: r.headers['barrage-event-id'],
      eventType: r.headers['barrage-event-type'],
      attempt: r.headers['barrage-attempt'],
      contentType: r.headers['content-type'],
    }));
  },
  broken: async () => parseDestination({ type: 'kafka', brokers: [`127.0.0.1:${await freePort()}`], topic: 'anything' }),
  async rejecting() {
    const topic = uniqueName('small');
    await createTopic(topic, [{ name: 'max.message.bytes', value: '1024' }]);
    return {
      destination: parseDestination({ type: 'kafka', brokers: testKafkaBrokers(), topic }),
      payload: jsonPayload({ blob: 'x'.repeat(5000) }),
      error: /MSG_SIZE_TOO_LARGE/,
    };
  },
};

describe.each([httpPeer, sqsPeer, kafkaPeer])('destination contract: $type', (peer) => {
  const drivers: DestinationDriver[] = [];
  const newDriver = () => {
    const driver = peer.driver();
    drivers.push(driver);
    return driver;
  };
  afterAll(async () => {
    await Promise.all(drivers.map((d) => d.close?.()));
    await peer.close?.();
  });

  test('delivers the exact body with the event id, type and attempt number', async () => {
    const destination = await peer.destination();
    const event = eventMeta({ eventType: 'order.paid' });
    const payload = jsonPayload({ n: 1, name: 'Zoë ✓', nested: { ok: true } });
    const result = await newDriver().deliver({ event, payload, attempt: 3, timeoutMs: TIMEOUT_MS, destination });
    expect(result).toMatchObject({ outcome: 'delivered' });
    expect(result.error).toBeUndefined();
    const [arrived, ...more] = await peer.readBack(destination, 1);
    expect(more).toEqual([]);
    expect(arrived.body.equals(Buffer.from(payload.body, 'utf8'))).toBe(true);
    expect(arrived).toMatchObject({ eventId: event.eventId, eventType: 'order.paid', attempt: '3' });
    expect(arrived.contentType).toMatch(/^application\/json/);
  });

  test('delivers a body that is not UTF-8 byte for byte', async () => {
    const destination = await peer.destination();
    const result = await newDriver().deliver({
      event: eventMeta(),
      payload: binaryPayload,
      attempt: 1,
      timeoutMs: TIMEOUT_MS,
      destination,
    });
    expect(result.outcome).toBe('delivered');
    const [arrived] = await peer.readBack(destination, 1);
    expect(arrived.body.equals(BINARY_BYTES)).toBe(true);
  });

  test('an unreachable peer is retryable, with the reason, within the attempt timeout', async () => {
    const destination = await peer.broken();
    const started = Date.now();
    const result = await newDriver().deliver({
      event: eventMeta(),
      payload: jsonPayload({ n: 2 }),
      attempt: 1,
      timeoutMs: TIMEOUT_MS,
      destination,
    });
    expect(result.outcome).toBe('retryable');
    expect(result.error).toEqual(expect.any(String));
    expect(result.error!.length).toBeGreaterThan(5);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 3000);
  });

  test('a peer that refuses the delivery for good makes it permanent, with the reason', async () => {
    const { destination, payload, error } = await peer.rejecting();
    const result = await newDriver().deliver({
      event: eventMeta(),
      payload: payload ?? jsonPayload({ n: 3 }),
      attempt: 1,
      timeoutMs: TIMEOUT_MS,
      destination,
    });
    expect(result.outcome).toBe('permanent');
    expect(result.error).toMatch(error);
  });

  test('a closed driver is replaced by a fresh one that delivers', async () => {
    const destination = await peer.destination();
    const first = peer.driver();
    const request = (n: number) => ({
      event: eventMeta(),
      payload: jsonPayload({ n }),
      attempt: 1,
      timeoutMs: TIMEOUT_MS,
      destination,
    });
    expect((await first.deliver(request(1))).outcome).toBe('delivered');
    await first.close?.();
    const second = newDriver();
    expect((await second.deliver(request(2))).outcome).toBe('delivered');
    const bodies = (await peer.readBack(destination, 2)).map((a) => a.body.toString()).sort();
    expect(bodies).toEqual(['{"n":1}', '{"n":2}']);
  });
});
