// The library and the HTTP API are one set of routes: the same cases through both give the same
// answers, successes and errors alike (status, code, message, details, body).
import { BarrageError, type Hub } from '../../src/lib';
import { destination } from '../helpers/config';
import { startLibraryHub } from '../helpers/library';
import { api } from '../helpers/hub';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-parity';
const TENANT = 'parity';
let hub: Hub;
let sink: TestSink;

beforeAll(async () => {
  sink = await startTestSink();
  hub = await startLibraryHub([
    { id: TENANT, namespace: 'barrage-parity', apiKeys: [KEY], destinations: [destination('from-file', sink.url)] },
  ]);
}, 60_000);

afterAll(async () => {
  await hub?.close();
  await sink?.close();
});

interface Answer {
  status?: number;
  body: unknown;
}

async function overHttp(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer> {
  const res = await api(`${hub.url}${path}`, { key: KEY, method, body, headers });
  return { status: res.status >= 400 ? res.status : undefined, body: res.status === 204 ? undefined : res.body };
}

async function inProcess(call: () => Promise<unknown>): Promise<Answer> {
  try {
    return { body: await call() };
  } catch (err) {
    if (!(err instanceof BarrageError)) throw err;
    return { status: err.status, body: err.toBody() };
  }
}

const event = (id: string) => ({ type: 'order.created', id, data: { n: 1 } });

test('publish: duplicate, bad type, bad id, id and key that differ, too large', async () => {
  const first = await overHttp('POST', '/v1/events', event('par-1'));
  expect(first.status).toBeUndefined();
  const cases: [Answer, () => Promise<unknown>][] = [
    [await overHttp('POST', '/v1/events', event('par-1')), () => hub.publish({ tenant: TENANT, ...event('par-1') })],
    [
      await overHttp('POST', '/v1/events', { type: 'not a type', data: {} }),
      () => hub.publish({ tenant: TENANT, type: 'not a type', data: {} }),
    ],
    [
      await overHttp('POST', '/v1/events', { ...event('bad id!'), id: 'bad id!' }),
      () => hub.publish({ tenant: TENANT, ...event('bad id!') }),
    ],
    [
      await overHttp('POST', '/v1/events', event('par-2'), { 'idempotency-key': 'other' }),
      () => hub.publish({ tenant: TENANT, ...event('par-2'), idempotencyKey: 'other' }),
    ],
    [
      await overHttp('POST', '/v1/events', { type: 'order.big', data: 'x'.repeat(5000) }),
      () => hub.publish({ tenant: TENANT, type: 'order.big', data: 'x'.repeat(5000) }),
    ],
  ];
  for (const [http, call] of cases) expect(await inProcess(call)).toEqual(http);
  expect((first.body as { duplicate: boolean }).duplicate).toBe(false);
  expect((cases[0][0].body as { duplicate: boolean }).duplicate).toBe(true);
  expect(cases.slice(1).map(([http]) => http.status)).toEqual([400, 400, 400, 413]);
});

test('events: get, attempts, list, retry, cancel, unknown ids', async () => {
  const published = await hub.publish({ tenant: TENANT, ...event('par-3') });
  expect(published.links.self).toBe(`${hub.url}/v1/events/par-3`);
  await eventually(async () =>
    (await hub.events.get({ tenant: TENANT, id: 'par-3' })).status === 'delivered' ? true : undefined,
  );
  const ref = { tenant: TENANT, id: 'par-3' };
  const pairs: [Answer, () => Promise<unknown>][] = [
    [await overHttp('GET', '/v1/events/par-3'), () => hub.events.get(ref)],
    [await overHttp('GET', '/v1/events/par-3/attempts'), () => hub.events.attempts(ref)],
    [await overHttp('GET', '/v1/events/nope'), () => hub.events.get({ tenant: TENANT, id: 'nope' })],
    [await overHttp('POST', '/v1/events/par-3/cancel'), () => hub.events.cancel(ref)],
    [await overHttp('POST', '/v1/events/par-3/retry', {}), () => hub.events.retry(ref)],
    [
      await overHttp('POST', '/v1/events/par-3/retry', { destination: 'elsewhere' }),
      () => hub.events.retry({ ...ref, destination: 'elsewhere' }),
    ],
    [await overHttp('GET', '/v1/events?limit=0'), () => hub.events.list({ tenant: TENANT, limit: 0 })],
    [await overHttp('GET', '/v1/events?cursor=forged'), () => hub.events.list({ tenant: TENANT, cursor: 'forged' })],
  ];
  for (const [http, call] of pairs) expect(await inProcess(call)).toEqual(http);
  expect(pairs.map(([http]) => http.status)).toEqual([undefined, undefined, 404, 409, undefined, 404, 400, 400]);
  const listed = await eventually(async () => {
    const http = await overHttp('GET', '/v1/events?type=order.created&limit=5');
    const lib = await inProcess(() => hub.events.list({ tenant: TENANT, type: 'order.created', limit: 5 }));
    return JSON.stringify(http) === JSON.stringify(lib) && (http.body as { events: unknown[] }).events.length >= 2
      ? lib
      : undefined;
  });
  expect(listed.status).toBeUndefined();
});

test('destinations: create, invalid, get, update, config-defined, rotate, delete', async () => {
  const viaHttp = await overHttp('POST', '/v1/destinations', { id: 'made-http', type: 'http', url: sink.url, events: ['a.*'] });
  const viaLib = await inProcess(() =>
    hub.destinations.create({ tenant: TENANT, id: 'made-lib', type: 'http', url: sink.url, events: ['a.*'] }),
  );
  const strip = (a: Answer) => ({ ...(a.body as Record<string, unknown>), id: 'x', createdAt: 'x', updatedAt: 'x' });
  expect(strip(viaLib)).toEqual(strip(viaHttp));
  const pairs: [Answer, () => Promise<unknown>][] = [
    [
      await overHttp('POST', '/v1/destinations', { id: 'bad', type: 'http', url: 'ftp://nope', events: ['*'] }),
      () => hub.destinations.create({ tenant: TENANT, id: 'bad', type: 'http', url: 'ftp://nope', events: ['*'] }),
    ],
    [await overHttp('GET', '/v1/destinations/made-lib'), () => hub.destinations.get({ tenant: TENANT, id: 'made-lib' })],
    [await overHttp('GET', '/v1/destinations/none'), () => hub.destinations.get({ tenant: TENANT, id: 'none' })],
    [
      await overHttp('PATCH', '/v1/destinations/from-file', { description: 'x' }),
      () => hub.destinations.update({ tenant: TENANT, id: 'from-file', description: 'x' }),
    ],
    [
      await overHttp('POST', '/v1/destinations/none/secret/rotate', {}),
      () => hub.destinations.rotateSecret({ tenant: TENANT, id: 'none' }),
    ],
    [await overHttp('DELETE', '/v1/destinations/none'), () => hub.destinations.delete({ tenant: TENANT, id: 'none' })],
  ];
  for (const [http, call] of pairs) expect(await inProcess(call)).toEqual(http);
  expect(pairs.map(([http]) => http.status)).toEqual([400, undefined, 404, 409, 404, 404]);
  await hub.destinations.update({ tenant: TENANT, id: 'made-lib', description: 'changed in-process' });
  expect((await overHttp('GET', '/v1/destinations/made-lib')).body).toMatchObject({ description: 'changed in-process' });
  await hub.destinations.delete({ tenant: TENANT, id: 'made-lib' });
  expect((await overHttp('GET', '/v1/destinations/made-lib')).status).toBe(404);
});

test('an unknown tenant is 404 not_found; a missing one 400', async () => {
  await expect(hub.publish({ tenant: 'nobody', ...event('par-9') })).rejects.toMatchObject({ status: 404, code: 'not_found' });
  await expect(hub.events.get({ tenant: '', id: 'x' })).rejects.toMatchObject({ status: 400, code: 'invalid_request' });
});
