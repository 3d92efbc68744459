#!/usr/bin/env node
// `npm run docs:trace-screenshot`: docs/images/jaeger-trace.png, one real callback's trace in
// Jaeger's UI. Runs a Temporal dev server, Jaeger, `barrage start` (receiver + worker, exporting
// OTLP) and a sink that fails the first attempt, sends one callback, and has headless Chromium
// photograph the trace page. Needs `npm run build` and Chromium (`apt-get install chromium`). The
// Go-built Jaeger serves only a placeholder page, so the UI is built once from its source into
// .tools/jaeger-ui: JAEGER_UI_SRC names a checkout of jaegertracing/jaeger-ui at the tag below,
// otherwise it is cloned from GitHub.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const JAEGER_UI_TAG = 'v1.76.0';
const root = resolve(new URL('..', import.meta.url).pathname);
const load = createRequire(import.meta.url);
const { startDevServer, stopProcess } = load(join(root, 'dist/src/temporal/dev-server'));
const { findTemporalCli, TEMPORAL_CLI_MISSING } = load(join(root, 'dist/src/config'));
const { freeJaegerPorts, startJaeger } = load(join(root, 'dist/src/devtools/jaeger'));
const { freePort } = load(join(root, 'dist/src/net/free-port'));
const out = join(root, 'docs', 'images', 'jaeger-trace.png');
const say = (msg) => console.log(`[trace-screenshot] ${msg}`);

function ensureJaegerUi() {
  const dir = join(root, '.tools', 'jaeger-ui');
  const build = join(dir, 'build');
  const stamp = join(dir, 'version.txt');
  if (existsSync(join(build, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === JAEGER_UI_TAG) return build;
  const src = process.env.JAEGER_UI_SRC ?? join(dir, 'src');
  if (!existsSync(join(src, 'package.json'))) {
    say(`cloning jaeger-ui ${JAEGER_UI_TAG} into ${src}`);
    execFileSync('git', ['clone', '--depth', '1', '--branch', JAEGER_UI_TAG, 'https://github.com/jaegertracing/jaeger-ui', src], {
      stdio: 'inherit',
    });
  }
  say('building the Jaeger UI (npm ci, then vite build; a few minutes, once)');
  // Its engines field asks for Node 24; the build itself runs on Node 20.19+.
  const npm = (args, cwd = src) => execFileSync('npm', [...args, '--engine-strict=false'], { cwd, stdio: 'inherit' });
  npm(['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
  npm(['run', 'prepublishOnly', '--workspace', '@jaegertracing/plexus']);
  npm(['run', 'build', '--workspace', 'jaeger-ui']);
  rmSync(build, { recursive: true, force: true });
  cpSync(join(src, 'packages', 'jaeger-ui', 'build'), build, { recursive: true });
  writeFileSync(stamp, JAEGER_UI_TAG);
  return build;
}

function chromiumBinary() {
  const path = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`no Chromium at ${path}: apt-get install chromium (or set CHROMIUM)`);
  return path;
}

/** The first attempt gets a 500, every later one a 200: the trace shows a retry. */
function startSink() {
  let seen = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = seen++ === 0 ? 500 : 200;
      res.end();
    });
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/hooks` })),
  );
}

function writeConfig(dir, temporal, sinkUrl) {
  const config = join(dir, 'barrage.yaml');
  writeFileSync(
    config,
    JSON.stringify({
      server: { port: 0 },
      temporal: { address: temporal, taskQueue: 'trace-screenshot' },
      security: { allowPrivateDestinations: true },
      tenants: [
        {
          id: 'acme',
          namespace: 'barrage-demo',
          apiKeys: ['demo-key'],
          destinations: [{ id: 'orders-webhook', url: sinkUrl, retry: { initialInterval: '1s', jitter: 0 } }],
        },
      ],
    }),
  );
  return config;
}

/** One `barrage start` role as its own process (and its own service in the trace), as deployed. */
function startRole(role, config, otlp) {
  const env = { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: otlp, OTEL_BSP_SCHEDULE_DELAY: '200' };
  const child = spawn(process.execPath, [join(root, 'dist/src/cli/main.js'), 'start', '--config', config, '--role', role], {
    env,
  });
  let output = '';
  const ready = new Promise((ok, fail) => {
    const onData = (d) => {
      output = (output + d).slice(-20_000);
      const m = /"url":"(http:\/\/[^"]+)","msg":"receiver listening"/.exec(output);
      if (m) ok(m[1]);
      if (output.includes('"msg":"worker running"')) ok(undefined);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`barrage ${role} exited (${code}):\n${output}`)));
  });
  return { child, ready, output: () => output };
}

/** Polls until the trace holds both attempts and both workflow spans (workflow spans end last). */
async function waitForTrace(queryUrl) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${queryUrl}/api/traces?service=barrage-receiver&operation=barrage.accept&limit=1&lookback=1h`);
    const [trace] = res.ok ? (await res.json()).data : [];
    const names = new Set(trace?.spans.map((s) => s.operationName) ?? []);
    const attempts = trace?.spans.filter((s) => s.operationName === 'RunActivity:attemptDelivery').length ?? 0;
    if (attempts >= 2 && names.has('RunWorkflow:callbackWorkflow') && names.has('RunWorkflow:deliveryWorkflow'))
      return trace.traceID;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the trace did not reach Jaeger within 60 s');
}

