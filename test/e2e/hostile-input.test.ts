// Each hostile-input case from the attacker's report, against the real receiver and worker:
// a 4xx with the JSON error shape, never a 5xx, nothing started, and a "request rejected" log line.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { BarrageConfig } from '../../src/config';
import { eventIdFor } from '../../src/ingest/ids';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, capturingLogger, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { errorCodeOf, httpRequest, rawRequest, type RawResponse } from '../helpers/raw-http';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-hostile';
const TOKEN = 'hostile-token';
let hub: TestHub;
let client: Client;
let sink: TestSink;
let basicSink: TestSink;
const logs = capturingLogger();

beforeAll(async () => {
  sink = await startTestSink();
  basicSink = await startTestSink();
  const basicUrl = `http://u%40ser:p%3Aw@127.0.0.1:${new URL(basicSink.url).port}/basic`;
  const config: BarrageConfig = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('hostile'),
    tenants: [
      {
        id: 'hostile',
        namespace: 'barrage-hostile',
        apiKeys: [KEY],
        destinations: [
          destination('sink', sink.url, { events: ['ok.*'] }),
          destination('basic', basicUrl, { events: ['basic.*'] }),
        ],
        sources: [{ id: 'h-src', eventType: { jsonPath: '$.type' }, idempotencyKey: { header: 'X-Delivery' }, token: TOKEN }],
      },
    ],
    raw: { server: { port: 0, maxBodyBytes: 65_536, headersTimeout: '2s', requestTimeout: '4s' } },
  });
  hub = await startHub(config, ['receiver', 'worker'], logs.logger);
  client = await temporalClient(testTemporalAddress(), 'barrage-hostile');
});

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
  await basicSink?.close();
  await client?.connection.close();
});

const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
const send = (method: string, path: string, headers: Record<string, string>, body?: string | Buffer) =>
  rawRequest(hub.url, httpRequest(method, path, headers, body));
const sourceUrl = `/v1/sources/h-src?token=${TOKEN}`;

async function expectNotStarted(source: string, key: string): Promise<void> {
  await expect(client.workflow.getHandle(eventIdFor('hostile', source, key)).describe()).rejects.toThrow(WorkflowNotFoundError);
}

function expectRejected(res: RawResponse, status: number, code: string): void {
  expect({ status: res.status, code: errorCodeOf(res) }).toEqual({ status, code });
}

describe('deeply nested JSON', () => {
  const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  const event = (data: string) => `{"type":"ok.deep","data":${data}}`;

  test.each([
    ['20,000 arrays', deepArray(20_000)],
    ['10,000 objects', deepObject(10_000)],
  ])('%s → 400 invalid_request, before anything recursive runs', async (_name, data) => {
    const key = uniqueName('deep');
    const res = await send('POST', '/v1/events', { ...auth, 'idempotency-key': key }, event(data));
    expectRejected(res, 400, 'invalid_request');
    expect(res.body).toMatch(/deeper than 64 levels/);
    await expectNotStarted('api', key);
    const line = logs.lines().find((l) => l.msg === 'request rejected' && /deeper/.test(String(l.reason)));
    expect(line).toMatchObject({ status: 400, code: 'invalid_request', path: '/v1/events' });
    expect(logs.text()).not.toContain('[[[[');
  });

  test('64 levels are accepted, 65 are not', async () => {
    // The event object itself is level 1, so its data may nest 63 more.
    const ok = await send('POST', '/v1/events', auth, event(deepArray(63)));
    expect(ok.status).toBe(202);
    const tooDeep = await send('POST', '/v1/events', auth, event(deepArray(64)));
    expectRejected(tooDeep, 400, 'invalid_request');
  });
});

describe('Content-Encoding', () => {
  const encoders = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync } as const;

  test.each(Object.keys(encoders))('a %s body is decompressed, accepted and delivered as JSON', async (encoding) => {
    const body = encoders[encoding as keyof typeof encoders](Buffer.from(JSON.stringify({ type: 'ok.zip', data: { encoding } })));
    const res = await send('POST', '/v1/events', { ...auth, 'content-encoding': encoding }, body);
    expect(res.status).toBe(202);
    // Wait for this delivery by its body: an earlier test's delivery may land in between.
    const expected = JSON.stringify({ encoding });
    const delivered = await eventually(async () => sink.received.find((r) => r.body.toString() === expected));
    expect(delivered.headers['content-type']).toMatch(/application\/json/);
  });

  test.each([
    ['gzip', '/v1/events'],
    ['deflate', '/v1/events'],
    ['br', '/v1/events'],
    ['gzip', sourceUrl],
    ['deflate', sourceUrl],
    ['br', sourceUrl],
  ])('a body that is not valid %s on %s → 400 invalid_encoding', async (encoding, path) => {
    const key = uniqueName('enc');
    const headers = { ...auth, 'content-encoding': encoding, 'idempotency-key': key, 'x-delivery': key };
    const res = await send('POST', path, headers, 'this is not compressed at all, not even a little');
    expectRejected(res, 400, 'invalid_encoding');
    await expectNotStarted(path === '/v1/events' ? 'api' : 'h-src', key);
  });

  test('a small gzip bomb stops at maxBodyBytes (the decompressed size): 413', async () => {
    const bomb = gzipSync(Buffer.from(`{"type":"ok.bomb","data":"${'a'.repeat(10_000_000)}"}`));
    expect(bomb.length).toBeLessThan(65_536);
    for (const path of ['/v1/events', sourceUrl]) {
      const res = await send('POST', path, { ...auth, 'content-encoding': 'gzip' }, bomb);
      expectRejected(res, 413, 'payload_too_large');
    }
  });

  test.each(['compress', 'x-custom'])('an encoding Barrage does not decode (%s) → 415', async (encoding) => {
    const res = await send('POST', '/v1/events', { ...auth, 'content-encoding': encoding }, '{}');
    expectRejected(res, 415, 'unsupported_media_type');
    expect(res.body).toMatch(/gzip, deflate, br/);
  });
});

