// A bounded fuzz of the real receiver (fixed seed): generated malformed requests on every route.
// Every answer is a 4xx; every body is the JSON error shape; every status is in /openapi.json;
// nothing is started; the receiver still accepts a valid event afterwards.
import { createHmac } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { Client } from '@temporalio/client';
import fc from 'fast-check';
import { openApiDocument } from '../../src/api/routes';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { errorCodeOf, httpRequest, rawRequest } from '../helpers/raw-http';
import { eventually } from '../helpers/sink';

const SEED = 20_261_201;
const RUNS = 3_000;
const KEY = 'key-fuzz';
const HMAC_SECRET = 'fuzz-hmac-secret';
const TOKEN = 'fuzz-token';

let hub: TestHub;
let client: Client;

beforeAll(async () => {
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('fuzz'),
    tenants: [
      {
        id: 'fuzz',
        namespace: 'barrage-fuzz',
        apiKeys: [KEY],
        // Events of other types are routed nowhere: the read-back case posts both kinds.
        destinations: [destination('d', 'http://127.0.0.1:9/never', { events: ['fuzz.*'] })],
        sources: [
          {
            id: 'fz-hmac',
            eventType: { jsonPath: '$.type' },
            idempotencyKey: { jsonPath: '$.id' },
            verify: { type: 'hmac-sha256', header: 'X-Sig', secret: HMAC_SECRET },
          },
          { id: 'fz-token', eventType: { header: 'X-Type' }, idempotencyKey: { header: 'X-Key' }, token: TOKEN },
        ],
      },
    ],
    raw: { server: { port: 0, maxBodyBytes: 65_536, headersTimeout: '2s', requestTimeout: '4s' } },
  });
  // The receiver alone: nothing may start, so nothing needs a worker.
  hub = await startHub(config, ['receiver']);
  client = await temporalClient(testTemporalAddress(), 'barrage-fuzz');
});

afterAll(async () => {
  await hub?.stop();
  await client?.connection.close();
});

type Template =
  | '/v1/events'
  | '/v1/events/{id}'
  | '/v1/events/{id}/attempts'
  | '/v1/events/{id}/retry'
  | '/v1/events/{id}/cancel'
  | '/v1/events/batch'
  | '/v1/sources/{sourceId}';

