// Erasure end to end: DELETE /v1/events/{id} removes the event's callback, deliveries and dead
// letters from Temporal (a running delivery is cancelled first), after which the API answers 404,
// lists leave it out and the Temporal CLI finds nothing; bulk erasure by ids and by a filter on the
// payload; an audit line per request and per event, never a payload byte; tenants kept apart.
import { spawnSync } from 'node:child_process';
import type { Client } from '@temporalio/client';
import { findTemporalCli } from '../../src/config';
import { deliveryWorkflowId } from '../../src/contracts';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, capturingLogger, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-erasures-a';
const KEY_B = 'key-erasures-b';
const NAMESPACE = 'barrage-erasures';
let hub: TestHub;
let sink: TestSink;
let client: Client;
const log = capturingLogger();

beforeAll(async () => {
  sink = await startTestSink((req) => ({ status: req.path.endsWith('/stuck') ? 503 : 200 }));
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('erasures'),
    tenants: [
      {
        id: 'erasures_a',
        namespace: NAMESPACE,
        apiKeys: [KEY],
        destinations: [
          destination('ok', `${sink.url}/ok`, { events: ['order.*', 'customer.*'] }),
          // Always 503, slow backoff: its deliveries stay running until erased.
          {
            ...destination('stuck', `${sink.url}/stuck`, {
              events: ['stuck.*'],
              retry: { initialInterval: '30s', maximumAttempts: 10, jitter: 0 },
            }),
            breaker: { enabled: false },
          },
        ],
      },
      { id: 'erasures_b', namespace: 'barrage-erasures-b', apiKeys: [KEY_B], destinations: [] },
    ],
    raw: { log: { level: 'info' } },
  });
  hub = await startHub(config, ['receiver', 'worker'], log.logger);
  client = await temporalClient(testTemporalAddress(), NAMESPACE);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await client?.connection.close();
  await sink?.close();
});

const call = (path: string, body?: unknown, init: { method?: string; key?: string } = {}) =>
  api(`${hub.url}${path}`, { key: init.key ?? KEY, body, ...(init.method ? { method: init.method } : {}) });
const send = async (type: string, data: unknown) =>
  (await call('/v1/events', { type, id: uniqueName('er'), data })).body.id as string;
const finished = (id: string) =>
  eventually(
    async () => {
      const res = await call(`/v1/erasures/${id}`);
      return res.body.status !== 'running' ? res.body : undefined;
    },
    30_000,
    `erasure ${id}`,
  );
const cliDescribe = (workflowId: string) =>
  spawnSync(
    findTemporalCli(process.env)!,
    ['workflow', 'describe', '--address', testTemporalAddress(), '--namespace', NAMESPACE, '-w', workflowId],
    {
      encoding: 'utf8',
    },
  );

