// What management answers may show, how their lists page, and which URL hosts the write-time
// SSRF guard refuses (literals only: names are checked when they resolve).
import { isRefusedUrlHost } from '../../../src/delivery/ssrf';
import { InvalidPageCursorError, pageOf } from '../../../src/management/pages';
import { REDACTED, redact } from '../../../src/management/redact';

test('credentials are redacted wherever they sit; everything else is shown as is', () => {
  expect(
    redact({
      url: 'https://user:pa55@hooks.example/x',
      headers: { Authorization: 'Bearer t', 'X-Api-Key': 'k', 'X-Team': 'blue', 'X-Auth-Token': 't2' },
      secretAccessKey: 'aws',
      accessKeyId: 'AKIA',
      librdkafka: { 'sasl.password': 'p', 'sasl.username': 'u', 'security.protocol': 'SASL_SSL' },
      events: ['a.*'],
    }),
  ).toEqual({
    url: `https://user:${encodeURIComponent(REDACTED)}@hooks.example/x`,
    headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED, 'X-Team': 'blue', 'X-Auth-Token': REDACTED },
    secretAccessKey: REDACTED,
    accessKeyId: 'AKIA',
    librdkafka: { 'sasl.password': REDACTED, 'sasl.username': REDACTED, 'security.protocol': 'SASL_SSL' },
    events: ['a.*'],
  });
});

test('pages are sorted by id; the cursor continues after the last one; a forged cursor is refused', () => {
  const items = ['c', 'a', 'b.2', 'b'].map((id) => ({ id }));
  const first = pageOf(items, 2);
  expect(first.items.map((i) => i.id)).toEqual(['a', 'b']);
  const second = pageOf(items, 2, first.nextCursor);
  expect(second).toEqual({ items: [{ id: 'b.2' }, { id: 'c' }] });
  expect(() => pageOf(items, 2, '_w')).toThrow(InvalidPageCursorError);
  expect(() => pageOf(items, 2, '')).toThrow(InvalidPageCursorError);
});

test.each([
  ['localhost', true],
  ['api.localhost', true],
  ['127.0.0.1', true],
  ['10.2.3.4', true],
  ['169.254.169.254', true],
  ['[::1]', true],
  ['[::ffff:7f00:1]', true],
  ['[fd00::1]', true],
  ['hooks.example.com', false],
  ['93.184.216.34', false],
  ['[2606:4700::1111]', false],
])('write-time guard: %s refused = %s', (host, refused) => {
  expect(isRefusedUrlHost(new URL(`http://${host}/`).hostname)).toBe(refused);
});
