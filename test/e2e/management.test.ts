// The management API end to end: real Temporal, real PostgreSQL, real sinks on 127.0.0.1, and
// signatures checked with the `standardwebhooks` package (an implementation nobody here wrote).
import type { Client } from '@temporalio/client';
import { Webhook } from 'standardwebhooks';
import { createBarrageClient, type BarrageClient } from '../../src/client';
import type { BarrageConfig } from '../../src/config';
import { testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, capturingLogger, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { openTestRegistry, type TestRegistry } from '../helpers/registry';
import { eventually, startTestSink, type Received, type TestSink } from '../helpers/sink';

const ADMIN = 'test-admin-key';
const logs = capturingLogger();
let config: BarrageConfig;
let hub: TestHub;
let reg: TestRegistry;
let sinks: Record<'first' | 'second' | 'failing', TestSink>;
const tenantId = uniqueName('mgmt').replace(/-/g, '_').toLowerCase();
let key = '';

beforeAll(async () => {
  sinks = { first: await startTestSink(), second: await startTestSink(), failing: await startTestSink(() => ({ status: 503 })) };
  config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('mgmt'),
    tenants: [],
    raw: {
      security: { allowPrivateDestinations: true, adminApiKeys: [ADMIN] },
    },
  });
  reg = await openTestRegistry(config);
  hub = await startHub(config, ['receiver', 'worker'], logs.logger, { registry: reg.registry });
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await reg?.close();
  for (const sink of Object.values(sinks ?? {})) await sink.close();
});

const call = (path: string, init: Parameters<typeof api>[1] = {}) => api(`${hub.url}${path}`, init);
// The typed client (`barrage/client`) for the walkthrough; `call` for what it cannot express.
let admin: BarrageClient;
let tenant: BarrageClient;
const orders = { params: { path: { id: 'orders' } } };
const verify = (secret: string, r: Received) =>
  new Webhook(secret).verify(r.body.toString(), r.headers as Record<string, string>);

async function pollersOf(client: Client, taskQueue: string): Promise<number> {
  const answer = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: taskQueue },
    taskQueueType: 1, // workflow
  });
  return answer.pollers?.length ?? 0;
}

test('admin creates a tenant: its namespace exists and a running worker serves it within 5 s', async () => {
  admin = createBarrageClient({ baseUrl: hub.url, apiKey: ADMIN });
  const created = await admin.POST('/v1/tenants', { body: { id: tenantId } });
  expect(created.response.status).toBe(201);
  expect(created.data).toMatchObject({ id: tenantId, namespace: tenantId, managedBy: 'api', destinations: 0 });
  const at = Date.now();
  const client = await temporalClient(testTemporalAddress(), tenantId);
  try {
    await eventually(
      async () => ((await pollersOf(client, config.temporal.taskQueue)) > 0 ? true : undefined),
      5_000,
      'a worker polling',
    );
  } finally {
    await client.connection.close();
  }
  expect(Date.now() - at).toBeLessThan(5_000);
  expect((await admin.GET('/v1/tenants/{id}', { params: { path: { id: tenantId } } })).data).toMatchObject({ id: tenantId });
  expect((await admin.GET('/v1/tenants')).data?.tenants.map((t) => t.id)).toContain(tenantId);
}, 60_000);

