#!/usr/bin/env node
// `npm run docs:portal-screenshots`: docs/images/portal-*.png, the tenant portal's pages from a
// real run. Starts `barrage dev` (embedded Temporal and PGlite) on free ports in a scratch folder,
// a loopback receiver that refuses some deliveries, fills the tenant through the API, and has
// headless Chromium (Debian's, `npm run setup` installs it) click through and photograph the pages.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(new URL('..', import.meta.url).pathname);
const load = createRequire(import.meta.url);
const { freePort } = load(join(root, 'dist/src/net/free-port'));
const { stringify } = load('yaml');
const images = join(root, 'docs', 'images');
const say = (msg) => console.log(`[portal-screenshots] ${msg}`);
const KEY = 'dev_acme_key';

function listen(handler) {
  const server = createServer(handler);
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, port: server.address().port })));
}

/** warehouse refuses each event's first attempt; crm refuses everything; the rest take it. */
function receiver() {
  const seen = new Set();
  return listen((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      const refuse = req.url.endsWith('/crm') || (req.url.endsWith('/warehouse') && !seen.has(id));
      seen.add(id);
      if (refuse) return res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream maintenance, try later');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
}

async function startDev(dir, host) {
  const [apiPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
  const config = {
    server: { port: apiPort },
    temporal: { address: '', devServer: { port: temporalPort, uiPort, dbFile: join(dir, 'temporal.db') }, taskQueue: 'barrage' },
    security: { allowPrivateDestinations: true, adminApiKeys: ['dev_admin_key'] },
    database: { url: '', dataDir: join(dir, 'db') },
    portal: { enabled: true, frameAncestors: [host], brand: { name: 'Acme Webhooks' } },
    log: { level: 'warn' },
    tenants: [{ id: 'acme', apiKeys: [KEY], destinations: [] }],
  };
  writeFileSync(join(dir, 'barrage.yaml'), stringify(config));
  const child = spawn(
    process.execPath,
    [join(root, 'dist/src/cli/main.js'), 'dev', '--no-sink', '--config', join(dir, 'barrage.yaml')],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const ready = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`barrage dev did not start in 90 s:\n${out}`)), 90_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Tenant portal')) ok(clearTimeout(timer));
    });
    child.once('exit', (code) => fail(new Error(`barrage dev exited ${code}:\n${out}`)));
  });
  await ready;
  return { child, url: `http://127.0.0.1:${apiPort}` };
}

async function call(base, path, body, method = body ? 'POST' : 'GET') {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function fill(base, sinkUrl) {
  const types = [
    [
      'order.created',
      'An order was placed',
      { type: 'object', required: ['orderId'], properties: { orderId: { type: 'string' }, total: { type: 'number' } } },
      { orderId: 'ord_1001', total: 42.5 },
    ],
    ['order.paid', 'An order was paid', { type: 'object', required: ['orderId'] }, { orderId: 'ord_1001' }],
    ['invoice.sent', 'An invoice went out', { type: 'object' }, { invoiceId: 'inv_77' }],
  ];
  for (const [name, description, schema, example] of types)
    await call(base, '/v1/event-types', { name, description, schema, example });
  await call(base, '/v1/destinations', {
    id: 'warehouse',
    url: `${sinkUrl}/warehouse`,
    events: ['order.*'],
    description: 'Pick and pack',
    retry: { initialInterval: '1s' },
    // Each event's first attempt is refused: left on, the breaker would open and hold the retries.
    breaker: { enabled: false },
  });
  await call(base, '/v1/destinations', {
    id: 'billing',
    url: `${sinkUrl}/billing`,
    events: ['order.paid', 'invoice.*'],
    description: 'Ledger sync',
  });
  await call(base, '/v1/destinations', {
    id: 'crm',
    url: `${sinkUrl}/crm`,
    events: ['order.created'],
    description: 'CRM import (being migrated)',
    retry: { maximumAttempts: 1 },
  });
  for (let i = 0; i < 6; i++) {
    await call(base, '/v1/events', { type: 'order.created', data: { orderId: `ord_${1001 + i}`, total: 20 + i * 7.5 } });
    await call(base, '/v1/events', { type: 'order.paid', data: { orderId: `ord_${1001 + i}` } });
  }
  await call(base, '/v1/events', { type: 'invoice.sent', data: { invoiceId: 'inv_77', note: '<b>not markup</b>' } });
  await sleep(5000);
}

async function shoot(page, name) {
  await page.screenshot({ path: join(images, `portal-${name}.png`), fullPage: true });
  say(`docs/images/portal-${name}.png`);
}

async function photograph(base, host) {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: npm run setup (or set CHROMIUM)`);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1180, height: 820 } });
    await page.goto((await call(base, '/v1/portal-sessions', {})).url);
    await shoot(page, 'endpoints');
    await page.getByRole('link', { name: 'warehouse' }).click();
    // A rotation, so the page shows both secrets and until when the previous one signs.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('button', { name: 'Send test event' }).click();
    await shoot(page, 'endpoint');
    await page.goto(`${base}/portal/endpoints/new`);
    await shoot(page, 'endpoint-form');
    await page.goto(`${base}/portal/events`);
    await shoot(page, 'events');
    const [event] = (await call(base, '/v1/events?type=order.created&destination=warehouse&limit=1')).events;
    await page.goto(`${base}/portal/events/${event.id}`);
    await shoot(page, 'event');
    await page.goto(`${base}/portal/event-types`);
    await page.getByText('order.created').first().click();
    await shoot(page, 'event-types');
    await page.goto(`${base}/portal/endpoints/crm`);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: /^Replay \d+/ }).click();
    await page.getByText('completed').waitFor({ timeout: 30_000 });
    await shoot(page, 'replay');
    const framed = await browser.newPage({ viewport: { width: 1180, height: 820 } });
    await framed.goto(
      `${host}/?src=${encodeURIComponent((await call(base, '/v1/portal-sessions', { capabilities: ['read'] })).url)}`,
    );
    await framed.waitForTimeout(2000);
    await shoot(framed, 'embedded');
  } finally {
    await browser.close();
  }
}

async function main() {
  mkdirSync(images, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'barrage-portal-shots-'));
  const sink = await receiver();
  const host = await listen((req, res) => {
    const src = new URL(req.url, 'http://127.0.0.1').searchParams.get('src') ?? '';
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><meta charset="utf-8"><title>Your app</title><body style="font-family:sans-serif;margin:0;background:#eef"><div style="padding:12px 24px;background:#223;color:#fff">Your app · Settings › Webhooks</div><iframe title="Webhooks" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" style="border:0;width:100%;height:760px"></iframe></body>`,
      );
  });
  const hostOrigin = `http://127.0.0.1:${host.port}`;
  let dev;
  try {
    say('starting barrage dev');
    dev = await startDev(dir, hostOrigin);
    await fill(dev.url, `http://127.0.0.1:${sink.port}`);
    await photograph(dev.url, hostOrigin);
  } finally {
    dev?.child.kill('SIGTERM');
    await new Promise((ok) => (dev ? dev.child.once('exit', ok) : ok()));
    sink.server.close();
    host.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
