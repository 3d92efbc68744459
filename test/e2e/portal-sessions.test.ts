// The tenant portal's session rules over HTTP, on a real hub, Temporal and PostgreSQL: the
// one-time code, expiry and returnUrl, revocation, the CSRF token and Origin on every POST, the
// capabilities, tenant isolation (404, never data), escaping, and the security headers.
import { setTimeout as sleep } from 'node:timers/promises';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { csrfOf, getPage, mintSession, openLink, postForm, signedIn } from '../helpers/portal';
import { startDatabaseHub, type DatabaseHub } from '../helpers/registry';
import { eventually, startTestSink } from '../helpers/sink';

const KEY_A = 'key-portal-a';
const KEY_B = 'key-portal-b';
const ADMIN = 'admin-portal';
let hub: DatabaseHub;

beforeAll(async () => {
  hub = await startDatabaseHub(
    testConfig({
      address: testTemporalAddress(),
      taskQueue: uniqueName('portal'),
      tenants: [
        {
          id: 'portal_a',
          namespace: 'barrage-portal-a',
          apiKeys: [KEY_A],
          destinations: [destination('a-hooks', 'http://127.0.0.1:9/a')],
        },
        {
          id: 'portal_b',
          namespace: 'barrage-portal-b',
          apiKeys: [KEY_B],
          destinations: [destination('b-hooks', 'http://127.0.0.1:9/b')],
          portal: { brand: { name: 'Bee Hooks', primaryColor: '#0f766e' } },
        },
      ],
      raw: {
        portal: { enabled: true, brand: { name: 'Hub Hooks', theme: 'dark' } },
        security: { allowPrivateDestinations: true, adminApiKeys: [ADMIN] },
      },
    }),
  );
  // Config-file destinations are read-only through the API and the portal: this one is the API's.
  const made = await api(`${hub.url}/v1/destinations`, { key: KEY_A, body: { id: 'a-api', url: 'http://127.0.0.1:9/api' } });
  expect(made.status).toBe(201);
}, 60_000);

afterAll(() => hub?.stop());

test('the link opens once: its code becomes an HttpOnly SameSite cookie and leaves the address', async () => {
  const { url, expiresAt } = await mintSession(hub.url, KEY_A);
  expect(url).toMatch(new RegExp(`^${hub.url}/portal/login\\?code=pc_[A-Za-z0-9_-]{32}$`));
  expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(3_500_000);
  const opened = await openLink(url);
  expect(opened.status).toBe(303);
  expect(opened.location).toBe('/portal/endpoints');
  expect(opened.setCookie).toMatch(/^barrage_portal=pt_[A-Za-z0-9_-]{32}; Path=\/portal; Expires=.+; HttpOnly; SameSite=Lax$/);
  // Plain HTTP here: no Secure flag (it is set behind HTTPS), never Partitioned without frameAncestors.
  expect(opened.setCookie).not.toMatch(/Secure|Partitioned/);
  const page = await getPage(hub.url, '/portal/endpoints', opened.cookie);
  expect(page.status).toBe(200);
  expect(page.text).toContain('a-hooks');
  expect(page.text).not.toContain('b-hooks');
  const again = await openLink(url);
  expect(again.status).toBe(401);
  expect(again.setCookie).toBeUndefined();
});

test('every portal answer carries a CSP without inline script, no framing by default, no caching', async () => {
  const cookie = await signedIn(hub.url, KEY_A);
  for (const path of ['/portal/endpoints', '/portal/login?code=nope', '/portal/events/nope']) {
    const { headers } = await getPage(hub.url, path, cookie);
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('cache-control')).toBe('no-store');
  }
  const js = await getPage(hub.url, '/portal/assets/portal.js');
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toMatch(/javascript/);
});

test('a code past its 5 minutes (here the session’s 1 s) opens nothing', async () => {
  const { url } = await mintSession(hub.url, KEY_A, { ttl: '1s' });
  await sleep(1300);
  expect((await openLink(url)).status).toBe(401);
});

