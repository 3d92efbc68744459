// The queue-independent intake: what counts as poison, what is retried, and what reaches ingest.
import { parseConfig } from '../../../src/config';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { MAX_INPUT_BYTES } from '../../../src/ingest/budget';
import { createIngest, type IngestRequest } from '../../../src/ingest/ingest';
import { createLogger } from '../../../src/telemetry/logger';
import { stubClient } from '../../helpers/stub-client';
import { createBackoff, untilDone } from '../../../src/sources/backoff';
import { readJsonPath } from '../../../src/delivery/json-path';
import { eventIdFor } from '../../../src/ingest/ids';
import { createIntake } from '../../../src/ingest/intake';
import { compileSchema } from '../../../src/event-types/schemas';
import type { QueueMessage } from '../../../src/sources/message';
import { mapLimit, settledPrefix } from '../../../src/sources/poller';

const tenant = parseConfig('tenants: [{ id: acme, apiKeys: [k] }]', {}).tenants[0];
const origin = { type: 'kafka', topic: 'orders', partition: 1, offset: '7' } as const;
const message = (over: Partial<QueueMessage> = {}): QueueMessage => ({
  origin,
  body: Buffer.from('{"type":"order.created"}'),
  eventType: 'order.created',
  idempotencyKey: 'orders/1/7',
  ...over,
});

/** The real ingest in front of a stub Temporal client: `starts` is what reached Temporal. */
function intakeWith(
  start?: Parameters<typeof stubClient>[0],
  contentType = 'application/json',
  maxBodyBytes = 64,
  existing?: string,
  live: () => IngestRequest['tenant'] = () => tenant,
) {
  const calls: IngestRequest[] = [];
  const temporal = stubClient(start, { eventType: 'order.created', destinations: [] }, existing);
  const ingest = createIngest({ clientFor: () => temporal.client, taskQueue: 'q', logger: createLogger('silent') });
  const intake = createIntake({
    ingest: (req) => {
      calls.push(req);
      return ingest(req);
    },
    tenant: live,
    source: { id: 'orders-kafka', contentType },
    maxBodyBytes,
  });
  return { intake, calls, starts: temporal.starts };
}

test('a valid message becomes one ingest call carrying its lineage, key and exact bytes', async () => {
  const { intake, calls, starts } = intakeWith();
  const eventId = eventIdFor('acme', 'orders-kafka', 'orders/1/7');
  expect(await intake(message())).toEqual({ kind: 'accepted', eventId });
  expect(starts.map((s) => s.options.workflowId)).toEqual([eventId]);
  expect(calls).toEqual([
    {
      tenant,
      source: 'orders-kafka',
      eventType: 'order.created',
      idempotencyKey: 'orders/1/7',
      payload: { contentType: 'application/json', body: '{"type":"order.created"}', encoding: 'utf8' },
      origin,
    },
  ]);
});

/** The tenant with order.created catalogued, its data required to have an amount (the message has none). */
function catalogued(): IngestRequest['tenant'] {
  const compiled = compileSchema({ type: 'object', required: ['amount'] });
  if (!compiled.ok) throw new Error('schema');
  const type = {
    name: 'order.created',
    description: '',
    deprecated: false,
    createdAt: '',
    updatedAt: '',
    validate: compiled.validate,
  };
  return { ...tenant, eventTypes: new Map([['order.created', type]]) };
}

