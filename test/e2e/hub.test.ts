// The whole hub (real receiver + worker roles, real Temporal, real HTTP sinks on 127.0.0.1).
import { createHmac } from 'node:crypto';
import { Connection, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { BarrageConfig } from '../../src/config';
import { deliveryWorkflowId } from '../../src/contracts';
import { eventIdFor } from '../../src/ingest/ids';
import { startReceiver } from '../../src/roles/receiver';
import { staticRegistry } from '../../src/registry/live';
import { createLogger } from '../../src/telemetry/logger';
import { destination, TEST_SECRET, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { countEvents } from '../helpers/history';
import { api, capturingLogger, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY_A = 'key-tenant-a';
const KEY_B = 'key-tenant-b';
const SHOP_SECRET = 'shop-secret';

const sinkNames = ['fan1', 'fan2', 'fan3', 'flaky', 'gone', 'dlq', 'limited', 'once', 'raw', 'fixable', 'slow', 'b'] as const;
type SinkName = (typeof sinkNames)[number];
const sinks = {} as Record<SinkName, TestSink>;
let hub: TestHub;
let config: BarrageConfig;
let clientA: Client;
let clientB: Client;
const logs = capturingLogger();

beforeAll(async () => {
  for (const name of sinkNames) sinks[name] = await startTestSink();
  sinks.flaky.respond = (_r, i) => ({ status: i < 2 ? 500 : 200, body: i < 2 ? 'not yet' : 'ok' });
  sinks.gone.respond = () => ({ status: 404, body: 'no such hook' });
  sinks.limited.respond = (_r, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200 });
  sinks.fixable.respond = () => ({ status: 410 });
  sinks.slow.respond = () => ({ status: 503 });
  const address = testTemporalAddress();
  config = testConfig({
    address,
    taskQueue: uniqueName('e2e'),
    tenants: [
      {
        id: 'tenant-a',
        namespace: 'barrage-e2e',
        apiKeys: [KEY_A],
        destinations: [
          destination('fan1', sinks.fan1.url, { events: ['fanout.*'] }),
          destination('fan2', sinks.fan2.url, { events: ['fanout.*'] }),
          destination('fan3', sinks.fan3.url, { events: ['fanout.*'] }),
          destination('flaky', sinks.flaky.url, { events: ['flaky.*'] }),
          destination('gone', sinks.gone.url, { events: ['gone.*'], deadLetter: 'dlq' }),
          destination('dlq', sinks.dlq.url, { events: ['never.sent'] }),
          destination('limited', sinks.limited.url, {
            events: ['limited.*'],
            retry: { initialInterval: '100ms', maximumInterval: '5s', jitter: 0 },
          }),
          destination('once', sinks.once.url, { events: ['dup.*'] }),
          destination('raw', sinks.raw.url, { events: ['shop.*'] }),
          destination('fixable', sinks.fixable.url, { events: ['fixable.*'] }),
          destination('slow', sinks.slow.url, {
            events: ['cancel.*'],
            retry: { initialInterval: '1m', maximumInterval: '1m', maximumAttempts: 5, jitter: 0 },
          }),
        ],
        sources: [
          {
            id: 'shop',
            eventType: { header: 'X-Shop-Topic' },
            idempotencyKey: { header: 'X-Shop-Delivery-Id' },
            verify: { type: 'hmac-sha256', header: 'X-Shop-Hmac', secret: SHOP_SECRET },
          },
        ],
      },
      {
        id: 'tenant-b',
        namespace: 'barrage-e2e-b',
        apiKeys: [KEY_B],
        destinations: [destination('b', sinks.b.url)],
        sources: [
          { id: 'b-shop', eventType: { fixed: 'b.event' }, verify: { type: 'hmac-sha256', header: 'X-Sig', secret: 'b-secret' } },
        ],
      },
    ],
  });
  hub = await startHub(config, ['receiver', 'worker'], logs.logger);
  clientA = await temporalClient(address, 'barrage-e2e');
  clientB = await temporalClient(address, 'barrage-e2e-b');
});

afterAll(async () => {
  await hub?.stop();
  await Promise.all(Object.values(sinks).map((s) => s.close()));
  await clientA?.connection.close();
  await clientB?.connection.close();
});

const post = (body: unknown, headers: Record<string, string> = {}, key = KEY_A) =>
  api(`${hub.url}/v1/events`, { key, body, headers });
const status = (id: string, key = KEY_A) => api(`${hub.url}/v1/events/${id}`, { key });
const settled = (id: string, key = KEY_A) =>
  eventually(
    async () => {
      const res = await status(id, key);
      return ['delivered', 'failed', 'cancelled'].includes(res.body?.status) ? res.body : undefined;
    },
    30_000,
    `event ${id} to settle`,
  );

describe('delivery', () => {
  test('fans out to every subscribed destination with the same webhook-id', async () => {
    const res = await post({ type: 'fanout.created', data: { n: 1 } });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ type: 'fanout.created', duplicate: false, destinations: ['fan1', 'fan2', 'fan3'] });
    expect(res.body.links.self).toBe(`${hub.url}/v1/events/${res.body.id}`);
    const got = await Promise.all([sinks.fan1, sinks.fan2, sinks.fan3].map((s) => s.waitFor(1)));
    for (const [request] of got) {
      expect(request.headers['webhook-id']).toBe(res.body.id);
      expect(request.body.toString()).toBe('{"n":1}');
      expect(request.headers['webhook-signature']).toMatch(/^v1,/);
    }
    expect((await settled(res.body.id)).status).toBe('delivered');
    // A delivery's own workflow ID is not an event ID.
    expect((await status(deliveryWorkflowId(res.body.id, 'fan1'))).status).toBe(404);
  });

  test('500, 500, 200 is delivered on attempt 3, and all 3 attempts are in the API and the history', async () => {
    const res = await post({ type: 'flaky.ping', data: {} });
    const body = await settled(res.body.id);
    expect(body.destinations).toEqual([expect.objectContaining({ destination: 'flaky', status: 'delivered', attempts: 3 })]);
    expect(sinks.flaky.received.map((r) => r.headers['barrage-attempt'])).toEqual(['1', '2', '3']);
    const attempts = await api(`${hub.url}/v1/events/${res.body.id}/attempts`, { key: KEY_A });
    expect(
      attempts.body.attempts.map((a: { attempt: number; statusCode: number; outcome: string; responseExcerpt: string }) => [
        a.attempt,
        a.statusCode,
        a.outcome,
        a.responseExcerpt,
      ]),
    ).toEqual([
      [1, 500, 'retryable', 'not yet'],
      [2, 500, 'retryable', 'not yet'],
      [3, 200, 'delivered', 'ok'],
    ]);
    expect(await countEvents(clientA, deliveryWorkflowId(res.body.id, 'flaky'), 'EVENT_TYPE_ACTIVITY_TASK_COMPLETED')).toBe(3);
    expect(await countEvents(clientA, deliveryWorkflowId(res.body.id, 'flaky'), 'EVENT_TYPE_TIMER_STARTED')).toBe(2);
  });

  test('404 fails after one attempt, goes to the dead-letter destination and is findable by BarrageStatus', async () => {
    const res = await post({ type: 'gone.away', data: { x: 1 } });
    const body = await settled(res.body.id);
    expect(body.status).toBe('failed');
    expect(body.destinations[0]).toMatchObject({
      destination: 'gone',
      status: 'failed',
      attempts: 1,
      deadLetteredTo: 'dlq',
      lastAttempt: { statusCode: 404 },
    });
    const [dead] = await sinks.dlq.waitFor(1);
    expect(JSON.parse(dead.body.toString())).toMatchObject({
      type: 'barrage.dead_letter',
      event: { id: res.body.id, type: 'gone.away', body: '{"x":1}' },
      failure: { destination: 'gone', attempts: 1, lastStatusCode: 404 },
    });
    const failed = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const wf of clientA.workflow.list({ query: 'BarrageStatus="failed"' })) ids.push(wf.workflowId);
        return ids.includes(deliveryWorkflowId(res.body.id, 'gone')) ? ids : undefined;
      },
      10_000,
      'visibility to list the failed delivery',
    );
    expect(failed).toContain(deliveryWorkflowId(res.body.id, 'gone'));
  });

  test('429 with Retry-After: 2 waits at least 2 s, reported as retrying with the next attempt time', async () => {
    const res = await post({ type: 'limited.call', data: {} });
    await sinks.limited.waitFor(1);
    const waiting = await eventually(
      async () => {
        const body = (await status(res.body.id)).body;
        return body.status === 'retrying' ? body : undefined;
      },
      5_000,
      'the retrying status',
    );
    expect(waiting.destinations[0]).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastAttempt: { statusCode: 429, retryAfterMs: 2000 },
    });
    const next = Date.parse(waiting.destinations[0].nextAttemptAt) - Date.parse(waiting.destinations[0].lastAttempt.startedAt);
    expect(next).toBeGreaterThanOrEqual(2000);
    const [first, second] = await sinks.limited.waitFor(2);
    expect(second.at - first.at).toBeGreaterThanOrEqual(2000);
    expect((await settled(res.body.id)).status).toBe('delivered');
  });

  test('a duplicate key is accepted once and delivered once, also after delivery finished', async () => {
    const key = uniqueName('order');
    const first = await post({ type: 'dup.created', data: { v: 1 } }, { 'Idempotency-Key': key });
    const again = await post({ type: 'dup.created', data: { v: 2 } }, { 'Idempotency-Key': key });
    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true, destinations: ['once'] });
    expect(first.body.id).toMatch(/^evt_/);
    await settled(first.body.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(sinks.once.received.filter((r) => r.headers['webhook-id'] === first.body.id)).toHaveLength(1);
    expect(sinks.once.received[0].body.toString()).toBe('{"v":1}');
  });

  test("a body id is the event's id: answered, found, sent as webhook-id, and the dedupe key", async () => {
    const id = `${uniqueName('ord')}.created:v1`;
    const first = await post({ type: 'dup.created', id, data: { v: 3 } });
    expect(first).toMatchObject({ status: 202, body: { id, duplicate: false } });
    expect(await post({ type: 'dup.created', id, data: { v: 4 } })).toMatchObject({ status: 200, body: { id, duplicate: true } });
    expect(await post({ type: 'dup.created', id, data: { v: 5 } }, { 'Idempotency-Key': id })).toMatchObject({ status: 200 });
    const differ = await post({ type: 'dup.created', id, data: {} }, { 'Idempotency-Key': 'other' });
    expect(differ).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', details: [{ path: 'id' }] } } });
    for (const bad of ['x'.repeat(129), 'has space', 'slash/ed', '']) {
      expect((await post({ type: 'dup.created', id: bad, data: {} })).body.error.details).toEqual([
        expect.objectContaining({ path: 'id' }),
      ]);
    }
    expect((await settled(id)).status).toBe('delivered');
    const delivered = sinks.once.received.filter((r) => r.headers['webhook-id'] === id);
    expect(delivered.map((r) => r.body.toString())).toEqual(['{"v":3}']);
    expect((await api(`${hub.url}/v1/events/${id}`, { key: KEY_A })).body).toMatchObject({ id, type: 'dup.created' });
  });

  test('a source callback is verified and delivered byte-for-byte with its content type', async () => {
    const raw = Buffer.from('<order id="7">ü</order>');
    const sig = createHmac('sha256', SHOP_SECRET).update(raw).digest('base64');
    const headers = {
      'content-type': 'application/xml',
      'X-Shop-Topic': 'shop.order',
      'X-Shop-Hmac': sig,
      'X-Shop-Delivery-Id': uniqueName('d'),
    };
    const res = await api(`${hub.url}/v1/sources/shop`, { raw, headers });
    expect(res.status).toBe(202);
    const [got] = await sinks.raw.waitFor(1);
    expect(got.body.equals(raw)).toBe(true);
    expect(got.headers['content-type']).toBe('application/xml');
    expect(got.headers['barrage-event-type']).toBe('shop.order');
    expect((await api(`${hub.url}/v1/sources/shop`, { raw, headers })).body).toMatchObject({ id: res.body.id, duplicate: true });
  });

  test('POST /v1/events/{id}/retry delivers a failed destination again, numbering on', async () => {
    const res = await post({ type: 'fixable.thing', data: {} });
    expect((await settled(res.body.id)).status).toBe('failed');
    sinks.fixable.respond = () => ({ status: 200 });
    const retry = await api(`${hub.url}/v1/events/${res.body.id}/retry`, { key: KEY_A, body: { destination: 'fixable' } });
    expect(retry).toMatchObject({ status: 202, body: { retried: ['fixable'], skipped: [] } });
    const body = await settled(res.body.id);
    expect(body.destinations[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastAttempt: { attempt: 2, statusCode: 200 },
    });
    const unknown = await api(`${hub.url}/v1/events/${res.body.id}/retry`, { key: KEY_A, body: { destination: 'nope' } });
    expect(unknown.status).toBe(404);
  });
});

