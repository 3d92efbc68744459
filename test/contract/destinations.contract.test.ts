// The contract every destination driver keeps, checked against its real peer: an HTTP server on
// 127.0.0.1, an ElasticMQ queue, a Kafka topic. Each registered type brings its own peer
// (src/destinations/<type>/contract-peer.ts); a type without one fails here.
import { deliveryWorkflowId } from '../../src/contracts';
import { destinationTypes } from '../../src/destinations/registry';
import type { DestinationDriver } from '../../src/destinations/driver';
import { BINARY_BYTES, binaryPayload, eventMeta, jsonPayload } from '../helpers/destination-fixtures';
import { TIMEOUT_MS, type Peer } from './peer';

/** A delivery of a fresh event to this destination (its workflow ID, as the activity passes it). */
const uniqueDeliveryId = (destinationId: string) => deliveryWorkflowId(eventMeta().eventId, destinationId);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const peers: Peer[] = destinationTypes().map((type) => require(`../../src/destinations/${type}/contract-peer`).peer as Peer);

test('every registered destination type has a contract peer of its own type', () => {
  expect(peers.map((p) => p.type)).toEqual(destinationTypes());
});

describe.each(peers)('destination contract: $type', (peer) => {
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
    const deliveryId = deliveryWorkflowId(event.eventId, destination.id);
    const result = await newDriver().deliver({ event, payload, attempt: 3, timeoutMs: TIMEOUT_MS, deliveryId, destination });
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
      deliveryId: uniqueDeliveryId(destination.id),
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
      deliveryId: uniqueDeliveryId(destination.id),
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
      deliveryId: uniqueDeliveryId(destination.id),
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
      deliveryId: uniqueDeliveryId(destination.id),
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
