import { createHmac } from 'node:crypto';
import { parseConfig, type HttpSourceConfig } from '../../../../src/config';
import { signatureHeader } from '../../../../src/delivery/signature';
import { extractEventType, extractKey, verifySource, type RawRequest } from '../../../../src/sources/http/inbound';
import { lazyJson, payloadFromBytes } from '../../../../src/sources/payload';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const config = parseConfig(
  `
tenants:
  - id: acme
    apiKeys: [key-a]
    sources:
      - { id: hmac, eventType: { header: X-Topic }, verify: { type: hmac-sha256, header: X-Sig, secret: s3, encoding: hex } }
      - { id: sw, eventType: { jsonPath: $.type }, idempotencyKey: { jsonPath: $.data.id }, verify: { type: standard-webhooks, secret: "${SECRET}" } }
      - { id: tokened, eventType: { fixed: t.e }, token: tok }
`,
  {},
);
const source = (id: string) => config.tenants[0].sources.find((s) => s.id === id) as HttpSourceConfig;
const NOW = 1_700_000_000_000;
const req = (body: string, headers: Record<string, string> = {}, query: Record<string, string> = {}): RawRequest => ({
  body: Buffer.from(body),
  headers,
  query,
});

describe('source verification', () => {
  test('hmac-sha256 over the raw body', () => {
    const body = '{"a":1}';
    const good = createHmac('sha256', 's3').update(body).digest('hex');
    expect(verifySource(source('hmac'), req(body, { 'x-sig': good }), NOW)).toEqual({ ok: true });
    expect(verifySource(source('hmac'), req(body + ' ', { 'x-sig': good }), NOW)).toEqual({
      ok: false,
      reason: 'signature mismatch',
    });
    expect(verifySource(source('hmac'), req(body), NOW)).toEqual({ ok: false, reason: 'missing X-Sig header' });
  });

  test('standard-webhooks headers', () => {
    const body = '{"type":"x.y"}';
    const ts = Math.floor(NOW / 1000);
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(ts),
      'webhook-signature': signatureHeader([SECRET], { id: 'msg_1', timestampSeconds: ts, body }),
    };
    expect(verifySource(source('sw'), req(body, headers), NOW)).toEqual({ ok: true });
    expect(verifySource(source('sw'), req(body, { ...headers, 'webhook-id': 'msg_2' }), NOW).ok).toBe(false);
  });

  test('unsigned sources need their own token in the URL, never an API key', () => {
    expect(verifySource(source('tokened'), req('x'), NOW)).toEqual({
      ok: false,
      reason: 'missing ?token= (this source has no signature check)',
    });
    expect(verifySource(source('tokened'), req('x', {}, { token: 'key-a' }), NOW)).toEqual({
      ok: false,
      reason: 'wrong token',
    });
    expect(verifySource(source('tokened'), req('x', {}, { token: 'tok' }), NOW)).toEqual({ ok: true });
  });
});

describe('extraction', () => {
  const r = req('{"type":"order.created","n":5,"data":{"id":42,"obj":{},"empty":"","t":true}}', {
    'x-topic': ' orders/create ',
    'x-blank': '   ',
  });
  const json = lazyJson(r.body);
  test.each([
    [{ header: 'X-Topic' }, 'orders/create'],
    [{ jsonPath: '$.type' }, 'order.created'],
    [{ jsonPath: '$.data.missing' }, undefined],
    [{ fixed: 'f.x' }, 'f.x'],
    [{ header: 'X-None' }, undefined],
    // The 400 says a string is expected, so a number is not taken as one.
    [{ jsonPath: '$.n' }, undefined],
  ])('event type %j → %j', (extractor, expected) => {
    expect(extractEventType(extractor, r, json)).toBe(expected);
  });

  test.each([
    [{ header: 'X-Topic' }, { kind: 'key', key: 'orders/create' }],
    [{ header: 'X-None' }, { kind: 'absent' }],
    [{ header: 'X-Blank' }, { kind: 'invalid', reason: 'header X-Blank is blank' }],
    [{ jsonPath: '$.data.id' }, { kind: 'key', key: '42' }],
    [{ jsonPath: '$.type' }, { kind: 'key', key: 'order.created' }],
    [{ jsonPath: '$.data.missing' }, { kind: 'absent' }],
    [{ jsonPath: '$.data.obj' }, { kind: 'invalid', reason: '$.data.obj must be a non-empty string or an integer' }],
    [{ jsonPath: '$.data.empty' }, { kind: 'invalid', reason: '$.data.empty must be a non-empty string or an integer' }],
    [{ jsonPath: '$.data.t' }, { kind: 'invalid', reason: '$.data.t must be a non-empty string or an integer' }],
  ])('idempotency key %j → %j', (extractor, expected) => {
    expect(extractKey(extractor, r, json)).toEqual(expected);
  });

  test('non-JSON bodies yield nothing for a jsonPath', () => {
    const raw = req('not json');
    expect(extractEventType({ jsonPath: '$.type' }, raw, lazyJson(raw.body))).toBeUndefined();
    expect(extractKey({ jsonPath: '$.id' }, raw, lazyJson(raw.body))).toEqual({ kind: 'absent' });
  });
});

describe('payloadFromBytes', () => {
  test('keeps text as text and binary as base64, byte-for-byte', () => {
    expect(payloadFromBytes(Buffer.from('héllo'), 'text/plain')).toEqual({
      contentType: 'text/plain',
      body: 'héllo',
      encoding: 'utf8',
    });
    const binary = Buffer.from([0xff, 0x00, 0xfe]);
    const payload = payloadFromBytes(binary, undefined);
    expect(payload).toEqual({ contentType: 'application/octet-stream', body: binary.toString('base64'), encoding: 'base64' });
    expect(Buffer.from(payload.body, payload.encoding).equals(binary)).toBe(true);
  });
});