test('DELETE /v1/events/{id}: every workflow of the event goes, a running delivery too; then 404 everywhere', async () => {
  const delivered = await send('order.created', { secret: 'PAYLOAD-MARKER-1' });
  const stuck = await send('stuck.thing', { secret: 'PAYLOAD-MARKER-2' });
  await eventually(
    async () => (sink.received.some((r) => r.headers['webhook-id'] === delivered) ? true : undefined),
    15_000,
    'delivered',
  );
  await eventually(
    async () => ((await call(`/v1/events/${stuck}`)).body.status === 'retrying' ? true : undefined),
    15_000,
    'stuck retrying',
  );
  expect(cliDescribe(delivered).status).toBe(0);
  for (const id of [delivered, stuck]) {
    const res = await call(`/v1/events/${id}`, undefined, { method: 'DELETE' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'running', target: { eventIds: [id] } });
    expect(res.body.id).toMatch(/^ers_/);
    expect((await finished(res.body.id)).erased).toBe(1);
  }
  for (const [id, destinationId] of [
    [delivered, 'ok'],
    [stuck, 'stuck'],
  ]) {
    await eventually(async () => ((await call(`/v1/events/${id}`)).status === 404 ? true : undefined), 15_000, `${id} gone`);
    expect((await call(`/v1/events/${id}/attempts`)).status).toBe(404);
    await eventually(
      async () =>
        cliDescribe(id).status !== 0 && cliDescribe(deliveryWorkflowId(id, destinationId)).status !== 0 ? true : undefined,
      15_000,
      'gone from Temporal',
    );
    const listed = [];
    for await (const run of client.workflow.list({
      query: `WorkflowId = '${deliveryWorkflowId(id, destinationId)}' OR WorkflowId = '${id}'`,
    }))
      listed.push(run.workflowId);
    expect(listed).toEqual([]);
  }
  const events = (await call('/v1/events?limit=500')).body.events.map((e: { id: string }) => e.id);
  expect(events).not.toContain(delivered);
  // Audit: who asked and what, and each event erased; never a payload byte.
  const audit = log.lines().filter((l) => l.audit === 'erasure');
  expect(audit).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ msg: 'erasure requested', tenant: 'erasures_a', by: 'a config-file key', eventIds: [delivered] }),
      expect.objectContaining({ msg: 'event erased', eventId: stuck }),
    ]),
  );
  expect(log.text()).not.toContain('PAYLOAD-MARKER');
  expect((await call(`/v1/events/${delivered}`, undefined, { method: 'DELETE' })).status).toBe(404);
}, 90_000);

test('bulk: by ids (unknown ones counted), and by a filter on the payload within a window', async () => {
  const since = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const ids = [await send('order.created', { n: 1 }), await send('order.created', { n: 2 })];
  const byIds = await call('/v1/erasures', { eventIds: [...ids, 'evt_never_was'] });
  expect(byIds.status).toBe(202);
  expect(await finished(byIds.body.id)).toMatchObject({ status: 'completed', erased: 2, notFound: 1, errors: 0 });
  for (const id of ids)
    await eventually(async () => ((await call(`/v1/events/${id}`)).status === 404 ? true : undefined), 15_000, id);

  const c1 = [
    await send('customer.updated', { customerId: 'c_1', email: 'a@example.com' }),
    await send('order.created', { customerId: 'c_1' }),
  ];
  const c2 = await send('customer.updated', { customerId: 'c_2' });
  const byFilter = await call('/v1/erasures', { filter: { 'data.customerId': 'c_1' }, since });
  expect(byFilter.status).toBe(202);
  // Whom it is about stays out of the answer and the log: only the filter's field names.
  expect(byFilter.body.target).toEqual({ filterFields: ['data.customerId'], since });
  expect(JSON.stringify(log.lines().filter((l) => l.audit === 'erasure'))).not.toContain('c_1');
  const done = await finished(byFilter.body.id);
  expect(done).toMatchObject({ status: 'completed', erased: 2, errors: 0 });
  expect(done.examined).toBeGreaterThanOrEqual(1);
  for (const id of c1)
    await eventually(async () => ((await call(`/v1/events/${id}`)).status === 404 ? true : undefined), 15_000, id);
  expect((await call(`/v1/events/${c2}`)).status).toBe(200);
  const bad = await call('/v1/erasures', { filter: { 'data.customerId': { $nope: 1 } }, since });
  expect(bad.status).toBe(400);
  expect((await call('/v1/erasures', {})).status).toBe(400);
}, 90_000);

test('another tenant can neither erase nor see an erasure', async () => {
  const id = await send('order.created', { n: 3 });
  expect((await call(`/v1/events/${id}`, undefined, { method: 'DELETE', key: KEY_B })).status).toBe(404);
  const mine = await call(`/v1/events/${id}`, undefined, { method: 'DELETE' });
  expect((await call(`/v1/erasures/${mine.body.id}`, undefined, { key: KEY_B })).status).toBe(404);
  expect((await call('/v1/erasures/ers_nope')).status).toBe(404);
  await finished(mine.body.id);
});