test('an expired session sends the browser to returnUrl; without one it says the session ended', async () => {
  const returnUrl = 'http://127.0.0.1:9/portal-expired';
  const cookie = await signedIn(hub.url, KEY_A, { ttl: '2s', returnUrl });
  expect((await getPage(hub.url, '/portal/endpoints', cookie)).status).toBe(200);
  const after = await eventually(async () => {
    const page = await getPage(hub.url, '/portal/endpoints', cookie);
    return page.status === 303 ? page : undefined;
  }, 10_000);
  expect(after.headers.get('location')).toBe(returnUrl);
  // A form sent after expiry is not redirected (its target is not the portal's own) but answered.
  const post = await postForm(hub.url, '/portal/endpoints/a-hooks/pause', cookie, { _csrf: 'x' });
  expect(post.status).toBe(401);
  expect(post.text).toContain(returnUrl);
});

test('DELETE /v1/portal-sessions ends every live session of the tenant, and only of that tenant', async () => {
  const [a1, a2, b] = await Promise.all([signedIn(hub.url, KEY_A), signedIn(hub.url, KEY_A), signedIn(hub.url, KEY_B)]);
  const revoked = await api(`${hub.url}/v1/portal-sessions`, { method: 'DELETE', key: KEY_A });
  expect(revoked.status).toBe(200);
  expect(revoked.body.revoked).toBeGreaterThanOrEqual(2);
  for (const cookie of [a1, a2]) {
    const page = await getPage(hub.url, '/portal/endpoints', cookie);
    expect(page.status).toBe(401);
    expect(page.text).toContain('Your session was ended');
  }
  expect((await getPage(hub.url, '/portal/endpoints', b)).status).toBe(200);
  // The admin route does the same for any tenant.
  const byAdmin = await api(`${hub.url}/v1/tenants/portal_b/portal-sessions`, { method: 'DELETE', key: ADMIN });
  expect(byAdmin.body.revoked).toBeGreaterThanOrEqual(1);
  expect((await getPage(hub.url, '/portal/endpoints', b)).status).toBe(401);
});

test('a POST without the session’s token, or from another origin, changes nothing (403)', async () => {
  const cookie = await signedIn(hub.url, KEY_A);
  const csrf = csrfOf((await getPage(hub.url, '/portal/endpoints', cookie)).text);
  const tries: { fields: Record<string, string>; origin: string | null | undefined }[] = [
    { fields: {}, origin: undefined },
    { fields: { _csrf: 'not-the-token' }, origin: undefined },
    { fields: { _csrf: csrf }, origin: 'http://127.0.0.2:4321' },
    { fields: { _csrf: csrf }, origin: null },
  ];
  for (const t of tries) {
    const res = await postForm(hub.url, '/portal/endpoints/a-api/pause', cookie, t.fields, t.origin);
    expect(res.status).toBe(403);
  }
  const destination = await api(`${hub.url}/v1/destinations/a-api`, { key: KEY_A });
  expect(destination.body.paused).toBe(false);
  // The same form with the token, from the portal's own origin, is carried out, then answered with
  // a redirect (a reload of the page it lands on sends nothing again).
  const done = await postForm(hub.url, '/portal/endpoints/a-api/pause', cookie, { _csrf: csrf });
  expect(done.status).toBe(303);
  expect(done.headers.get('location')).toBe('/portal/endpoints/a-api?done=pause');
  expect((await getPage(hub.url, '/portal/endpoints/a-api?done=pause', cookie)).text).toContain('Paused');
  expect((await api(`${hub.url}/v1/destinations/a-api`, { key: KEY_A })).body.paused).toBe(true);
  await postForm(hub.url, '/portal/endpoints/a-api/resume', cookie, { _csrf: csrf });
});

