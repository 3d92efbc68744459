// The HTTP driver against real servers on 127.0.0.1: headers, signature, outcomes, guards.
import { parseConfig, type HttpDestinationConfig } from '../../../src/config';
import type { EventMeta } from '../../../src/contracts';
import { verify } from '../../../src/delivery/signature';
import { createHttpDriver, withoutCredentials } from '../../../src/destinations/http/driver';
import { startTestSink, type TestSink } from '../../helpers/sink';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const event: EventMeta = {
  eventId: 'evt_1',
  tenantId: 'acme',
  eventType: 'order.created',
  source: 'api',
  receivedAt: '2026-01-01T00:00:00Z',
};
const payload = { contentType: 'application/json', body: '{"n":1}', encoding: 'utf8' as const };

function destinationFor(url: string, extra = ''): HttpDestinationConfig {
  const config = parseConfig(
    `tenants: [{ id: a, apiKeys: [k], destinations: [{ id: d, url: "${url}", secret: "${SECRET}", headers: { X-Team: billing, Webhook-Id: spoofed }${extra} }] }]`,
    {},
  );
  return config.tenants[0].destinations[0] as HttpDestinationConfig;
}

describe('HTTP destination driver', () => {
  let sink: TestSink;
  const open = createHttpDriver({ allowPrivateDestinations: true, userAgent: 'Barrage/test' });
  const guarded = createHttpDriver({ allowPrivateDestinations: false, userAgent: 'Barrage/test' });
  beforeEach(async () => (sink = await startTestSink()));
  afterEach(() => sink.close());
  afterAll(async () => {
    await open.close?.();
    await guarded.close?.();
  });

  const deliver = (driver = open, url = sink.url, extra = '', timeoutMs = 2000) =>
    driver.deliver({
      event,
      payload,
      attempt: 3,
      timeoutMs,
      deliveryId: `${event.eventId}~d1`,
      destination: destinationFor(url, extra),
    });

  test('credentials in the URL are sent as Basic auth and left out of the request URL', async () => {
    const port = new URL(sink.url).port;
    const result = await deliver(open, `http://ali%20ce:s%3Acret@127.0.0.1:${port}/with-creds?x=1`);
    expect(result.outcome).toBe('delivered');
    const [received] = sink.received;
    expect(received.path).toBe('/with-creds?x=1');
    expect(received.headers.authorization).toBe(`Basic ${Buffer.from('ali ce:s:cret').toString('base64')}`);
    expect(withoutCredentials(`http://127.0.0.1:${port}/plain`)).toEqual({ url: `http://127.0.0.1:${port}/plain` });
  });

  test('posts the payload with Standard Webhooks headers that verify', async () => {
    const result = await deliver();
    expect(result).toMatchObject({ outcome: 'delivered', statusCode: 200 });
    const [got] = sink.received;
    expect(got.body.toString()).toBe('{"n":1}');
    expect(got.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': 'evt_1',
      'barrage-event-type': 'order.created',
      'barrage-attempt': '3',
      'user-agent': 'Barrage/test',
      'x-team': 'billing',
    });
    const check = verify([SECRET], {
      id: 'evt_1',
      timestampSeconds: Number(got.headers['webhook-timestamp']),
      body: got.body,
      signatureHeader: String(got.headers['webhook-signature']),
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    expect(check).toEqual({ ok: true });
  });

  test('a 503 with Retry-After is retryable with the wait carried as data', async () => {
    sink.respond = () => ({ status: 503, headers: { 'retry-after': '7' }, body: 'busy' });
    expect(await deliver()).toEqual({
      outcome: 'retryable',
      statusCode: 503,
      error: 'HTTP 503',
      retryAfterMs: 7000,
      responseExcerpt: 'busy',
    });
  });

  test('a redirect is not followed and fails the delivery', async () => {
    sink.respond = () => ({ status: 302, headers: { location: sink.url + '/elsewhere' } });
    expect(await deliver()).toMatchObject({ outcome: 'permanent', statusCode: 302, error: 'redirect 302 not followed' });
    expect(sink.received).toHaveLength(1);
  });

  test('the response excerpt is bounded to 4 KiB', async () => {
    sink.respond = () => ({ status: 500, body: 'x'.repeat(10_000) });
    const result = await deliver();
    expect(result.outcome).toBe('retryable');
    expect(result.responseExcerpt).toHaveLength(4096);
  });

  test('a destination slower than the timeout is a retryable failure', async () => {
    sink.respond = () => ({ status: 200, delayMs: 1500 });
    const result = await deliver(open, sink.url, '', 300);
    expect(result.outcome).toBe('retryable');
    expect(result.error).toMatch(/timeout|aborted/i);
  });

  test('connection refused is retryable', async () => {
    const url = sink.url;
    await sink.close();
    expect((await deliver(open, url)).outcome).toBe('retryable');
  });

  test('the SSRF guard refuses loopback IP literals', async () => {
    const result = await deliver(guarded);
    expect(result).toMatchObject({ outcome: 'permanent' });
    expect(result.error).toMatch(/non-public address 127\.0\.0\.1/);
    expect(sink.received).toHaveLength(0);
  });

  test('the SSRF guard checks the resolved address at connect time (a name for 127.0.0.1)', async () => {
    const result = await deliver(guarded, sink.url.replace('127.0.0.1', 'localhost'));
    expect(result.outcome).toBe('permanent');
    expect(result.error).toMatch(/localhost resolves to non-public address/);
    expect(sink.received).toHaveLength(0);
  });
});
