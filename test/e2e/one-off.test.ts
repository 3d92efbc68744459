// One-off deliveries (POST /v1/deliveries, hub.deliver): one payload, one URL, its own retry and
// dead letter, nothing registered first; an event like any other on real Temporal and real sinks,
// signed with the tenant's delivery secret (checked with the standardwebhooks package), and its
// address and headers never in plain text in histories, logs or answers.
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Webhook } from 'standardwebhooks';
import { deliveryWorkflowId } from '../../src/contracts';
import type { Hub } from '../../src/lib';
import { startLibraryHub } from '../helpers/library';
import { destination, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, capturingLogger, temporalClient } from '../helpers/hub';
import { eventually, startTestSink, type Received, type TestSink } from '../helpers/sink';

const KEY = 'key-oneoff';
const TENANT = 'oneoff';
const NAMESPACE = 'barrage-oneoff';
const TOKEN = 'Bearer tok-9f3a7c1e-sealed';
let hub: Hub;
let client: Client;
const log = capturingLogger();
const sinks = {} as Record<'ok' | 'down' | 'dlq' | 'registered', TestSink>;
let downAnswers = 503;

beforeAll(async () => {
  sinks.ok = await startTestSink();
  sinks.down = await startTestSink(() => ({ status: downAnswers }));
  sinks.dlq = await startTestSink();
  sinks.registered = await startTestSink();
  const tenant = {
    id: TENANT,
    namespace: NAMESPACE,
    apiKeys: [KEY],
    destinations: [destination('registered-dlq', sinks.registered.url)],
  };
  hub = await startLibraryHub([tenant], {}, { logger: log.logger });
  client = await temporalClient(testTemporalAddress(), NAMESPACE);
}, 60_000);

afterAll(async () => {
  await hub?.close();
  await client?.connection.close();
  for (const sink of Object.values(sinks)) await sink?.close();
});

const post = (body: unknown, headers?: Record<string, string>) => api(`${hub.url}/v1/deliveries`, { key: KEY, body, headers });
const eventOf = (id: string) => api(`${hub.url}/v1/events/${id}`, { key: KEY });
const FAST = { initialInterval: '100ms', maximumInterval: '100ms', maximumAttempts: 2, jitter: 0 };
const finalStatus = (id: string, status: string) =>
  eventually(async () => {
    const got = await eventOf(id);
    return got.body.status === status ? got.body : undefined;
  }, 30_000);

function verifies(secrets: string[], got: Received): boolean {
  const headers = Object.fromEntries(
    ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(got.headers[h])]),
  );
  return secrets.some((secret) => {
    try {
      new Webhook(secret).verify(got.body.toString(), headers);
      return true;
    } catch {
      return false;
    }
  });
}

/** Every byte of a workflow's history, as Temporal stores and shows it. */
async function historyBytes(workflowId: string): Promise<Buffer> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return Buffer.from(temporal.api.history.v1.History.encode(history).finish());
}

test('delivered to its URL with its headers, signed with the tenant secret; URL and headers sealed everywhere', async () => {
  const id = uniqueName('one');
  const sent = await post({
    id,
    to: { url: `${sinks.ok.url}/private-path-x7`, headers: { authorization: TOKEN } },
    data: { a: 1 },
  });
  expect(sent.status).toBe(202);
  expect(sent.body).toMatchObject({ id, type: 'delivery', duplicate: false, destinations: ['to'] });
  const done = await finalStatus(id, 'delivered');
  expect(done.destinations).toEqual([expect.objectContaining({ destination: 'to', status: 'delivered', attempts: 1 })]);
  const got = sinks.ok.received.find((r) => r.headers['webhook-id'] === id)!;
  expect(got.path).toBe('/hook/private-path-x7');
  expect(got.headers.authorization).toBe(TOKEN);
  expect(JSON.parse(got.body.toString())).toEqual({ a: 1 });
  const secret = await api(`${hub.url}/v1/deliveries/secret`, { key: KEY });
  expect(secret.body.id).toBe(TENANT);
  expect(
    verifies(
      secret.body.secrets.map((s: { secret: string }) => s.secret),
      got,
    ),
  ).toBe(true);
  const attempts = await api(`${hub.url}/v1/events/${id}/attempts`, { key: KEY });
  for (const bytes of [await historyBytes(id), await historyBytes(deliveryWorkflowId(id, 'to'))]) {
    expect(bytes.includes(TOKEN)).toBe(false);
    expect(bytes.includes('private-path-x7')).toBe(false);
  }
  for (const text of [JSON.stringify(done), JSON.stringify(attempts.body), log.text()]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('private-path-x7');
  }
});

