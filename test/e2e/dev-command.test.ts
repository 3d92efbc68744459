// `npm start` exactly as the README says: embedded Temporal, worker, receiver and example sink
// in one process tree; the README's curl example must show up as a verified delivery. Then the
// queue walkthrough of docs/QUEUES.md: `npm run brokers`, `npm start` with the queue example, and
// the send/read commands. Both use the README's fixed ports, so they run one after the other here.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { api } from '../helpers/hub';
import { spawnLogged, type Spawned } from '../helpers/process';

const QUEUES_CONFIG = 'docs/examples/barrage.queues.yaml';
const RUNTIME = 'http://127.0.0.1:8080/v1/destinations/runtime-sink';
const started: Spawned[] = [];

function startDetached(args: string[]): Spawned {
  const p = spawnLogged('npm', args, { detached: true });
  started.push(p);
  return p;
}

async function stop(p: Spawned): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const group = -p.child.pid!;
  process.kill(group, 'SIGINT');
  const exited = await Promise.race([p.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 20_000))]);
  if (!exited) process.kill(group, 'SIGKILL');
}

afterAll(async () => {
  for (const p of started.reverse()) await stop(p);
});

const uniqueTenant = () => `walk_${Date.now().toString(36)}`;

/** The shell block between the walkthrough markers of docs/API.md, with its tenant id replaced. */
async function runWalkthrough(tenant: string): Promise<{ code: number | null; output: string }> {
  const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'API.md'), 'utf8');
  const block = /<!-- walkthrough:start -->\n```sh\n([\s\S]*?)```\n<!-- walkthrough:end -->/.exec(doc)?.[1];
  expect(block).toBeDefined();
  const p = spawnLogged('bash', ['-euo', 'pipefail', '-c', block!.replace(/globex/g, tenant)]);
  return { code: await p.exited, output: p.output() };
}

/** One `npm run -s brokers -- …` command, as the docs show it; resolves with its output. */
async function brokersCommand(...args: string[]): Promise<string> {
  const p = spawnLogged('npm', ['run', '-s', 'brokers', '--', ...args]);
  expect(await p.exited).toBe(0);
  return p.output();
}