test('a key is shown once and listed without it; events flow to an API destination, signed', async () => {
  const path = { params: { path: { id: tenantId } } };
  const created = await admin.POST('/v1/tenants/{id}/api-keys', { ...path, body: { name: 'ci' } });
  expect(created.response.status).toBe(201);
  expect(created.data).toMatchObject({ name: 'ci', key: expect.stringMatching(/^bk_/), lastUsedAt: null });
  key = created.data!.key;
  tenant = createBarrageClient({ baseUrl: hub.url, apiKey: key });
  const listed = await admin.GET('/v1/tenants/{id}/api-keys', path);
  expect(listed.data?.apiKeys).toEqual([
    { id: created.data!.id, name: 'ci', prefix: key.slice(0, 10), createdAt: expect.any(String), lastUsedAt: null },
  ]);
  expect(JSON.stringify(listed.data)).not.toContain(key);

  const dest = await tenant.POST('/v1/destinations', {
    body: {
      id: 'orders',
      url: sinks.first.url,
      events: ['order.*'],
      retry: { initialInterval: '2s', maximumAttempts: 5, jitter: 0 },
    },
  });
  expect(dest.response.status).toBe(201);
  expect(dest.data).toMatchObject({ id: 'orders', type: 'http', managedBy: 'api', disabled: false });
  expect(JSON.stringify(dest.data)).not.toMatch(/whsec_/);
  const secrets = (await tenant.GET('/v1/destinations/{id}/secret', orders)).data!.secrets;
  expect(secrets).toEqual([{ id: expect.any(String), secret: expect.stringMatching(/^whsec_/), createdAt: expect.any(String) }]);

  const sent = await tenant.POST('/v1/events', { body: { id: 'ord-1-created', type: 'order.created', data: { n: 1 } } });
  expect(sent.response.status).toBe(202);
  expect(sent.data).toMatchObject({ id: 'ord-1-created', destinations: ['orders'] });
  const [got] = await sinks.first.waitFor(1);
  expect(got.headers['webhook-id']).toBe('ord-1-created');
  expect(verify(secrets[0].secret, got)).toEqual({ n: 1 });
  const event = { params: { path: { id: 'ord-1-created' } } };
  const found = await eventually(async () => {
    const r = await tenant.GET('/v1/events/{id}', event);
    return r.data?.status === 'delivered' ? r.data : undefined;
  });
  expect(found).toMatchObject({ id: 'ord-1-created', destinations: [{ destination: 'orders', status: 'delivered' }] });
  const again = await tenant.POST('/v1/events', { body: { id: 'ord-1-created', type: 'order.created', data: { n: 1 } } });
  expect([again.response.status, again.data?.duplicate]).toEqual([200, true]);
}, 60_000);

test('a PATCHed URL is used by the next retry of a delivery already in flight', async () => {
  sinks.first.respond = () => ({ status: 503 });
  const before = sinks.first.received.length;
  const sent = await call('/v1/events', { key, body: { type: 'order.paid', data: { n: 2 } } });
  expect(sent.status).toBe(202);
  await sinks.first.waitFor(before + 1);
  const patched = await call('/v1/destinations/orders', {
    key,
    method: 'PATCH',
    body: { url: sinks.second.url, description: 'moved' },
  });
  expect(patched).toMatchObject({ status: 200, body: { url: sinks.second.url, description: 'moved' } });
  const [retried] = await sinks.second.waitFor(1, 20_000);
  expect(retried.headers['webhook-id']).toBe(sent.body.id);
  sinks.first.respond = () => ({ status: 200 });
}, 60_000);

test('rotation: during the overlap both secrets sign, and each signature verifies on its own', async () => {
  const {
    secrets: [old],
  } = (await call('/v1/destinations/orders/secret', { key })).body;
  const rotated = await call('/v1/destinations/orders/secret/rotate', { key, body: { overlap: '1h' } });
  expect(rotated.status).toBe(200);
  for (const overlap of ['8d', 'soon']) {
    const refused = await call('/v1/destinations/orders/secret/rotate', { key, body: { overlap } });
    expect(refused).toMatchObject({ status: 400, body: { error: { details: [{ path: 'overlap' }] } } });
  }
  const [fresh, previous] = rotated.body.secrets;
  expect(previous).toMatchObject({ secret: old.secret, expiresAt: expect.any(String) });
  expect(Date.parse(previous.expiresAt) - Date.now()).toBeGreaterThan(59 * 60_000);
  expect(fresh.expiresAt).toBeUndefined();
  const before = sinks.second.received.length;
  await call('/v1/events', { key, body: { type: 'order.shipped', data: { n: 3 } } });
  const got = (await sinks.second.waitFor(before + 1))[before];
  expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
  expect(verify(fresh.secret, got)).toEqual({ n: 3 });
  expect(verify(old.secret, got)).toEqual({ n: 3 });
}, 60_000);

