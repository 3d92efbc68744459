// ingest(): every expected answer is an outcome carrying its HTTP status; only bugs throw.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { parseConfig } from '../../../src/config';
import { MAX_INPUT_BYTES } from '../../../src/ingest/budget';
import { eventIdFor } from '../../../src/ingest/ids';
import { createIngest, type IngestRequest } from '../../../src/ingest/ingest';
import { createLogger } from '../../../src/telemetry/logger';
import { stubClient } from '../../helpers/stub-client';

const tenant = parseConfig(
  'tenants: [{ id: acme, apiKeys: [k], destinations: [{ id: d, url: "http://x.test/", events: ["order.*"] }] }]',
  {},
).tenants[0];
const request = (over: Partial<IngestRequest> = {}): IngestRequest => ({
  tenant,
  source: 'api',
  eventType: 'order.created',
  idempotencyKey: 'k-1',
  payload: { contentType: 'application/json', body: '{}', encoding: 'utf8' },
  ...over,
});
const ingestWith = (start?: Parameters<typeof stubClient>[0], existing?: string) => {
  const temporal = stubClient(start, { eventType: 'order.created', destinations: ['d'] }, existing);
  return {
    ingest: createIngest({ clientFor: () => temporal.client, taskQueue: 'q', logger: createLogger('silent') }),
    ...temporal,
  };
};
const id = eventIdFor('acme', 'api', 'k-1');

test('accepted: 202, one start with the memo, the search attributes and duplicate rejection', async () => {
  const { ingest, starts } = ingestWith();
  expect(await ingest(request())).toEqual({
    kind: 'accepted',
    httpStatus: 202,
    event: { id, type: 'order.created', duplicate: false, destinations: ['d'] },
  });
  expect(starts).toHaveLength(1);
  expect(starts[0].workflowType).toBe('callbackWorkflow');
  expect(starts[0].options).toMatchObject({
    workflowId: id,
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    memo: { destinations: ['d'], eventType: 'order.created', source: 'api', idempotencyKey: 'k-1' },
  });
  expect(starts[0].options.typedSearchAttributes).toEqual([
    expect.objectContaining({ value: 'order.created' }),
    expect.objectContaining({ value: ['api'] }),
  ]);
});

test('new callbacks start as revision 3 (holdable attempts); temporal.recordDeliveredStatus is carried in the input', async () => {
  const plain = ingestWith();
  await plain.ingest(request());
  expect(plain.starts[0].options.args?.[0]).toMatchObject({ revision: 3 });
  expect(plain.starts[0].options.args?.[0]).not.toHaveProperty('recordDelivered');
  const temporal = stubClient(undefined, { eventType: 'order.created', destinations: ['d'] });
  const recording = createIngest({
    clientFor: () => temporal.client,
    taskQueue: 'q',
    logger: createLogger('silent'),
    recordDelivered: true,
  });
  await recording(request());
  expect(temporal.starts[0].options.args?.[0]).toMatchObject({ revision: 3, recordDelivered: true });
});

test('duplicate: 200 with the original event from its memo', async () => {
  const { ingest } = ingestWith(async (o) => {
    throw new WorkflowExecutionAlreadyStartedError('started', o.workflowId, 'callbackWorkflow');
  });
  expect(await ingest(request())).toEqual({
    kind: 'duplicate',
    httpStatus: 200,
    event: { id, type: 'order.created', duplicate: true, destinations: ['d'] },
  });
});

test('conflict: 409 when the id is held by a delivery of an event accepted before the "~" IDs, not "duplicate"', async () => {
  const eventId = 'ord-1.sink';
  const { ingest } = ingestWith(async (o) => {
    throw new WorkflowExecutionAlreadyStartedError('started', o.workflowId, 'deliveryWorkflow');
  }, 'deliveryWorkflow');
  expect(await ingest(request({ eventId }))).toEqual({
    kind: 'conflict',
    httpStatus: 409,
    id: eventId,
    message: expect.stringMatching(/^event id "ord-1\.sink" is taken by a delivery .* send this event with another id$/),
  });
});

test.each([
  ['no event type', { eventType: undefined }, 'eventType', 'no event type found'],
  ['a bad event type', { eventType: 'has space' }, 'eventType', 'invalid event type "has space"'],
  ['a bad key', { idempotencyKey: 'a\u0001b' }, 'idempotencyKey', 'idempotency key must be 1–255 printable ASCII characters'],
  ['an empty key', { idempotencyKey: '' }, 'idempotencyKey', 'idempotency key must be 1–255 printable ASCII characters'],
])('invalid (%s): 400 naming the field, nothing started', async (_name, over, field, message) => {
  const { ingest, starts } = ingestWith();
  expect(await ingest(request(over))).toEqual({ kind: 'invalid', httpStatus: 400, field, message });
  expect(starts).toHaveLength(0);
});

test("too large for Temporal's budget: 413, nothing started", async () => {
  const { ingest, starts } = ingestWith();
  const payload = { contentType: 'text/plain', body: 'a'.repeat(MAX_INPUT_BYTES), encoding: 'utf8' as const };
  expect(await ingest(request({ payload }))).toMatchObject({ kind: 'too_large', httpStatus: 413 });
  expect(starts).toHaveLength(0);
});

test('Temporal unavailable: 503 with the cause; any other error is a bug and throws', async () => {
  const down = Object.assign(new Error('14 UNAVAILABLE: connection refused'), { code: 14 });
  expect(await ingestWith(async () => Promise.reject(down)).ingest(request())).toEqual({
    kind: 'unavailable',
    httpStatus: 503,
    message: 'Temporal is unreachable; nothing was accepted, retry later',
    cause: down,
  });
  const notFound = Object.assign(new Error('5 NOT_FOUND: namespace acme not found'), { code: 5 });
  await expect(ingestWith(async () => Promise.reject(notFound)).ingest(request())).rejects.toBe(notFound);
});