/** Widens the span-name column and opens the failed attempt's span to show its attributes. */
async function photograph(url, executablePath) {
  mkdirSync(join(root, 'docs', 'images'), { recursive: true });
  // These flags keep Chromium off the network (there is none here to reach).
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'];
  const browser = await chromium.launch({ executablePath, args: [...args, '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(url);
    const attempt = page.locator('.span-name', { hasText: 'RunActivity:attemptDelivery' }).first();
    await attempt.waitFor({ timeout: 30_000 });
    const dragger = page.locator('.VerticalResizer--dragger').first();
    const box = await dragger.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(1440 * 0.4, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await attempt.click();
    await page
      .locator('.AccordianKeyValues--header', { hasText: /Tags|Attributes/ })
      .first()
      .click();
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
}

async function main() {
  const uiAssets = ensureJaegerUi();
  const chromiumPath = chromiumBinary();
  const cliPath = findTemporalCli(process.env);
  if (!cliPath) throw new Error(TEMPORAL_CLI_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'barrage-trace-screenshot-'));
  const stops = [];
  try {
    const temporal = await startDevServer({
      cliPath,
      ip: '127.0.0.1',
      port: await freePort(),
      headless: true,
      namespaces: ['barrage-demo'],
    });
    stops.push(() => temporal.stop());
    const jaeger = await startJaeger(await freeJaegerPorts(), { uiAssets });
    stops.push(() => jaeger.stop());
    const sink = await startSink();
    stops.push(() => new Promise((ok) => sink.server.close(ok)));
    const config = writeConfig(dir, temporal.address, sink.url);
    const roles = ['receiver', 'worker'].map((role) => startRole(role, config, jaeger.otlpEndpoint));
    for (const r of roles) stops.push(() => stopProcess(r.child));
    const [receiver] = await Promise.all(roles.map((r) => r.ready));
    say('sending one callback; its first attempt fails, the retry succeeds');
    const res = await fetch(`${receiver}/v1/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-key', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'ord-1042-paid', type: 'order.paid', data: { order: 1042 } }),
    });
    if (res.status !== 202) throw new Error(`the callback was answered ${res.status}: ${await res.text()}`);
    const traceId = await waitForTrace(jaeger.queryUrl).catch((err) => {
      throw new Error(`${err.message}; Barrage wrote:\n${roles.map((r) => r.output().slice(-3000)).join('\n')}`);
    });
    await photograph(`${jaeger.queryUrl}/trace/${traceId}`, chromiumPath);
    say(`wrote ${out} (trace ${traceId})`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