test('`npm start` accepts the README example and the example sink prints the verified delivery', async () => {
  const dev = startDetached(['start']);
  await dev.waitForOutput(/Barrage dev is running/, 80_000);
  expect(dev.output()).toMatch(/API\s+http:\/\/127\.0\.0\.1:8080/);
  expect(dev.output()).toMatch(/Temporal Web UI http:\/\/127\.0\.0\.1:8233/);
  expect(dev.output()).toMatch(/Example sink\s+http:\/\/127\.0\.0\.1:9000\/hooks/);
  expect(dev.output()).toMatch(/Registry\s+embedded PGlite at \.barrage\/db/);
  // A ready-made tenant portal link for the example tenant: it opens the portal once.
  const link = /Tenant portal\s+(http:\/\/127\.0\.0\.1:8080\/portal\/login\?code=pc_\S+)\s+\(tenant acme;/.exec(dev.output());
  expect(link).not.toBeNull();
  const opened = await fetch(link![1], { redirect: 'manual' });
  expect(opened.status).toBe(303);
  expect(opened.headers.get('location')).toBe('/portal/endpoints');
  // Generated on the first start (and logged then), kept beside the database after it.
  expect(readFileSync(join(PROJECT_ROOT, '.barrage', 'encryption.key'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);

  // The README's curl example, sent with fetch.
  const res = await api('http://127.0.0.1:8080/v1/events', {
    key: 'dev_acme_key',
    body: { type: 'order.created', data: { orderId: 'ord_123', amount: 4200 } },
  });
  expect(res.status).toBe(202);
  await dev.waitForOutput(new RegExp(`\\[listen\\] .* order\\.created id=${res.body.id} attempt=1 signature OK`), 20_000);
  expect(dev.output()).toContain('{"orderId":"ord_123","amount":4200}');

  // The Web UI is served by the embedded server.
  const ui = await fetch('http://127.0.0.1:8233/');
  expect(ui.status).toBe(200);

  // The README's three runtime lines: a destination added through the API (embedded PGlite), an
  // event to it, and its secret; the example sink verifies with the secret the API generated.
  await api(`${RUNTIME}`, { key: 'dev_acme_key', method: 'DELETE' });
  const made = await api('http://127.0.0.1:8080/v1/destinations', {
    key: 'dev_acme_key',
    body: { id: 'runtime-sink', url: 'http://127.0.0.1:9000/hooks', events: ['invoice.*'] },
  });
  expect(made).toMatchObject({ status: 201, body: { id: 'runtime-sink', managedBy: 'api' } });
  const invoice = await api('http://127.0.0.1:8080/v1/events', {
    key: 'dev_acme_key',
    body: { type: 'invoice.paid', data: { invoice: 'inv_1' } },
  });
  expect(invoice).toMatchObject({ status: 202, body: { destinations: ['example-sink', 'runtime-sink'] } });
  await dev.waitForOutput(new RegExp(`\\[listen\\] .* invoice\\.paid id=${invoice.body.id} attempt=1 signature OK`), 20_000);
  const secret = await api(`${RUNTIME}/secret`, { key: 'dev_acme_key' });
  expect(secret.body.secrets).toEqual([expect.objectContaining({ secret: expect.stringMatching(/^whsec_/) })]);

  // docs/API.md's curl walkthrough, run as written (with a tenant id of its own: ids stay taken).
  const walk = await runWalkthrough(uniqueTenant());
  expect(walk.code).toBe(0);
  expect(walk.output).toMatch(/"managedBy":"api"/);
  expect(walk.output).toMatch(/"id":"inv-1-paid"/);
  expect(walk.output).toMatch(/"paused":true/);
  expect(walk.output).toMatch(/"health":\{"state":"closed"/);
  expect(walk.output).toMatch(/^204$/m);
  expect(walk.output).toMatch(/"namespaceKept":true/);
  await dev.waitForOutput(/\[listen\] .* invoice\.paid id=inv-1-paid attempt=1 signature OK/, 20_000);
  await dev.waitForOutput(/\[listen\] .* barrage\.test id=evt_\w+ attempt=1 signature OK/, 20_000);

  await stop(dev);
  expect(dev.output()).toMatch(/shutting down/);

  // State survives a restart: the destination and its secret are still there.
  const again = startDetached(['start']);
  await again.waitForOutput(/Barrage dev is running/, 80_000);
  expect((await api(`${RUNTIME}/secret`, { key: 'dev_acme_key' })).body).toEqual(secret.body);
  expect((await api(`${RUNTIME}`, { key: 'dev_acme_key', method: 'DELETE' })).status).toBe(204);
  await stop(again);
}, 240_000);

test('the queue walkthrough: a message on SQS and a record on Kafka reach the sink, the audit queue and the order stream', async () => {
  const brokers = startDetached(['run', 'brokers', '--', '--config', QUEUES_CONFIG]);
  await brokers.waitForOutput(/\[brokers\] ready/, 120_000);
  expect(brokers.output()).toMatch(/queue orders-dead-letter \(dead letter of orders after 5 receives\)/);
  const dev = startDetached(['start', '--', '--config', QUEUES_CONFIG]);
  await dev.waitForOutput(/Barrage dev is running/, 80_000);
  expect(dev.output()).toMatch(/Polling\s+orders-sqs: SQS http:\/\/127\.0\.0\.1:9324\/000000000000\/orders/);
  expect(dev.output()).toMatch(/Polling\s+orders-kafka: Kafka orders @ 127\.0\.0\.1:9092 \(group barrage-acme\)/);

  const [first, second] = [randomUUID(), randomUUID()];
  const queueUrl = 'http://127.0.0.1:9324/000000000000/orders';
  expect(
    await brokersCommand(
      'send-sqs',
      queueUrl,
      JSON.stringify({ order: first, customer: 'c-42' }),
      '-a',
      'EventType=order.created',
    ),
  ).toMatch(/sent MessageId=/);
  expect(
    await brokersCommand(
      'send-kafka',
      'orders',
      JSON.stringify({ order: second, customer: 'c-7' }),
      '-H',
      'event-type=order.paid',
    ),
  ).toMatch(/sent partition=\d offset=\d+/);

  await dev.waitForOutput(/\[listen\] .* order\.created id=evt_\w+ attempt=1 signature OK/, 30_000);
  await dev.waitForOutput(/\[listen\] .* order\.paid id=evt_\w+ attempt=1 signature OK/, 30_000);
  const audit = await brokersCommand('read-sqs', 'http://127.0.0.1:9324/000000000000/audit', '-w', '5');
  expect(audit).toContain(first);
  expect(audit).toContain(second);
  expect(audit).toMatch(/barrage-event-type=order\.created/);
  const stream = await brokersCommand('read-kafka', 'order-events', '-w', '6');
  expect(stream).toMatch(new RegExp(`key=c-42 \\[.*barrage-event-type=order\\.created.*\\] .*${first}`));
  expect(stream).toMatch(new RegExp(`key=c-7 \\[.*barrage-event-type=order\\.paid.*\\] .*${second}`));

  await stop(dev);
  expect(dev.output()).toMatch(/"msg":"sqs poller stopped"/);
  expect(dev.output()).toMatch(/"msg":"kafka poller stopped"/);
  await stop(brokers);
  expect(brokers.output()).toMatch(/\[brokers\] stopping/);
});