test('a read-only session sees no controls, and its forged POSTs get 403', async () => {
  const cookie = await signedIn(hub.url, KEY_A, { capabilities: ['read'] });
  const list = await getPage(hub.url, '/portal/endpoints', cookie);
  expect(list.text).not.toContain('Add endpoint');
  const detail = await getPage(hub.url, '/portal/endpoints/a-api', cookie);
  expect(detail.status).toBe(200);
  for (const control of ['Pause', 'Reveal secret', 'Rotate secret', 'Send test event', 'Replay failed', 'Edit'])
    expect(detail.text).not.toContain(control);
  // The slow figure is its own page (portal.js fills it in; a link without script).
  expect(detail.text).toContain('/portal/endpoints/a-api/waiting');
  const waiting = await getPage(hub.url, '/portal/endpoints/a-api/waiting', cookie);
  expect(waiting.status).toBe(200);
  expect(waiting.text).toMatch(/<span id="fill">\d+<\/span>/);
  const csrf = csrfOf(detail.text);
  const forged = [
    ['/portal/endpoints/a-api/pause', {}],
    ['/portal/endpoints/a-api/secret', {}],
    ['/portal/endpoints/a-api/test', {}],
    ['/portal/endpoints', { id: 'sneaky', url: 'http://127.0.0.1:9/x' }],
    ['/portal/endpoints/a-api/delete', {}],
  ] as const;
  for (const [path, fields] of forged) {
    const res = await postForm(hub.url, path, cookie, { ...fields, _csrf: csrf });
    expect(res.status).toBe(403);
  }
  expect((await getPage(hub.url, '/portal/endpoints/new', cookie)).status).toBe(403);
  expect((await api(`${hub.url}/v1/destinations/sneaky`, { key: KEY_A })).status).toBe(404);
});

test('another tenant’s endpoint, event or type is 404 in a session, never its data', async () => {
  const event = await api(`${hub.url}/v1/events`, { key: KEY_B, body: { type: 'secret.b', data: { only: 'tenant b' } } });
  expect(event.status).toBe(202);
  const cookie = await signedIn(hub.url, KEY_A);
  for (const path of [`/portal/events/${event.body.id}`, '/portal/endpoints/b-hooks', '/portal/endpoints/b-hooks/edit']) {
    const page = await getPage(hub.url, path, cookie);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('tenant b');
  }
  const own = await getPage(hub.url, `/portal/events/${event.body.id}`, await signedIn(hub.url, KEY_B));
  expect(own.status).toBe(200);
});

test('content from outside is escaped: a payload with markup renders as text', async () => {
  const data = { note: '<script>alert(1)</script><img src=x onerror=alert(2)>' };
  const event = await api(`${hub.url}/v1/events`, { key: KEY_A, body: { type: 'order.created', data } });
  const page = await getPage(hub.url, `/portal/events/${event.body.id}`, await signedIn(hub.url, KEY_A));
  expect(page.status).toBe(200);
  expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
  expect(page.text).not.toContain('<script>alert');
  expect(page.text).not.toContain('<img src=x');
});

