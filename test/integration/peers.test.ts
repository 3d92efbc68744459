// The benchmark's reference dispatchers (bench/peers/) do what they are compared on: route by
// event-type pattern, sign as Standard Webhooks, answer a repeated Idempotency-Key as a duplicate
// without delivering again, and retry a failing destination — each on its real store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import type { PeerApi } from '../../bench/peers/api';
import * as bullmq from '../../bench/peers/bullmq';
import * as pgboss from '../../bench/peers/pgboss';
import { startRedis, type RunningRedis } from '../../bench/peers/redis';
import type { PeerSettings } from '../../bench/peers/settings';
import { freePort } from '../../src/net/free-port';
import { createTestDatabase } from '../helpers/postgres';
import { eventually, startTestSink, type Received, type TestSink } from '../helpers/sink';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const API_KEY = 'peers-test-key';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(['pgboss', 'bullmq'] as const)('the %s peer', (kind) => {
  let sink: TestSink;
  let redis: RunningRedis | undefined;
  let redisDir: string | undefined;
  let api: PeerApi | undefined;
  let worker: { close(): Promise<void> } | undefined;

  const at = (name: string): Received[] => sink.received.filter((r) => r.path === `/hook/${name}`);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api!.url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    // /hook/flaky fails its first two requests, then succeeds.
    sink = await startTestSink((req) => ({
      status: req.path === '/hook/flaky' && sink.received.filter((r) => r.path === req.path).length <= 2 ? 500 : 200,
    }));
    let storeUrl: string;
    if (kind === 'pgboss') {
      storeUrl = await createTestDatabase('peers');
    } else {
      redisDir = mkdtempSync(join(tmpdir(), 'peers-redis-'));
      redis = await startRedis({ port: await freePort(), dir: redisDir, appendfsync: 'everysec' });
      storeUrl = redis.url;
    }
    const dest = (id: string, events: string[]) => ({ id, url: `${sink.url}/${id}`, events, secret: SECRET });
    const settings: PeerSettings = {
      kind,
      storeUrl,
      port: 0,
      apiKey: API_KEY,
      destinations: [dest('a', ['order.*']), dest('b', ['order.created']), dest('c', ['invoice.*']), dest('flaky', ['retry.*'])],
      retry: { initialSeconds: 1, coefficient: 2, maxAttempts: 5 },
      timeoutMs: 5000,
      concurrency: 4,
    };
    const peer = kind === 'pgboss' ? pgboss : bullmq;
    api = await peer.startPeerApi(settings);
    worker = await peer.startPeerWorker(settings);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
    await redis?.stop();
    if (redisDir) rmSync(redisDir, { recursive: true, force: true });
  }, 30_000);

  test('rejects a missing key (401) and an event without a type (400)', async () => {
    const unauthorized = await fetch(`${api!.url}/v1/events`, { method: 'POST', body: '{"type":"order.created"}' });
    expect(unauthorized.status).toBe(401);
    const invalid = await post({ data: {} });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe('invalid_event');
  });

  test('delivers once, signed, to each matching destination; a repeated Idempotency-Key is a duplicate', async () => {
    const event = { type: 'order.created', data: { orderId: 'ord_1', amount: 4200 } };
    const first = await post(event, { 'idempotency-key': `order-1-${kind}` });
    expect(first.status).toBe(202);
    const accepted = (await first.json()) as { id: string };
    expect(accepted).toEqual({ id: expect.stringMatching(/^evt_[0-9a-f]{26}$/), destinations: 2 });

    await eventually(async () => (at('a').length && at('b').length ? true : undefined), 15_000, 'deliveries to a and b');
    for (const got of [...at('a'), ...at('b')]) {
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(got.headers[h])]),
      );
      expect(headers['webhook-id']).toBe(accepted.id);
      expect(new Webhook(SECRET).verify(got.body.toString(), headers)).toEqual(event);
    }

    const again = await post(event, { 'idempotency-key': `order-1-${kind}` });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: accepted.id, duplicate: true });
    // Nothing more arrives: one delivery each, none to the destination that does not match.
    await pause(1500);
    expect([at('a').length, at('b').length, at('c').length]).toEqual([1, 1, 0]);
  });

  test('retries a failing destination until it answers 2xx (third attempt)', async () => {
    const posted = await post({ type: 'retry.me', data: { n: 1 } });
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as { id: string };
    // Delays of about 1 s and 2 s (pg-boss counts whole seconds) plus polling: well within 20 s.
    await eventually(async () => (at('flaky').length >= 3 ? true : undefined), 20_000, 'three attempts at flaky');
    await pause(1500);
    const attempts = at('flaky');
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(attempts.map((r) => r.headers['webhook-id']))).toEqual(new Set([id]));
  }, 40_000);
});