describe('malformed percent-encoding in path parameters', () => {
  test.each([
    ['GET', '/v1/events/%zz'],
    ['GET', '/v1/events/%'],
    ['GET', '/v1/events/%E0%A4%A/attempts'],
    ['POST', '/v1/events/%ff/retry'],
    ['POST', '/v1/sources/%ff'],
  ])('%s %s → 400 invalid_request', async (method, path) => {
    const res = await send(method, path, auth, method === 'POST' ? '{}' : undefined);
    expectRejected(res, 400, 'invalid_request');
    expect(res.body).toMatch(/percent-encoding/);
  });
});

describe("requests Node's HTTP parser refuses get the JSON error shape and a closed connection", () => {
  test.each([
    ['headers over the limit', 431, 'headers_too_large', httpRequest('GET', '/healthz', { 'x-big': 'a'.repeat(20_000) })],
    ['a malformed request line', 400, 'invalid_request', Buffer.from('GET /v1/ events HTTP/1.1\r\nhost: x\r\n\r\n')],
    ['an invalid method', 400, 'invalid_request', Buffer.from('FLY /v1/events HTTP/1.1\r\nhost: x\r\n\r\n')],
    [
      'Content-Length together with chunked',
      400,
      'invalid_request',
      httpRequest('POST', '/v1/events', { ...auth, 'content-length': '2', 'transfer-encoding': 'chunked' }, '{}'),
    ],
    [
      'a chunk size that is not hex',
      400,
      'invalid_request',
      Buffer.from(`POST ${sourceUrl} HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`),
    ],
  ])('%s → %i %s', async (_name, status, code, bytes) => {
    const res = await rawRequest(hub.url, bytes);
    expectRejected(res, status, code);
    expect(res.headers.connection).toBe('close');
    expect(res.closed).toBe(true);
    expect(logs.lines()).toContainEqual(expect.objectContaining({ msg: 'request rejected', status, code }));
  });
});

describe('slow and oversized requests', () => {
  const trickle = (head: string, every: number, count: number) => async (socket: import('node:net').Socket) => {
    socket.write(head);
    for (let i = 0; i < count && !socket.destroyed; i++) {
      await new Promise((r) => setTimeout(r, every));
      if (!socket.destroyed) socket.write('a');
    }
  };

  test('headers trickling in past server.headersTimeout (2 s) → 408, connection closed', async () => {
    const res = await rawRequest(hub.url, '', {
      timeoutMs: 10_000,
      write: trickle('POST /v1/events HTTP/1.1\r\nhost: x\r\nx-slow: ', 300, 30),
    });
    expectRejected(res, 408, 'request_timeout');
    expect(res.closed).toBe(true);
    expect(res.elapsedMs).toBeGreaterThanOrEqual(1_900);
    expect(res.elapsedMs).toBeLessThan(6_000);
  });

  test('a body trickling in past server.requestTimeout (4 s) → 408, connection closed', async () => {
    const head = `POST ${sourceUrl} HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\n`;
    const res = await rawRequest(hub.url, '', { timeoutMs: 12_000, write: trickle(head, 300, 40) });
    expectRejected(res, 408, 'request_timeout');
    expect(res.closed).toBe(true);
    expect(res.elapsedMs).toBeLessThan(9_000);
  });

  test.each([
    ['/v1/events', auth],
    [sourceUrl, {}],
  ])('a declared Content-Length over maxBodyBytes on %s → 413 at once, before reading', async (path, headers) => {
    const res = await rawRequest(
      hub.url,
      `POST ${path} HTTP/1.1\r\nhost: x\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}content-length: 99999999999\r\n\r\n`,
      { timeoutMs: 5_000 },
    );
    expectRejected(res, 413, 'payload_too_large');
    expect(res.closed).toBe(true);
    expect(res.elapsedMs).toBeLessThan(2_000);
  });
});

