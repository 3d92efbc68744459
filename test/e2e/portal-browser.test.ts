// The tenant portal in a real headless Chromium, against a real hub, Temporal and PostgreSQL:
// a person opens a minted link, adds an endpoint, sends it a test event that a loopback receiver
// refuses, sees the attempt, fixes the receiver, retries, filters the log, replays; and what a
// read-only session, another tenant, a hostile payload and a framing page get. axe-core checks
// every page for serious and critical accessibility violations.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { launchChromium, seriousViolations } from '../helpers/browser';
import { mintSession } from '../helpers/portal';
import { startDatabaseHub, type DatabaseHub } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY_A = 'key-browser-a';
const KEY_B = 'key-browser-b';
let hub: DatabaseHub;
let sink: TestSink;
let browser: Browser;
let sinkStatus = 500;
const hosts: { allowed?: Host; other?: Host } = {};
const violations: string[] = [];

interface Host {
  origin: string;
  server: Server;
}

/** A page on another loopback origin that frames whatever ?src= names. */
async function startHost(): Promise<Host> {
  const server = createServer((req, res) => {
    const asked = new URL(req.url ?? '/', 'http://127.0.0.1');
    // A page with a known violation (an unlabelled field), to show the accessibility check finds one.
    if (asked.pathname === '/unlabelled')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bad</title><input type="text">');
    const src = asked.searchParams.get('src') ?? '';
    const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><title>host</title><iframe src="${attr}" title="portal" width="1000" height="700"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

beforeAll(async () => {
  sink = await startTestSink(() =>
    sinkStatus === 500 ? { status: 500, body: 'boom: the receiver is down for maintenance' } : { status: 200, body: 'ok' },
  );
  hosts.allowed = await startHost();
  hosts.other = await startHost();
  hub = await startDatabaseHub(
    testConfig({
      address: testTemporalAddress(),
      taskQueue: uniqueName('portal-browser'),
      tenants: [
        { id: 'browser_a', namespace: 'barrage-browser-a', apiKeys: [KEY_A], destinations: [] },
        { id: 'browser_b', namespace: 'barrage-browser-b', apiKeys: [KEY_B], destinations: [] },
      ],
      raw: {
        portal: {
          enabled: true,
          frameAncestors: [hosts.allowed.origin],
          brand: { name: 'Acme Webhooks', primaryColor: '#5b21b6' },
        },
        security: { allowPrivateDestinations: true },
      },
    }),
  );
  const type = { name: 'order.created', description: 'an order was placed', schema: { type: 'object' }, example: { id: 1 } };
  expect((await api(`${hub.url}/v1/event-types`, { key: KEY_A, body: type })).status).toBe(201);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  await sink?.close();
  for (const host of Object.values(hosts)) await new Promise((resolve) => host?.server.close(resolve));
});

afterAll(() => {
  // Every page a test visited was checked; all findings are reported together.
  expect(violations).toEqual([]);
});

async function signIn(key: string, capabilities?: string[]): Promise<Page> {
  const { url } = await mintSession(hub.url, key, capabilities ? { capabilities } : {});
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  return page;
}

async function checked(page: Page): Promise<void> {
  violations.push(...(await seriousViolations(page)));
}

test('open a link, add an endpoint, see a refused test attempt, fix the receiver, retry: delivered', async () => {
  const page = await signIn(KEY_A);
  // The one-time code is gone from the address bar.
  expect(page.url()).toBe(`${hub.url}/portal/endpoints`);
  await expect(page.getByRole('heading', { name: 'Endpoints' }).isVisible()).resolves.toBe(true);
  await checked(page);

  await page.getByRole('link', { name: 'Add endpoint' }).click();
  await checked(page);
  await page.getByLabel('Endpoint id').fill('orders');
  await page.getByLabel('URL').fill(`${sink.url}/orders`);
  await page.getByLabel('Description').fill('Order events for the <b>warehouse</b>');
  await page.getByRole('checkbox', { name: 'order.created' }).check();
  await page.getByLabel('First wait').fill('1m');
  await page.getByRole('button', { name: 'Create endpoint' }).click();
  await page.waitForURL(/\/portal\/endpoints\/orders/);
  await expect(page.getByRole('heading', { name: 'orders', level: 1 }).isVisible()).resolves.toBe(true);
  expect(await page.getByText('Order events for the <b>warehouse</b>').count()).toBe(1);
  await checked(page);

  await page.getByRole('button', { name: 'Send test event' }).click();
  const outcome = page.locator('#test-h ~ .notice');
  await outcome.waitFor();
  expect(await outcome.textContent()).toContain('HTTP 500');
  expect(await outcome.textContent()).toContain('boom: the receiver is down for maintenance');

  await outcome.getByRole('link').click();
  await page.waitForURL(/\/portal\/events\/evt_/);
  const attempts = page.locator('table.attempts');
  expect(await attempts.textContent()).toContain('500');
  expect(await attempts.textContent()).toContain('boom: the receiver is down');
  await checked(page);

  sinkStatus = 200;
  await page.getByRole('button', { name: 'Retry now' }).click();
  await expect(page.getByText('Retrying: orders').isVisible()).resolves.toBe(true);
  const eventUrl = page.url().replace(/\/retry$/, '');
  await eventually(
    async () => {
      await page.goto(eventUrl);
      return (await page.locator('h1 + .badge').textContent()) === 'delivered' ? true : undefined;
    },
    20_000,
    'the delivery shows delivered',
  );
  expect(await page.locator('table.attempts tbody tr').count()).toBe(2);
});

test('the event log filters by status, type and endpoint, and opens an event by id', async () => {
  const sent = await api(`${hub.url}/v1/events`, { key: KEY_A, body: { type: 'order.created', data: { n: 7 } } });
  await sink.waitFor(3);
  const page = await signIn(KEY_A);
  await page.getByRole('link', { name: 'Event log' }).click();
  await checked(page);
  await page.getByLabel('Status').selectOption('delivered');
  await page.getByLabel('Endpoint').fill('orders');
  await page.getByRole('button', { name: 'Filter' }).click();
  await eventually(
    async () => {
      await page.reload();
      return (await page.locator('table.list').textContent())?.includes(sent.body.id) ? true : undefined;
    },
    15_000,
    'the delivered event is listed',
  );
  expect(page.url()).toContain('status=delivered');
  await page.getByLabel('Status').selectOption('failed');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('No events match.').isVisible()).resolves.toBe(true);
  await page.getByLabel('Event id').fill(sent.body.id);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.waitForURL(new RegExp(`/portal/events/${sent.body.id}$`));
  expect(await page.locator('pre.payload').textContent()).toContain('"n": 7');
});

test('replay failed since a time: a preview of how many, then the replay’s progress', async () => {
  sinkStatus = 500;
  const made = { id: 'fragile', url: `${sink.url}/fragile`, events: ['order.*'], retry: { maximumAttempts: 1 } };
  expect((await api(`${hub.url}/v1/destinations`, { key: KEY_A, body: made })).status).toBe(201);
  const sent = await api(`${hub.url}/v1/events`, { key: KEY_A, body: { type: 'order.cancelled', data: { n: 8 } } });
  await eventually(
    async () => {
      const ev = await api(`${hub.url}/v1/events/${sent.body.id}`, { key: KEY_A });
      const delivery = (ev.body.destinations as { destination: string; status: string }[]).find(
        (d) => d.destination === 'fragile',
      );
      return delivery?.status === 'failed' ? true : undefined;
    },
    20_000,
    'the delivery to fragile fails',
  );
  sinkStatus = 200;
  const page = await signIn(KEY_A);
  await page.goto(`${hub.url}/portal/endpoints/fragile`);
  await page.getByLabel('Failed since (UTC)').fill(new Date(Date.now() - 3_600_000).toISOString().slice(0, 16));
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = await eventually(
    async () => {
      const text = (await page.locator('#replay-h ~ .notice').textContent()) ?? '';
      if (text.includes('Up to 1 ')) return text;
      await page.reload();
      return undefined;
    },
    15_000,
    'the preview counts the failed delivery',
  );
  expect(preview).toContain('failed deliveries');
  await checked(page);
  await page.getByRole('button', { name: 'Replay 1' }).click();
  await page.waitForURL(/\/portal\/replays\/rpl_/);
  await checked(page);
  // The page refreshes itself while the replay runs (portal.js), and says when it is done.
  await page.getByText('completed').waitFor({ timeout: 20_000 });
  expect(await page.locator('dl.figures').textContent()).toMatch(/Sent again\s*1/);
});

test('a read-only session shows no action controls, and its forged POSTs get 403', async () => {
  const page = await signIn(KEY_A, ['read']);
  expect(await page.getByRole('link', { name: 'Add endpoint' }).count()).toBe(0);
  await page.getByRole('link', { name: 'orders' }).click();
  for (const name of ['Pause', 'Disable', 'Reveal secret', 'Rotate secret', 'Send test event', 'Preview'])
    expect(await page.getByRole('button', { name }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
  const csrf = await page.locator('input[name=_csrf]').first().inputValue();
  for (const path of ['/portal/endpoints/orders/pause', '/portal/endpoints/orders/secret', '/portal/endpoints/orders/test']) {
    const res = await page.request.post(`${hub.url}${path}`, { form: { _csrf: csrf }, headers: { origin: hub.url } });
    expect(res.status()).toBe(403);
  }
  expect((await api(`${hub.url}/v1/destinations/orders`, { key: KEY_A })).body.paused).toBe(false);
});

test('tenant B’s session opening tenant A’s event gets 404', async () => {
  const sent = await api(`${hub.url}/v1/events`, { key: KEY_A, body: { type: 'order.created', data: { secret: 'only-a' } } });
  const page = await signIn(KEY_B);
  const res = await page.goto(`${hub.url}/portal/events/${sent.body.id}`);
  expect(res?.status()).toBe(404);
  expect(await page.content()).not.toContain('only-a');
  await checked(page);
});

test('a payload containing <script> renders as text and runs nothing', async () => {
  const data = { note: '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">' };
  const sent = await api(`${hub.url}/v1/events`, { key: KEY_A, body: { type: 'order.created', data } });
  const page = await signIn(KEY_A);
  await page.goto(`${hub.url}/portal/events/${sent.body.id}`);
  expect(await page.locator('pre.payload').textContent()).toContain('<script>window.__xss = 1</script>');
  expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await checked(page);
});

test('the event types page shows the catalog with schema and example', async () => {
  const page = await signIn(KEY_A);
  await page.getByRole('link', { name: 'Event types' }).click();
  await page.getByText('order.created').first().click();
  expect(await page.locator('details.event-type').textContent()).toContain('"type": "object"');
  await checked(page);
});

test('only an origin in portal.frameAncestors can frame the portal', async () => {
  const framed = async (host: Host) => {
    const { url } = await mintSession(hub.url, KEY_A);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${host.origin}/?src=${encodeURIComponent(url)}`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f.url().startsWith(`${hub.url}/portal/`));
    return frame ? await frame.getByRole('heading', { name: 'Endpoints' }).count() : 0;
  };
  expect(await framed(hosts.allowed!)).toBe(1);
  expect(await framed(hosts.other!)).toBe(0);
});

test('the accessibility check itself finds a violation where there is one', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${hosts.other!.origin}/unlabelled`);
  const found = await seriousViolations(page);
  expect(found.join('\n')).toContain('label');
});