test('when retries run out the dead letter goes to an inline target; a retry then sends it again', async () => {
  const id = uniqueName('dlq');
  const sent = await post({
    id,
    to: { url: sinks.down.url },
    data: { b: 2 },
    retry: FAST,
    deadLetter: { url: `${sinks.dlq.url}/dead` },
  });
  expect(sent.status).toBe(202);
  const failed = await finalStatus(id, 'failed');
  expect(failed.destinations[0]).toMatchObject({
    destination: 'to',
    status: 'failed',
    attempts: 2,
    deadLetteredTo: 'deadLetter',
  });
  const dead = await eventually(async () => sinks.dlq.received.find((r) => r.path === '/hook/dead'));
  const letter = JSON.parse(dead.body.toString());
  expect(letter).toMatchObject({ type: 'barrage.dead_letter', event: { id }, failure: { destination: 'to', attempts: 2 } });
  expect(JSON.parse(letter.event.body)).toEqual({ b: 2 });
  downAnswers = 200;
  const retried = await api(`${hub.url}/v1/events/${id}/retry`, { key: KEY, method: 'POST', body: {} });
  expect(retried.body).toMatchObject({ retried: ['to'] });
  const delivered = await finalStatus(id, 'delivered');
  expect(delivered.destinations[0].attempts).toBe(3);
  downAnswers = 503;
});

test('a dead letter may name a registered destination; hub.deliver takes the same request', async () => {
  const id = uniqueName('lib');
  const accepted = await hub.deliver({
    tenant: TENANT,
    id,
    to: { url: sinks.down.url },
    data: { c: 3 },
    retry: FAST,
    deadLetter: 'registered-dlq',
  });
  expect(accepted).toMatchObject({ id, duplicate: false, destinations: ['to'] });
  await finalStatus(id, 'failed');
  await eventually(async () => sinks.registered.received.find((r) => JSON.parse(r.body.toString()).event?.id === id));
});

test('idempotent on id and on Idempotency-Key; a rotated secret signs the next one', async () => {
  const id = uniqueName('dup');
  const body = { id, to: { url: sinks.ok.url }, data: {} };
  expect((await post(body)).status).toBe(202);
  const again = await post(body);
  expect(again.status).toBe(200);
  expect(again.body.duplicate).toBe(true);
  const keyed = { to: { url: sinks.ok.url }, payload: { body: 'plain text', contentType: 'text/plain' } };
  const first = await post(keyed, { 'idempotency-key': 'k-1' });
  const second = await post(keyed, { 'idempotency-key': 'k-1' });
  expect(second.body).toMatchObject({ id: first.body.id, duplicate: true });
  const rotated = await api(`${hub.url}/v1/deliveries/secret/rotate`, { key: KEY, method: 'POST', body: { overlap: '0s' } });
  expect(rotated.body.secrets).toHaveLength(1);
  const next = await post({ id: uniqueName('rot'), to: { url: sinks.ok.url }, data: {} });
  const got = await eventually(async () => sinks.ok.received.find((r) => r.headers['webhook-id'] === next.body.id));
  expect(verifies([rotated.body.secrets[0].secret], got)).toBe(true);
  const text = await eventually(async () => sinks.ok.received.find((r) => r.headers['webhook-id'] === first.body.id));
  expect(text.body.toString()).toBe('plain text');
  expect(text.headers['content-type']).toBe('text/plain');
});

test.each([
  ['a URL that is not http(s)', { to: { url: 'ftp://127.0.0.1/x' }, data: {} }, 'to.url'],
  ['both data and payload', { to: { url: 'http://127.0.0.1:9/' }, data: {}, payload: { body: 'x' } }, 'payload'],
  ['an unknown dead-letter destination', { to: { url: 'http://127.0.0.1:9/' }, data: {}, deadLetter: 'nobody' }, 'deadLetter'],
  ['a bad retry', { to: { url: 'http://127.0.0.1:9/' }, data: {}, retry: { maximumAttempts: -1 } }, 'retry.maximumAttempts'],
  ['a bad timeout', { to: { url: 'http://127.0.0.1:9/', timeout: 'soon' }, data: {} }, 'to.timeout'],
])('%s: 400 naming the field, nothing started', async (_name, body, field) => {
  const id = uniqueName('bad');
  const res = await post({ id, ...body });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('invalid_request');
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  expect((await eventOf(id)).status).toBe(404);
});

test('a connection error names no address: the attempt text says <target>', async () => {
  const id = uniqueName('refused');
  const path = '/closed-port-path-q2';
  expect(
    (await post({ id, to: { url: `http://127.0.0.1:9${path}` }, data: {}, retry: { ...FAST, maximumAttempts: 1 } })).status,
  ).toBe(202);
  const failed = await finalStatus(id, 'failed');
  const attempts = await api(`${hub.url}/v1/events/${id}/attempts`, { key: KEY });
  expect(attempts.body.attempts[0].error).toContain('<target>');
  for (const text of [JSON.stringify(failed), JSON.stringify(attempts.body), log.text()]) {
    expect(text).not.toContain('127.0.0.1:9');
    expect(text).not.toContain(path);
  }
  expect((await historyBytes(deliveryWorkflowId(id, 'to'))).includes('127.0.0.1:9')).toBe(false);
});

test('"to" and "deadLetter" are not destination ids', async () => {
  for (const id of ['to', 'deadLetter']) {
    const res = await api(`${hub.url}/v1/destinations`, { key: KEY, body: { id, url: sinks.ok.url } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: 'id', message: expect.stringContaining('one-off') }),
    ]);
  }
});