describe('bodies refused as soon as they pass the limit', () => {
  const chunked = (path: string, headers: string) => async (socket: import('node:net').Socket) => {
    socket.write(`POST ${path} HTTP/1.1\r\nhost: x\r\n${headers}transfer-encoding: chunked\r\n\r\n`);
    const chunk = `400\r\n${'a'.repeat(1024)}\r\n`;
    // 300 KiB over about 3 s against a 64 KiB limit, unless the server stops it first.
    for (let i = 0; i < 300 && !socket.destroyed; i++) {
      socket.write(chunk);
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 100));
    }
  };

  test.each([
    ['/v1/events', `authorization: Bearer ${KEY}\r\ncontent-type: application/json\r\n`],
    [sourceUrl, ''],
  ])('a chunked body streaming past maxBodyBytes on %s → 413 at once, connection closed', async (path, headers) => {
    const res = await rawRequest(hub.url, '', { timeoutMs: 10_000, write: chunked(path, headers) });
    expectRejected(res, 413, 'payload_too_large');
    expect(res.closed).toBe(true);
    expect(res.elapsedMs).toBeLessThan(2_500);
  });

  test('Expect: 100-continue with a declared length over the limit → 413, and no invitation to send it', async () => {
    const head = (length: number) =>
      `POST /v1/events HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\ncontent-type: application/json\r\n` +
      `expect: 100-continue\r\ncontent-length: ${length}\r\n\r\n`;
    const refused = await rawRequest(hub.url, head(99_999_999), { timeoutMs: 5_000 });
    expectRejected(refused, 413, 'payload_too_large');
    expect(refused.raw).not.toMatch(/^HTTP\/1\.1 100/);
    const body = JSON.stringify({ type: 'ok.continue', data: { n: 1 } });
    const accepted = await rawRequest(hub.url, '', {
      timeoutMs: 5_000,
      write: async (socket) => {
        socket.write(head(body.length));
        await new Promise((r) => setTimeout(r, 200));
        socket.write(body);
      },
    });
    expect(accepted.raw).toMatch(/^HTTP\/1\.1 100 Continue/);
    expect(accepted.status).toBe(202);
  });
});

describe('quieter leaks of meaning', () => {
  test.each(['\u0001', '\u0000', ' ', '\u007f'])('a body id with %j is refused like the same Idempotency-Key', async (ch) => {
    const id = `order${ch}1`;
    const res = await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'ok.id', id, data: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', details: [expect.objectContaining({ path: 'id' })] });
    await expectNotStarted('api', id);
  });

  test('a source idempotency header that is only whitespace is refused, not dropped', async () => {
    const before = (await client.workflow.count()).count;
    for (let i = 0; i < 2; i++) {
      const res = await send('POST', sourceUrl, { 'content-type': 'application/json', 'x-delivery': '   ' }, '{"type":"ok.src"}');
      expectRejected(res, 400, 'invalid_request');
      expect(JSON.parse(res.body).error.details).toEqual([{ path: 'idempotencyKey', message: 'header X-Delivery is blank' }]);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect((await client.workflow.count()).count).toBe(before);
  });

  test('a source $.type that is a number is no event type', async () => {
    const key = uniqueName('num');
    const res = await send('POST', sourceUrl, { 'content-type': 'application/json', 'x-delivery': key }, '{"type":5}');
    expectRejected(res, 400, 'invalid_request');
    expect(JSON.parse(res.body).error.details[0].message).toMatch(/expected a string at \$\.type/);
    await expectNotStarted('h-src', key);
  });

  test('credentials in a destination URL are sent as Basic auth, not dropped', async () => {
    const res = await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'basic.ping', data: {} } });
    expect(res.status).toBe(202);
    const [received] = await basicSink.waitFor(1);
    expect(received.path).toBe('/basic');
    expect(received.headers.authorization).toBe(`Basic ${Buffer.from('u@ser:p:w').toString('base64')}`);
  });
});

describe('methods', () => {
  test.each([
    ['TRACE', '/v1/events', 'GET, POST, HEAD'],
    ['PATCH', '/v1/events/evt_x', 'GET, DELETE, HEAD'],
    ['PUT', '/v1/events/evt_x/retry', 'POST'],
    ['GET', '/v1/sources/h-src', 'POST'],
    ['POST', '/healthz', 'GET, HEAD'],
  ])('%s %s → 405 with Allow: %s', async (method, path, allow) => {
    const res = await send(method, path, auth, method === 'GET' || method === 'TRACE' ? undefined : '{}');
    expectRejected(res, 405, 'method_not_allowed');
    expect(res.headers.allow).toBe(allow);
  });

  test('OPTIONS on a known path answers 204 with Allow; an unknown path stays 404', async () => {
    const options = await send('OPTIONS', '/v1/events/evt_x/attempts', {});
    expect({ status: options.status, allow: options.headers.allow }).toEqual({ status: 204, allow: 'GET, HEAD' });
    expectRejected(await send('TRACE', '/v1/nowhere', {}), 404, 'not_found');
  });
});