test('minting checks its input, and who may mint for which tenant', async () => {
  const bad = [{ capabilities: ['everything'] }, { ttl: '25h' }, { returnUrl: 'javascript:alert(1)' }, { extra: true }];
  for (const body of bad) {
    const res = await api(`${hub.url}/v1/portal-sessions`, { key: KEY_A, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  }
  expect((await api(`${hub.url}/v1/tenants/portal_b/portal-sessions`, { key: ADMIN, body: {} })).status).toBe(201);
  expect((await api(`${hub.url}/v1/tenants/portal_b/portal-sessions`, { key: KEY_A, body: {} })).status).toBe(404);
  expect((await api(`${hub.url}/v1/portal-sessions`, { body: {} })).status).toBe(401);
});

test('with portal.enabled off, nothing is served and minting says so', async () => {
  const off = await startDatabaseHub(
    testConfig({
      address: testTemporalAddress(),
      taskQueue: uniqueName('portal-off'),
      tenants: [{ id: 'portal_off', namespace: 'barrage-portal-a', apiKeys: ['key-portal-off'], destinations: [] }],
    }),
  );
  try {
    const res = await api(`${off.url}/v1/portal-sessions`, { key: 'key-portal-off', body: {} });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('portal.enabled');
    expect((await getPage(off.url, '/portal/endpoints')).status).toBe(404);
  } finally {
    await off.stop();
  }
});

test('the hub’s brand, and a tenant’s own over it field by field', async () => {
  const a = await signedIn(hub.url, KEY_A);
  const pageA = await getPage(hub.url, '/portal/endpoints', a);
  expect(pageA.text).toContain('<title>Endpoints · Hub Hooks</title>');
  expect(pageA.text).toContain('data-theme="dark"');
  expect((await getPage(hub.url, '/portal/assets/brand.css', a)).text).not.toContain('--primary');
  const b = await signedIn(hub.url, KEY_B);
  const pageB = await getPage(hub.url, '/portal/endpoints', b);
  expect(pageB.text).toContain('<title>Endpoints · Bee Hooks</title>');
  expect(pageB.text).toContain('data-theme="dark"');
  const css = await getPage(hub.url, '/portal/assets/brand.css', b);
  expect(css.headers.get('content-type')).toMatch(/text\/css/);
  expect(css.text).toContain('--primary: #0f766e');
});

test('signing out ends the session on the server; deleting a tenant ends its sessions', async () => {
  const cookie = await signedIn(hub.url, KEY_A);
  const csrf = csrfOf((await getPage(hub.url, '/portal/endpoints', cookie)).text);
  expect((await postForm(hub.url, '/portal/logout', cookie, { _csrf: csrf })).status).toBe(200);
  // The same token sent again (as a copied cookie would be) opens nothing.
  expect((await getPage(hub.url, '/portal/endpoints', cookie)).status).toBe(401);

  const id = `portal_gone_${Date.now().toString(36)}`;
  expect((await api(`${hub.url}/v1/tenants`, { key: ADMIN, body: { id, namespace: 'barrage-portal-gone' } })).status).toBe(201);
  const gone = await openLink((await api(`${hub.url}/v1/tenants/${id}/portal-sessions`, { key: ADMIN, body: {} })).body.url);
  expect((await getPage(hub.url, '/portal/endpoints', gone.cookie)).status).toBe(200);
  expect((await api(`${hub.url}/v1/tenants/${id}`, { key: ADMIN, method: 'DELETE' })).status).toBe(200);
  // Revoked, not merely unknown: a tenant made again under this id would not inherit it.
  const after = await getPage(hub.url, '/portal/endpoints', gone.cookie);
  expect(after.status).toBe(401);
  expect(after.text).toContain('Your session was ended');
});

test('saving an edit keeps credentials the form shows as [redacted], and settings it did not change', async () => {
  const sink = await startTestSink();
  try {
    const made = {
      id: 'a-secret',
      url: sink.url,
      headers: { Authorization: 'Bearer real-token' },
      retry: { maximumAttempts: 3 },
    };
    expect((await api(`${hub.url}/v1/destinations`, { key: KEY_A, body: made })).status).toBe(201);
    const cookie = await signedIn(hub.url, KEY_A);
    const form = (await getPage(hub.url, '/portal/endpoints/a-secret/edit', cookie)).text;
    expect(form).toContain('[redacted]');
    expect(form).not.toContain('real-token');
    // The form sent back as shown, with only the description changed.
    const field = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form)?.[1] ?? '';
    const headers = /name="headers"[^>]*>([^<]*)<\/textarea>/.exec(form)?.[1] ?? '';
    const fields = {
      _csrf: csrfOf(form),
      url: field('url').replace(/&#39;/g, "'"),
      description: 'now described',
      moreEvents: field('moreEvents'),
      headers: headers.replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      filter: '',
      maximumAttempts: field('maximumAttempts'),
      initialInterval: field('initialInterval'),
      backoffCoefficient: field('backoffCoefficient'),
      maximumInterval: field('maximumInterval'),
      perSecond: '',
      burst: '',
    };
    const saved = await postForm(hub.url, '/portal/endpoints/a-secret/edit', cookie, fields);
    expect(saved.status).toBe(303);
    const view = (await api(`${hub.url}/v1/destinations/a-secret`, { key: KEY_A })).body;
    expect(view.description).toBe('now described');
    expect(view.retry.maximumAttempts).toBe(3);
    // The stored credentials are the real ones still: a delivery carries them.
    await api(`${hub.url}/v1/events`, { key: KEY_A, body: { type: 'secret.check', data: {} } });
    const [received] = await sink.waitFor(1);
    expect(received.headers.authorization).toBe('Bearer real-token');
    // Typing [redacted] into a changed header is refused by field, not stored.
    const refused = await postForm(hub.url, '/portal/endpoints/a-secret/edit', cookie, {
      ...fields,
      headers: 'Authorization: [redacted]\nX-New: 1',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('replace [redacted] with the value');
  } finally {
    await sink.close();
  }
});
