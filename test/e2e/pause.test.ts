// Pausing a destination through the API: new events still match and queue, their attempts wait
// without using one (held as activity retries), GET shows paused and the deliveries waiting, and
// on resume every one is delivered at its first attempt with no other call.
import { api } from '../helpers/hub';
import { startTenantHub, type DatabaseHub } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-pause';
let hub: DatabaseHub;
let sink: TestSink;

beforeAll(async () => {
  sink = await startTestSink();
  hub = await startTenantHub({
    id: 'pause',
    namespace: 'barrage-pause',
    apiKeys: [KEY],
    destinations: [{ id: 'fixed', type: 'http', url: sink.url, events: ['none.*'] }],
  });
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
});

const call = (path: string, body?: unknown, method?: string) =>
  api(`${hub.url}${path}`, { key: KEY, body, method: method ?? (/\/(pause|resume)$/.test(path) ? 'POST' : undefined) });

test('paused: events queue, attempts wait unused; resumed: each is delivered at its first attempt', async () => {
  const created = await call('/v1/destinations', { id: 'p', type: 'http', url: sink.url, events: ['order.*'] });
  expect(created.status).toBe(201);
  expect(created.body.paused).toBe(false);
  const paused = await call('/v1/destinations/p/pause');
  expect(paused.status).toBe(200);
  expect(paused.body).toMatchObject({ id: 'p', paused: true, health: { state: 'closed', failures: 0 } });

  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await call('/v1/events', { type: 'order.created', data: { i } });
    expect(res.status).toBe(202);
    expect(res.body.destinations).toEqual(['p']);
    ids.push(res.body.id);
  }
  const waiting = await eventually(
    async () => {
      const got = await call('/v1/destinations/p');
      return got.body.health.deliveriesWaiting === 5 ? got.body : undefined;
    },
    20_000,
    'five deliveries waiting',
  );
  expect(waiting.paused).toBe(true);
  // Held, not attempted: the sink saw nothing, and the attempts are held runs of the first one.
  await new Promise((r) => setTimeout(r, 2_000));
  expect(sink.received).toHaveLength(0);
  const metrics = await fetch(`${hub.url}/metrics`).then((r) => r.text());
  expect(metrics).toMatch(/barrage_attempts_held_total\{tenant="pause",destination="p",reason="paused"\} [1-9]/);

  const resumedAt = Date.now();
  const resumed = await call('/v1/destinations/p/resume');
  expect(resumed.status).toBe(200);
  expect(resumed.body.paused).toBe(false);
  await sink.waitFor(5, 30_000);
  console.log(`[pause] 5 held deliveries reached the sink ${((Date.now() - resumedAt) / 1000).toFixed(1)} s after resume`);
  for (const id of ids) {
    const status = await eventually(
      async () => {
        const got = await call(`/v1/events/${id}`);
        return got.body.destinations[0].status === 'delivered' ? got.body : undefined;
      },
      10_000,
      `event ${id} delivered`,
    );
    expect(status.destinations[0].attempts).toBe(1);
  }
}, 90_000);

test('PATCH sets paused too; a config-file destination is paused in the config file (409); unknown is 404', async () => {
  const patched = await call('/v1/destinations/p', { paused: true }, 'PATCH');
  expect(patched.status).toBe(200);
  expect(patched.body.paused).toBe(true);
  expect((await call('/v1/destinations/p')).body.paused).toBe(true);
  expect((await call('/v1/destinations/p/resume')).body.paused).toBe(false);
  const config = await call('/v1/destinations/fixed/pause');
  expect(config.status).toBe(409);
  expect(config.body.error.code).toBe('managed_by_config');
  const unknown = await call('/v1/destinations/nope/pause');
  expect(unknown.status).toBe(404);
  expect((await call('/v1/destinations/p', { paused: 'yes' }, 'PATCH')).status).toBe(400);
});
