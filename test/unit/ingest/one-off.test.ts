// A one-off delivery request becomes one sealed plan: checked like an http destination, refused
// for a private address unless allowed, and sealed so that only its own event opens it.
import { sealedTargetBinding } from '../../../src/contracts';
import { withoutAddress } from '../../../src/deliveries/targets';
import { oneOffRequest, TARGET_ID } from '../../../src/ingest/one-off';
import { configSnapshot } from '../../../src/registry/load';
import { createSecretBox, newEncryptionKey } from '../../../src/store/secret-box';
import { destination, testConfig } from '../../helpers/config';

const config = testConfig({
  address: '127.0.0.1:7233',
  taskQueue: 'q',
  tenants: [{ id: 'acme', apiKeys: ['k'], destinations: [destination('dlq', 'http://127.0.0.1:9/dlq')] }],
});
const tenant = configSnapshot(config).tenant('acme')!;
const box = createSecretBox(newEncryptionKey());
const ctx = { tenant, box, allowPrivateDestinations: true };

test('the plan carries the sealed address, its own retry and timeout, and the registered dead letter', () => {
  const req = oneOffRequest(
    {
      id: 'e1',
      to: { url: 'http://127.0.0.1:9/x?token=t', headers: { 'x-key': 'v' }, timeout: '3s' },
      data: { a: 1 },
      deadLetter: 'dlq',
    },
    ctx,
  );
  const plan = req.destinations![0];
  expect(plan).toMatchObject({ destinationId: TARGET_ID, timeoutMs: 3000, deadLetter: { destinationId: 'dlq' } });
  expect(JSON.stringify(req)).not.toContain('token=t');
  expect(JSON.parse(box.open(plan.target!.sealed, sealedTargetBinding('acme', 'e1', TARGET_ID)))).toEqual({
    url: 'http://127.0.0.1:9/x?token=t',
    headers: { 'x-key': 'v' },
  });
  // Bound to its event: the same ciphertext in another event's input does not open.
  expect(() => box.open(plan.target!.sealed, sealedTargetBinding('acme', 'e2', TARGET_ID))).toThrow();
  expect(req).toMatchObject({ source: 'deliveries', eventType: 'delivery', eventId: 'e1', idempotencyKey: 'e1' });
});

test.each(['http://127.0.0.1:8080/', 'http://[::1]/', 'http://localhost/x'])(
  'a private address %s is refused while allowPrivateDestinations is false',
  (url) => {
    expect(() => oneOffRequest({ to: { url }, data: {} }, { ...ctx, allowPrivateDestinations: false })).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'destination_not_allowed',
        details: [expect.objectContaining({ path: 'to.url' })],
      }),
    );
  },
);

test('without an id the Idempotency-Key decides the event id, the same key the same id', () => {
  const a = oneOffRequest({ to: { url: 'http://127.0.0.1:9/' }, data: {} }, { ...ctx, idempotencyKey: 'k1' });
  const b = oneOffRequest({ to: { url: 'http://127.0.0.1:9/' }, data: {} }, { ...ctx, idempotencyKey: 'k1' });
  expect(a.eventId).toBe(b.eventId);
  expect(() => oneOffRequest({ id: 'x', to: { url: 'http://127.0.0.1:9/' }, data: {} }, { ...ctx, idempotencyKey: 'y' })).toThrow(
    expect.objectContaining({ status: 400 }),
  );
});

test('an inline dead letter is held to the same address rule (pure: nothing connects)', () => {
  const request = { to: { url: 'https://hooks.invalid/' }, data: {}, deadLetter: { url: 'http://127.0.0.1:9/dead' } };
  expect(() => oneOffRequest(request, { ...ctx, allowPrivateDestinations: false })).toThrow(
    expect.objectContaining({ code: 'destination_not_allowed', details: [expect.objectContaining({ path: 'deadLetter.url' })] }),
  );
  expect(oneOffRequest(request, ctx).destinations![0].deadLetter).toMatchObject({ destinationId: 'deadLetter' });
});

test.each([
  ['connect ECONNREFUSED 127.0.0.1:9', 'http://127.0.0.1:9/x', 'connect ECONNREFUSED <target>'],
  ['getaddrinfo ENOTFOUND hooks.invalid', 'https://hooks.invalid/a?t=1', 'getaddrinfo ENOTFOUND <target>'],
  ['connect ECONNREFUSED ::1:8080', 'http://[::1]:8080/', 'connect ECONNREFUSED <target>'],
  [
    'Connect Timeout Error (attempted address: hooks.invalid:443, timeout: 10000ms)',
    'https://hooks.invalid/',
    'Connect Timeout Error (attempted address: <target>:443, timeout: 10000ms)',
  ],
  ['HTTP 503', 'http://127.0.0.1:9/x', 'HTTP 503'],
])('attempt text %s loses the address', (text, url, expected) => {
  expect(withoutAddress(text, url)).toBe(expected);
});