describe('list', () => {
  const list = (query: string, key = KEY_A) => api(`${hub.url}/v1/events?${query}`, { key });

  test('GET /v1/events pages through a type, filters by delivery status and destination, per tenant', async () => {
    const t = uniqueName('list');
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) ids.push((await post({ type: `fanout.${t}`, data: { n } })).body.id);
    for (const id of ids) await settled(id);
    // Pages are positions in Temporal's order, where a running event moves when it closes: page
    // only once visibility shows all three callbacks closed, so the pages cannot overlap.
    const closed = `WorkflowType = 'callbackWorkflow' AND BarrageEventType = 'fanout.${t}' AND ExecutionStatus = 'Completed'`;
    await eventually(async () => ((await clientA.workflow.count(closed)).count === 3 ? true : undefined), 20_000, 'closed');
    const first = await eventually(
      async () => {
        const res = await list(`type=fanout.${t}&limit=2`);
        return res.body?.events?.length === 2 && res.body.nextCursor ? res : undefined;
      },
      20_000,
      'visibility to list the events',
    );
    expect(first.status).toBe(200);
    expect(first.body.events[0]).toMatchObject({ type: `fanout.${t}`, source: 'api', destinations: ['fan1', 'fan2', 'fan3'] });
    expect(first.body.events[0].links.self).toBe(`${hub.url}/v1/events/${first.body.events[0].id}`);
    const second = await list(`type=fanout.${t}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.events).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    expect([...first.body.events, ...second.body.events].map((e: { id: string }) => e.id).sort()).toEqual([...ids].sort());

    const gone = (await post({ type: `gone.${t}`, data: {} })).body.id as string;
    await settled(gone);
    const failed = await eventually(
      async () => {
        const res = await list(`status=failed&destination=gone&type=gone.${t}`);
        return res.body?.events?.length ? res : undefined;
      },
      20_000,
      'the failed delivery to be listed',
    );
    expect(failed.body.events.map((e: { id: string }) => e.id)).toEqual([gone]);
    expect((await list(`status=delivered&destination=gone&type=gone.${t}`)).body.events).toEqual([]);
    // Delivered deliveries write no "delivered" (revision 2): the filter reads them from their close.
    const delivered = await eventually(
      async () => {
        const res = await list(`status=delivered&destination=fan2&type=fanout.${t}`);
        return res.body?.events?.length === 3 ? res : undefined;
      },
      20_000,
      'the delivered deliveries to be listed',
    );
    expect(delivered.body.events.map((e: { id: string }) => e.id).sort()).toEqual([...ids].sort());
    expect((await list(`status=delivering&type=fanout.${t}`)).body.events).toEqual([]);
    expect((await list(`type=fanout.${t}`, KEY_B)).body.events).toEqual([]);
  });

  test.each([
    'status=nope',
    'limit=0',
    'limit=501',
    'since=yesterday',
    'cursor=!!!',
    'cursor=AAAA',
    'cursor=AAAA.AAAAAAAAAAAAAAAA',
    'extra=1',
    'type=a&type=b',
  ])('GET /v1/events?%s → 400', async (query) => {
    const res = await list(query);
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });
});

describe('batch', () => {
  test('POST /v1/events/batch answers each event as a single POST would, in order, and delivers the accepted ones', async () => {
    const key = uniqueName('batch');
    const first = await post({ type: 'fanout.batch', id: `${key}-dup`, data: { n: 0 } });
    expect(first.status).toBe(202);
    const res = await api(`${hub.url}/v1/events/batch`, {
      key: KEY_A,
      body: {
        events: [
          { type: 'fanout.batch', id: `${key}-1`, data: { n: 1 } },
          { type: 'fanout.batch', id: `${key}-dup`, data: { n: 0 } },
          { type: 'has space', data: {} },
          { type: 'fanout.batch', data: { n: 3 } },
        ],
      },
    });
    expect(res.status).toBe(207);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([202, 200, 400, 202]);
    expect(res.body.results[1]).toMatchObject({ id: first.body.id, duplicate: true });
    expect(res.body.results[2]).toMatchObject({
      error: { code: 'invalid_request', details: [expect.objectContaining({ path: 'type' })] },
    });
    for (const i of [0, 3]) expect((await settled(res.body.results[i].id)).status).toBe('delivered');
  });

  test('a batch that is not 1–100 events is refused whole, and starts nothing', async () => {
    const before = (await clientA.workflow.count()).count;
    // Small items, so the count is what is refused (this suite's maxBodyBytes is 4 KiB).
    const tooMany = Array.from({ length: 101 }, () => ({ type: 'x.y', data: 0 }));
    for (const body of [{ events: tooMany }, { events: [] }, { items: [] }]) {
      const res = await api(`${hub.url}/v1/events/batch`, { key: KEY_A, body });
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    }
    expect((await api(`${hub.url}/v1/events/batch`, { key: KEY_A })).status).toBe(405);
    await new Promise((r) => setTimeout(r, 300));
    expect((await clientA.workflow.count()).count).toBe(before);
  });
});

describe('cancel', () => {
  test('POST /v1/events/{id}/cancel stops a waiting delivery: cancelled, no dead letter; again is 409', async () => {
    const res = await post({ type: 'cancel.me', data: {} });
    const id = res.body.id as string;
    await eventually(async () => ((await status(id)).body?.status === 'retrying' ? true : undefined), 30_000, 'retrying');
    const cancel = await api(`${hub.url}/v1/events/${id}/cancel`, { method: 'POST', key: KEY_A });
    expect(cancel).toEqual({ status: 202, body: { id, cancelled: ['slow'], final: [] } });
    const body = await settled(id);
    expect(body.status).toBe('cancelled');
    expect(body.destinations).toEqual([expect.objectContaining({ destination: 'slow', status: 'cancelled', attempts: 1 })]);
    const again = await api(`${hub.url}/v1/events/${id}/cancel`, { method: 'POST', key: KEY_A });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict', details: { final: ['slow'] } } } });
    expect((await api(`${hub.url}/v1/events/evt_00000000000000000000000000/cancel`, { method: 'POST', key: KEY_A })).status).toBe(
      404,
    );
    expect((await api(`${hub.url}/v1/events/${id}/cancel`, { method: 'POST', key: KEY_B })).status).toBe(404);
  });
});

describe('secrets and logs', () => {
  test('secrets and API keys are in no history and no log line; each accept, attempt and rejection logs one line', async () => {
    const res = await post({ type: 'flaky.secret-check', data: { n: 2 } });
    await settled(res.body.id);
    await post({ type: 'fanout.x', data: 1 }, {}, 'wrong-key');
    const histories = await Promise.all(
      [res.body.id, deliveryWorkflowId(res.body.id, 'flaky')].map(async (id) =>
        JSON.stringify(await clientA.workflow.getHandle(id).fetchHistory()),
      ),
    );
    for (const text of [...histories, logs.text()]) {
      expect(text).not.toContain(TEST_SECRET.slice(6));
      expect(text).not.toContain(KEY_A);
      expect(text).not.toContain(SHOP_SECRET);
    }
    const lines = logs.lines();
    expect(lines.filter((l) => l.msg === 'callback accepted' && l.eventId === res.body.id)).toHaveLength(1);
    const attempts = lines.filter((l) => l.msg === 'delivery attempt' && l.eventId === res.body.id);
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(Object.keys(attempts[0]).sort()).toEqual(
      expect.arrayContaining(['eventId', 'destination', 'attempt', 'outcome', 'status', 'durationMs', 'tenant']),
    );
    expect(lines.filter((l) => l.msg === 'request rejected' && l.code === 'unauthorized').length).toBeGreaterThanOrEqual(1);
  });
});

describe('tenants', () => {
  test("tenant B's key cannot see tenant A's event", async () => {
    const res = await post({ type: 'fanout.secret', data: {} });
    expect((await status(res.body.id, KEY_B)).status).toBe(404);
    expect((await status(res.body.id, KEY_B)).body).toEqual({ error: { code: 'not_found', message: 'event not found' } });
    expect((await api(`${hub.url}/v1/events/${res.body.id}/attempts`, { key: KEY_B })).status).toBe(404);
    expect((await api(`${hub.url}/v1/events/${res.body.id}/retry`, { key: KEY_B, body: {} })).status).toBe(404);
    expect((await status(res.body.id, KEY_A)).status).toBe(200);
  });
});

describe('bad input starts nothing', () => {
  const count = async () => (await clientB.workflow.count()).count;
  const big = 'x'.repeat(5000);
  type Send = (key: string) => Promise<{ status: number; body: { error: { code: string; details?: unknown } } }>;
  const events = (body: unknown, k: string, apiKey?: string, headers: Record<string, string> = {}) =>
    api(`${hub.url}/v1/events`, { key: apiKey, body, headers: { 'Idempotency-Key': k, ...headers } });
  const raw = (text: string, k: string, contentType: string) =>
    api(`${hub.url}/v1/events`, { key: KEY_B, raw: text, headers: { 'content-type': contentType, 'Idempotency-Key': k } });
  // Every event case carries an Idempotency-Key, so the workflow an accept would have started
  // has a known ID that can be checked directly (visibility counts are only a second check).
  const cases: [string, number, string, Send][] = [
    ['invalid JSON', 400, 'invalid_json', (k) => raw('{"type":', k, 'application/json')],
    ['schema violation', 400, 'invalid_request', (k) => events({ data: 1, extra: true }, k, KEY_B)],
    ['bad event type', 400, 'invalid_request', (k) => events({ type: 'has space', data: 1 }, k, KEY_B)],
    ['bad Idempotency-Key', 400, 'invalid_request', () => events({ type: 'b.x', data: 1 }, 'two words', KEY_B)],
    ['missing key', 401, 'unauthorized', (k) => events({ type: 'b.x', data: 1 }, k)],
    ['wrong key', 401, 'unauthorized', (k) => events({ type: 'b.x', data: 1 }, k, 'nope')],
    ['unknown event', 404, 'not_found', () => status('evt_doesnotexist', KEY_B)],
    ['unknown source', 404, 'not_found', () => api(`${hub.url}/v1/sources/nope`, { raw: 'x' })],
    [
      'bad source signature',
      401,
      'invalid_signature',
      () => api(`${hub.url}/v1/sources/b-shop`, { raw: 'x', headers: { 'X-Sig': 'forged' } }),
    ],
    ['body too large', 413, 'payload_too_large', (k) => events({ type: 'b.x', data: big }, k, KEY_B)],
    [
      'source body too large',
      413,
      'payload_too_large',
      () => api(`${hub.url}/v1/sources/b-shop`, { raw: big, headers: { 'X-Sig': 'x' } }),
    ],
    ['wrong content type', 415, 'unsupported_media_type', (k) => raw('type=b.x', k, 'text/plain')],
  ];

  test.each(cases)('%s → %i %s', async (name, expectedStatus, code, send) => {
    const before = await count();
    const key = `bad-${name.replace(/\W+/g, '-')}-${uniqueName('k')}`;
    const res = await send(key);
    expect(res.status).toBe(expectedStatus);
    expect(res.body.error.code).toBe(code);
    await expect(clientB.workflow.getHandle(eventIdFor('tenant-b', 'api', key)).describe()).rejects.toThrow(
      WorkflowNotFoundError,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await count()).toBe(before);
  });

  test('schema errors list the fields', async () => {
    const res = await post({ data: 1, extra: true }, {}, KEY_B);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'type' }),
        expect.objectContaining({ path: 'extra', message: 'unknown field' }),
      ]),
    );
  });

  test('without database.url the management routes answer 501 database_required, naming the key', async () => {
    for (const [path, key] of [
      ['/v1/tenants', 'any-admin-key'],
      ['/v1/destinations', KEY_A],
      ['/v1/tenants/tenant-a/api-keys', KEY_A],
    ]) {
      const res = await api(`${hub.url}${path}`, { key });
      expect(res).toMatchObject({
        status: 501,
        body: { error: { code: 'database_required', message: expect.stringContaining('database.url') } },
      });
    }
  });

  test('Temporal unreachable → 503, nothing accepted', async () => {
    const dead = await startReceiver({
      config: { ...config, server: { ...config.server, port: 0 } },
      registry: staticRegistry(config),
      connection: Connection.lazy({ address: '127.0.0.1:1' }),
      logger: createLogger('silent'),
    });
    try {
      const res = await api(`${dead.url}/v1/events`, { key: KEY_B, body: { type: 'b.x', data: 1 } });
      expect(res).toMatchObject({ status: 503, body: { error: { code: 'temporal_unavailable' } } });
      expect((await api(`${dead.url}/readyz`)).status).toBe(503);
      expect((await api(`${dead.url}/healthz`)).status).toBe(200);
    } finally {
      await dead.close();
    }
  });

  test('health, readiness and the OpenAPI document', async () => {
    expect(await api(`${hub.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await api(`${hub.url}/livez`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await api(`${hub.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready' } });
    const doc = await api(`${hub.url}/openapi.json`);
    expect(doc.body.openapi).toBe('3.0.3');
    const ref = doc.body.paths['/v1/events'].post.requestBody.content['application/json'].schema.$ref;
    expect(doc.body.components.schemas[ref.replace('#/components/schemas/', '')].required).toEqual(['type', 'data']);
  });
});