interface FuzzRequest {
  method: string;
  template: Template;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const pathParam = fc.oneof(
  fc.constantFrom('evt_0123456789abcdef0123456789', '%', '%zz', '%E0%A4%A', '%ff', '%00', '%2F', '..', '%2e%2e', '%%', 'evt_%'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.string({ minLength: 1, maxLength: 6 }).map((s) => `%${encodeURIComponent(s)}`),
  fc.integer({ min: 1, max: 3_000 }).map((n) => 'a'.repeat(n)),
);

const route = fc.oneof(
  fc.constant(['POST', '/v1/events' as Template, '/v1/events'] as const),
  fc.constant(['POST', '/v1/events/batch' as Template, '/v1/events/batch'] as const),
  pathParam.map((p) => ['GET', '/v1/events/{id}' as Template, `/v1/events/${p}`] as const),
  pathParam.map((p) => ['GET', '/v1/events/{id}/attempts' as Template, `/v1/events/${p}/attempts`] as const),
  pathParam.map((p) => ['POST', '/v1/events/{id}/retry' as Template, `/v1/events/${p}/retry`] as const),
  pathParam.map((p) => ['POST', '/v1/events/{id}/cancel' as Template, `/v1/events/${p}/cancel`] as const),
  fc
    .oneof(fc.constantFrom('fz-hmac', 'fz-token', `fz-token?token=${TOKEN}`, 'fz-token?token=wrong'), pathParam)
    .map((p) => ['POST', '/v1/sources/{sourceId}' as Template, `/v1/sources/${p}`] as const),
);

const method = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS', 'HEAD') },
);

// Mostly the right key, so most requests get past authentication to the body and its checks.
const authorization = fc.option(
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${KEY}`) },
    fc.constantFrom('Bearer wrong', 'Basic dXNlcjpwdw==', 'Bearer', `bearer  ${KEY} x`, 'Bearer ' + 'k'.repeat(20_000)),
    fc.string({ maxLength: 60 }),
  ),
  { freq: 8 },
);

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=utf-16le',
      'application/json; charset=klingon',
      'application/json; charset',
      'application/json;;;',
      'text/plain',
      'application/*',
      'application/cloudevents+json',
    ),
    fc.string({ maxLength: 40 }),
  ),
);

const encoders: Record<string, (b: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
const contentEncoding = fc.option(
  fc.record({
    name: fc.constantFrom('gzip', 'deflate', 'br', 'zstd', 'identity', 'gzip, br', 'compress', 'x'),
    // Encoded for real, or only labelled so.
    real: fc.boolean(),
  }),
);

const body = fc.option(
  fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.json({ maxDepth: 4 }).chain((t) => fc.nat(t.length).map((n) => t.slice(0, n))),
    fc
      .tuple(fc.integer({ min: 65, max: 12_000 }), fc.constantFrom('[', '{"a":'))
      .map(([n, open]) => `{"type":"a.b","data":${open.repeat(n)}`),
    fc
      .record({ type: fc.oneof(fc.integer(), fc.constant(null), fc.string(), fc.array(fc.string())), data: fc.jsonValue() })
      .map((e) => JSON.stringify(e)),
    fc.uint8Array({ maxLength: 2_000 }).map((a) => Buffer.from(a)),
    fc.constant('x'.repeat(70_000)),
  ),
);

const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom('', '   ', '\u0001', 'v'.repeat(17_000), 'é', '99999999999', '100-continue'),
);
const extraHeaders = fc.array(
  fc.tuple(fc.constantFrom('Idempotency-Key', 'X-Sig', 'X-Type', 'X-Key', 'X-Odd', 'Content-Length', 'Expect'), headerValue),
  { maxLength: 2 },
);

/** No generated request may be valid: a string `type` is made invalid before it is signed. */
function neverValid(body: string | Buffer): Buffer {
  if (Buffer.isBuffer(body)) return body;
  const text = body;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { type?: unknown }).type === 'string') {
      return Buffer.from(JSON.stringify({ ...parsed, type: 'not a type' }));
    }
    // A batch is refused whole when it is empty.
    if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { events?: unknown }).events)) {
      return Buffer.from(JSON.stringify({ ...parsed, events: [] }));
    }
  } catch {
    // not JSON: invalid as it is
  }
  return Buffer.from(text);
}

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({ route, method, authorization, contentType, contentEncoding, body, extraHeaders, sign: fc.boolean() })
  .map((r) => {
    const headers: Record<string, string> = {};
    let bytes = r.body === null ? undefined : neverValid(r.body);
    if (r.authorization !== null) headers.authorization = r.authorization;
    if (r.contentType !== null) headers['content-type'] = r.contentType;
    for (const [name, value] of r.extraHeaders) headers[name] = value.replace(/[\r\n]/g, '');
    if (bytes !== undefined && r.sign) headers['X-Sig'] = createHmac('sha256', HMAC_SECRET).update(bytes).digest('base64');
    if (r.route[2].startsWith(`/v1/sources/fz-token?token=${TOKEN}`)) headers['X-Type'] = 'not a type';
    if (r.contentEncoding) {
      headers['content-encoding'] = r.contentEncoding.name;
      const encode = encoders[r.contentEncoding.name];
      if (bytes && encode && r.contentEncoding.real) bytes = encode(bytes);
    }
    return { method: r.method ?? r.route[0], template: r.route[1], path: r.route[2], headers, body: bytes };
  });

const operations = openApiDocument().paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;

function declared(request: FuzzRequest, status: number): boolean {
  const operation = operations[request.template]?.[request.method === 'HEAD' ? 'get' : request.method.toLowerCase()];
  // 405/204 answer methods the path has no operation for; there is nothing to declare them on.
  return operation === undefined || String(status) in operation.responses;
}

test(`${RUNS} generated malformed requests: only 4xx, JSON errors with a code, declared statuses, nothing started`, async () => {
  const before = (await client.workflow.count()).count;
  const seen = new Map<number, number>();
  const codes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fuzzRequest, async (request) => {
      const bytes = httpRequest(request.method, request.path, request.headers, request.body);
      const res = await rawRequest(hub.url, bytes, { untilResponse: true, head: request.method === 'HEAD', timeoutMs: 8_000 });
      seen.set(res.status ?? 0, (seen.get(res.status ?? 0) ?? 0) + 1);
      const code = errorCodeOf(res) ?? '(no body)';
      codes.set(code, (codes.get(code) ?? 0) + 1);
      expect(res.status).toBeDefined();
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(500);
      // Reads (GET /v1/events lists) may succeed; nothing that could start a workflow may.
      const read = request.method === 'GET' || request.method === 'HEAD';
      expect(read ? [202] : [200, 202]).not.toContain(res.status);
      // Every error answer but a HEAD's carries the JSON error shape.
      if (request.method !== 'HEAD' && res.status! >= 400) {
        expect({ body: res.body, code: errorCodeOf(res) }).toEqual({ body: res.body, code: expect.any(String) });
      }
      expect({
        at: `${request.method} ${request.template}`,
        status: res.status,
        declared: declared(request, res.status!),
      }).toEqual({
        at: `${request.method} ${request.template}`,
        status: res.status,
        declared: true,
      });
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  const tally = (m: Map<unknown, number>) => JSON.stringify(Object.fromEntries([...m].sort()));
  console.log(`[fuzz] ${RUNS} requests; by status ${tally(seen)}; by code ${tally(codes)}`);
  // The run must have reached each layer (parser, auth, body reading, validation), or it tested less than it claims.
  for (const status of [400, 401, 404, 405, 413, 415, 431]) expect(seen.get(status)).toBeGreaterThan(0);
  for (const code of ['invalid_json', 'invalid_request', 'invalid_encoding', 'invalid_signature', 'unauthorized']) {
    expect(codes.get(code)).toBeGreaterThan(0);
  }

  await new Promise((r) => setTimeout(r, 500));
  expect((await client.workflow.count()).count).toBe(before);
  const valid = await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'fuzz.after', data: { ok: true } } });
  expect(valid.status).toBe(202);
  await eventually(async () => ((await client.workflow.count()).count === before + 1 ? true : undefined), 10_000, 'the count');
});

// Valid events, generated, each read back at once: what was accepted can be read, whether or not
// a destination took it (the receiver alone runs, so routed deliveries stay pending).
const validEvent = fc.record(
  {
    type: fc.tuple(fc.constantFrom('fuzz', 'unrouted'), fc.stringMatching(/^[a-z0-9_]{1,12}$/)).map(([p, s]) => `${p}.${s}`),
    id: fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/).map((s) => `rb-${s}`),
    data: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: ['type', 'data'] },
);

test('valid events, generated, are read back as they were accepted (routed or not)', async () => {
  await fc.assert(
    fc.asyncProperty(validEvent, async (event) => {
      const posted = await api(`${hub.url}/v1/events`, { key: KEY, body: event });
      expect([200, 202]).toContain(posted.status);
      const routed = event.type.startsWith('fuzz.');
      expect(posted.body.destinations).toEqual(posted.body.duplicate ? expect.any(Array) : routed ? ['d'] : []);
      const read = await api(`${hub.url}/v1/events/${encodeURIComponent(posted.body.id)}`, { key: KEY });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: posted.body.id, type: posted.body.type });
      expect(read.body.destinations.map((d: { destination: string }) => d.destination)).toEqual(posted.body.destinations);
      if (posted.body.destinations.length === 0) expect(read.body.status).toBe('delivered');
      const attempts = await api(`${hub.url}/v1/events/${encodeURIComponent(posted.body.id)}/attempts`, { key: KEY });
      expect(attempts).toMatchObject({ status: 200, body: { id: posted.body.id, attempts: [] } });
    }),
    { seed: SEED, numRuns: 40, endOnFailure: true },
  );
});