test('a message the tenant’s event-type catalog refuses is poison, and nothing starts; the tenant is read per message', async () => {
  let current: IngestRequest['tenant'] = catalogued();
  const { intake, starts } = intakeWith(undefined, 'application/json', 64, 'none', () => current);
  expect(await intake(message())).toEqual({
    kind: 'poison',
    reason: 'data does not meet the schema of event type "order.created"',
  });
  current = { ...tenant, requireKnownEventTypes: true };
  expect(await intake(message())).toEqual({
    kind: 'poison',
    reason: expect.stringMatching(/not in the tenant's event-type catalog/),
  });
  expect(starts).toEqual([]);
  current = tenant;
  expect((await intake(message())).kind).toBe('accepted');
});

test('a redelivered message already accepted is a duplicate even if the catalog would refuse it now', async () => {
  const current = catalogued();
  const { intake, starts } = intakeWith(undefined, 'application/json', 64, undefined, () => current);
  expect(await intake(message())).toEqual({ kind: 'duplicate', eventId: eventIdFor('acme', 'orders-kafka', 'orders/1/7') });
  expect(starts).toEqual([]);
});

test('a duplicate start is reported as such (the poller acknowledges it)', async () => {
  const { intake } = intakeWith(async (o) => {
    throw new WorkflowExecutionAlreadyStartedError('started', o.workflowId, 'callbackWorkflow');
  });
  expect(await intake(message())).toEqual({ kind: 'duplicate', eventId: eventIdFor('acme', 'orders-kafka', 'orders/1/7') });
});

test('an id held by a delivery of an event accepted before the "~" IDs is poison (it stays taken)', async () => {
  const started = async (o: { workflowId: string }) => {
    throw new WorkflowExecutionAlreadyStartedError('started', o.workflowId, 'deliveryWorkflow');
  };
  const { intake } = intakeWith(started, 'application/json', 64, 'deliveryWorkflow');
  expect(await intake(message())).toEqual({ kind: 'poison', reason: expect.stringMatching(/is taken by a delivery/) });
});

test.each([
  ['no event type', { eventType: undefined }, 'no event type found'],
  ['a bad event type', { eventType: 'has space' }, 'invalid event type "has space"'],
  ['a body over the limit', { body: Buffer.alloc(65, 'a') }, 'body is 65 bytes; server.maxBodyBytes allows 64'],
  [
    'a body that is not JSON',
    { body: Buffer.from('nope') },
    "body is not valid JSON (the source's content type is application/json)",
  ],
  ['an unusable key', { idempotencyKey: 'with space' }, 'idempotency key must be 1–255 printable ASCII characters'],
])('%s is poison and never reaches Temporal', async (_name, over, reason) => {
  const { intake, starts } = intakeWith();
  expect(await intake(message(over))).toEqual({ kind: 'poison', reason });
  expect(starts).toHaveLength(0);
});

test('a non-JSON content type accepts any bytes', async () => {
  const { intake } = intakeWith(undefined, 'text/plain');
  expect(await intake(message({ body: Buffer.from('plain text') }))).toMatchObject({ kind: 'accepted' });
});

test('over the Temporal payload budget is poison; Temporal trouble is thrown for the poller to retry', async () => {
  const tooBig = intakeWith(undefined, 'text/plain', MAX_INPUT_BYTES * 2);
  const outcome = await tooBig.intake(message({ body: Buffer.alloc(MAX_INPUT_BYTES, 'a') }));
  expect(outcome).toEqual({ kind: 'poison', reason: expect.stringMatching(/Temporal takes at most/) });
  expect(tooBig.starts).toHaveLength(0);
  const down = intakeWith(async () => {
    throw new Error('14 UNAVAILABLE: connection refused');
  });
  await expect(down.intake(message())).rejects.toThrow('UNAVAILABLE');
});

test('readJsonPath reads strings and numbers, nothing else', () => {
  const json = { a: { b: 'x', n: 3, o: {}, e: '' } };
  expect(readJsonPath(json, '$.a.b')).toBe('x');
  expect(readJsonPath(json, '$.a.n')).toBe('3');
  expect(readJsonPath(json, '$.a.o')).toBeUndefined();
  expect(readJsonPath(json, '$.a.e')).toBeUndefined();
  expect(readJsonPath(undefined, '$.a')).toBeUndefined();
});

describe('untilDone', () => {
  test('retries with growing waits until the operation succeeds', async () => {
    let tries = 0;
    const waits: number[] = [];
    const value = await untilDone(
      async () => {
        if (++tries < 4) throw new Error('down');
        return 'up';
      },
      { signal: new AbortController().signal, backoff: createBackoff(5, 40), onFailure: (_e, ms) => waits.push(ms) },
    );
    expect(value).toBe('up');
    expect(waits).toEqual([5, 10, 20]);
  });

  test('gives up at shutdown, returning undefined so the message stays unacknowledged', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const value = await untilDone(
      async () => {
        throw new Error('down');
      },
      { signal: controller.signal, backoff: createBackoff(10_000, 10_000), onFailure: () => undefined },
    );
    expect(value).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

test('mapLimit keeps order and never exceeds its limit', async () => {
  let inFlight = 0;
  let peak = 0;
  const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
    peak = Math.max(peak, ++inFlight);
    await new Promise((r) => setTimeout(r, n));
    inFlight--;
    return n * 10;
  });
  expect(out).toEqual([50, 10, 40, 20, 30]);
  expect(peak).toBe(2);
});

test.each([
  [[], 0],
  [[true, true, true], 3],
  [[false, true, true], 0],
  [[true, false, true], 1],
  [[true, true, false], 2],
])('settledPrefix(%j) = %d: only a gap-free prefix of a partition may be committed', (settled, prefix) => {
  expect(settledPrefix(settled)).toBe(prefix);
});
