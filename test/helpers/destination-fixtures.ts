// Fixtures for destination driver tests: requests, configs parsed by the real schema, and a
// byte-exact reader for Kafka topics (the shared consumeTopic helper reads values as text).
import { KafkaJS } from '@confluentinc/kafka-javascript';
import { stringify } from 'yaml';
import { parseConfig, type DestinationConfig } from '../../src/config';
import { deliveryWorkflowId, type EventMeta, type Payload } from '../../src/contracts';
import type { DestinationType, DriverRequest } from '../../src/destinations/driver';
import { uniqueName } from './config';
import { testKafka } from './queues';

type ConfigOf<T extends DestinationType> = Extract<DestinationConfig, { type: T }>;

export function eventMeta(overrides: Partial<EventMeta> = {}): EventMeta {
  return {
    eventId: `evt_${uniqueName('c').replace(/-/g, '')}`,
    tenantId: 'acme',
    eventType: 'order.created',
    source: 'api',
    receivedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export const jsonPayload = (value: unknown): Payload => ({
  contentType: 'application/json',
  body: JSON.stringify(value),
  encoding: 'utf8',
});

/** Not valid UTF-8 on purpose: such bodies travel as base64 inside Barrage. */
export const BINARY_BYTES = Buffer.from([0x00, 0xff, 0xfe, 0x41, 0x0a, 0x80, 0xc3]);
export const binaryPayload: Payload = {
  contentType: 'application/octet-stream',
  body: BINARY_BYTES.toString('base64'),
  encoding: 'base64',
};

/** A destination as a user would write it, run through the real config schema (defaults included). */
export function parseDestination<T extends DestinationType>(raw: Record<string, unknown> & { type: T }): ConfigOf<T> {
  const config = parseConfig(stringify({ tenants: [{ id: 'acme', apiKeys: ['k'], destinations: [{ id: 'd1', ...raw }] }] }), {});
  return config.tenants[0].destinations[0] as ConfigOf<T>;
}

export function request<T extends DestinationType>(
  destination: ConfigOf<T>,
  overrides: Partial<Omit<DriverRequest<T>, 'destination'>> = {},
): DriverRequest<T> {
  const event = overrides.event ?? eventMeta();
  const deliveryId = deliveryWorkflowId(event.eventId, destination.id);
  return { event, payload: jsonPayload({ n: 1 }), attempt: 1, timeoutMs: 3000, deliveryId, destination, ...overrides };
}

export async function createTopic(topic: string, configEntries: { name: string; value: string }[] = []): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 2, configEntries }] });
  } finally {
    await admin.disconnect();
  }
}

export interface RawRecord {
  partition: number;
  offset: string;
  key?: Buffer;
  value: Buffer;
  headers: Record<string, string>;
}

/** Reads a topic from the start until `count` records arrived or the deadline passed. */
export async function readRecords(topic: string, count: number, timeoutMs = 20_000): Promise<RawRecord[]> {
  const consumer = testKafka().consumer({ kafkaJS: { groupId: uniqueName('reader'), fromBeginning: true, autoCommit: false } });
  await consumer.connect();
  const got: RawRecord[] = [];
  try {
    await consumer.subscribe({ topics: [topic] });
    let done: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ partition, message }: KafkaJS.EachMessagePayload) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(Array.isArray(v) ? v[0] : v);
        got.push({
          partition,
          offset: message.offset,
          key: message.key ?? undefined,
          value: message.value ?? Buffer.alloc(0),
          headers,
        });
        if (got.length >= count) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([enough, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  } finally {
    await consumer.disconnect();
  }
  return got;
}