test('deleting a destination ends its pending deliveries "cancelled" (destination deleted), not failed', async () => {
  const made = await call('/v1/destinations', {
    key,
    body: { id: 'doomed', url: sinks.failing.url, events: ['doom.*'], retry: { initialInterval: '1h', jitter: 0 } },
  });
  expect(made.status).toBe(201);
  const sent = await call('/v1/events', { key, body: { type: 'doom.now', data: {} } });
  await eventually(async () => {
    const r = await call(`/v1/events/${sent.body.id}`, { key });
    return r.body?.destinations?.[0]?.status === 'retrying' ? true : undefined;
  });
  expect((await call('/v1/destinations/doomed', { key, method: 'DELETE' })).status).toBe(204);
  const ended = await eventually(async () => {
    const r = await call(`/v1/events/${sent.body.id}`, { key });
    return r.body?.destinations?.[0]?.status === 'cancelled' ? r.body : undefined;
  }, 20_000);
  expect(ended.destinations[0]).toMatchObject({
    destination: 'doomed',
    status: 'cancelled',
    cancelReason: 'destination deleted',
  });
  expect(sinks.failing.received).toHaveLength(1);
  expect((await call('/v1/destinations/doomed', { key })).status).toBe(404);
}, 60_000);

test('a test event is sent signed to one destination through the normal path', async () => {
  const before = sinks.second.received.length;
  const sent = await call('/v1/destinations/orders/test', { key, method: 'POST' });
  expect(sent).toMatchObject({ status: 202, body: { id: expect.stringMatching(/^evt_/), destination: 'orders' } });
  const got = (await sinks.second.waitFor(before + 1))[before];
  const { secrets } = (await call('/v1/destinations/orders/secret', { key })).body;
  expect(verify(secrets[0].secret, got)).toMatchObject({ destination: 'orders', message: expect.any(String) });
  expect(JSON.parse(got.body.toString())).toMatchObject({ destination: 'orders' });
}, 60_000);

test('no signing secret in any workflow history or log line', async () => {
  const { secrets } = (await call('/v1/destinations/orders/secret', { key })).body;
  expect(secrets.length).toBeGreaterThan(0);
  const client = await temporalClient(testTemporalAddress(), tenantId);
  try {
    const histories: string[] = [];
    for await (const execution of client.workflow.list({ query: 'WorkflowType = "deliveryWorkflow"' })) {
      const history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
      // Payload bytes as text: the JSON a workflow input or result carries.
      histories.push(
        JSON.stringify(history, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v)),
      );
    }
    expect(histories.length).toBeGreaterThan(3);
    for (const { secret } of secrets) {
      const bare = secret.slice('whsec_'.length);
      expect(histories.some((h) => h.includes(bare))).toBe(false);
      expect(logs.text()).not.toContain(bare);
    }
  } finally {
    await client.connection.close();
  }
});

test('a revoked key is refused within 1 s; deleting the tenant keeps its namespace and says so', async () => {
  const { body: extra } = await call(`/v1/tenants/${tenantId}/api-keys`, { key, method: 'POST' });
  expect((await call('/v1/destinations', { key: extra.key })).status).toBe(200);
  expect((await call(`/v1/tenants/${tenantId}/api-keys/${extra.id}`, { key, method: 'DELETE' })).status).toBe(204);
  expect((await call('/v1/destinations', { key: extra.key })).status).toBe(401);
  const deleted = await call(`/v1/tenants/${tenantId}`, { key: ADMIN, method: 'DELETE' });
  expect(deleted).toMatchObject({ status: 200, body: { deleted: true, namespace: tenantId, namespaceKept: true } });
  expect((await call('/v1/destinations', { key })).status).toBe(401);
  expect((await call(`/v1/tenants/${tenantId}`, { key: ADMIN })).status).toBe(404);
  expect((await call('/v1/tenants', { key: ADMIN, body: { id: tenantId } })).status).toBe(409);
}, 60_000);
