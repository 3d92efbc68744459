// The installable package, as a user gets it: `npm pack`, install the tarball into an empty
// project, type-check a consumer that uses every export under strict, run it against real
// Temporal and a real sink, and check what `barrage/client` and a bare import load.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { PROJECT_ROOT } from '../../src/config';
import { TEST_SECRET, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { spawnLogged, type Spawned } from '../helpers/process';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'package-consumer');
const EXAMPLE = join(PROJECT_ROOT, 'examples', 'embedded');
const repoVersion = (name: string): string =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
let dir: string;
let project: string;
let tarball: string;
let sink: TestSink;

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(cmd, args, { cwd: project, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 240_000 });
/** Without blocking this process: the sink the consumer delivers to answers from here. */
const runAsync = async (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  (await promisify(execFile)(cmd, args, { cwd: project, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 180_000 }))
    .stdout;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'barrage-pack-'));
  project = join(dir, 'consumer');
  // --ignore-scripts: the build is current (npm test set it up); packing must not rebuild dist under other tests.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    }),
  );
  tarball = join(dir, packed[0].filename);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  for (const file of readdirSync(FIXTURE)) copyFileSync(join(FIXTURE, file), join(project, file));
  // What the consumer type-checks with, and what examples/embedded uses beside Barrage.
  const tools = ['typescript', '@types/node', 'express', 'standardwebhooks'].map((name) => `${name}@${repoVersion(name)}`);
  run('npm', ['install', tarball, ...tools, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
  sink = await startTestSink();
}, 300_000);

afterAll(async () => {
  await sink?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the tarball holds what users need and nothing else', () => {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const paths = files.map((f) => f.replace(/^package\//, ''));
  expect(paths).toEqual(
    expect.arrayContaining([
      'package.json',
      'README.md',
      'dist/src/lib/index.js',
      'dist/src/lib/index.d.ts',
      'dist/src/client/index.js',
      'dist/src/client/index.d.ts',
      'dist/src/cli/main.js',
      'dist/workflow-bundle.js',
      // The tenant portal serves its stylesheet and script from the package (no CDN).
      'dist/src/portal/assets/portal.css',
      'dist/src/portal/assets/portal.js',
    ]),
  );
  const unwanted = paths.filter((p) => /^(test|bench|scripts|\.tools|\.ci|node_modules)\/|^dist\/(test|bench)\/|\.map$/.test(p));
  expect(unwanted).toEqual([]);
});

test('a strict TypeScript consumer of every export type-checks and runs against a real hub', async () => {
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
  const out = await runAsync(process.execPath, ['out/consumer.mjs'], {
    BARRAGE_TEMPORAL: testTemporalAddress(),
    TASK_QUEUE: uniqueName('pkg'),
    NAMESPACE: 'barrage-pkg',
    DATA_DIR: join(dir, 'pglite'),
    SINK_URL: `${sink.url}/hooks`,
  });
  const result = JSON.parse(out.trim().split('\n').pop()!);
  expect(result.destinations.listed).toBe(1);
  expect(result.events).toMatchObject({
    accepted: { id: 'ord_pkg_1', duplicate: false, destinations: ['sink'] },
    status: 'delivered',
    attempts: 1,
    listed: true,
    retrySkipped: ['sink'],
    cancel: '409 conflict',
  });
  expect(result.oneOff).toBe('delivered');
  expect(sink.received.find((r) => r.path.endsWith('/hooks/one-off'))?.headers['x-from']).toBe('consumer');
  expect(result.error).toEqual({ status: 400, code: 'invalid_request' });
  expect(result.http).toBe('delivered/not_found');
  expect(result.router).toBe('function');
  // The delivery itself, signed: checked with the standardwebhooks package.
  const got = sink.received.find((r) => r.headers['webhook-id'] === 'ord_pkg_1')!;
  const headers = Object.fromEntries(
    ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(got.headers[h])]),
  );
  const verified = result.destinations.secrets.filter((secret: string) => {
    try {
      new Webhook(secret).verify(got.body.toString(), headers);
      return true;
    } catch {
      return false;
    }
  });
  expect(verified.length).toBeGreaterThan(0);
}, 240_000);

test('CommonJS require gives the same exports; importing starts and prints nothing', () => {
  const names = JSON.parse(run(process.execPath, ['consumer.cjs']));
  expect(names).toEqual({ library: ['BarrageError', 'createHub'], client: ['createBarrageClient'] });
  const esm = run(process.execPath, [
    '--input-type=module',
    '-e',
    "import { createHub } from 'barrage'; import 'barrage/client';",
  ]);
  expect(esm).toBe('');
});

test('barrage/client loads no Temporal, Kafka, AWS or database module', () => {
  const script = `require('barrage/client');
const heavy = Object.keys(require.cache).filter((k) => /node_modules\\/(@temporalio|@confluentinc|@aws-sdk|pg|@electric-sql|express)\\//.test(k));
console.log(JSON.stringify(heavy));`;
  expect(JSON.parse(run(process.execPath, ['-e', script]))).toEqual([]);
});

test('examples/embedded: the service publishes from its handler, the receiver verifies, the mounted API answers', async () => {
  for (const file of ['service.mjs', 'receiver.mjs']) copyFileSync(join(EXAMPLE, file), join(project, file));
  const env = { ...process.env, WEBHOOK_SECRET: TEST_SECRET, PORT: '0' };
  const started: Spawned[] = [];
  try {
    const receiver = spawnLogged(process.execPath, ['receiver.mjs'], { cwd: project, env });
    started.push(receiver);
    const receiverUrl = await urlFrom(receiver, /receiver listening on (http:\S+)/);
    const service = spawnLogged(process.execPath, ['service.mjs'], {
      cwd: project,
      env: {
        ...env,
        RECEIVER_URL: `${receiverUrl}/hooks`,
        TEMPORAL_ADDRESS: testTemporalAddress(),
        TASK_QUEUE: uniqueName('shop'),
        DATA_DIR: join(dir, 'shop-db'),
      },
    });
    started.push(service);
    const shop = await urlFrom(service, /shop listening on (http:\S+) /);
    const order = await api(`${shop}/orders`, { body: { amount: 42 } });
    expect(order.status).toBe(201);
    await receiver.waitForOutput(new RegExp(`verified ${order.body.event} .*"amount":42`), 30_000);
    const status = await eventually(async () => {
      const got = await api(`${shop}/barrage/v1/events/${order.body.event}`, { key: 'shop-key-change-me' });
      return got.body?.status === 'delivered' ? got.body : undefined;
    });
    expect(status.destinations).toEqual([expect.objectContaining({ destination: 'orders', status: 'delivered' })]);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  } finally {
    for (const p of started) p.child.kill('SIGKILL');
  }
}, 120_000);

async function urlFrom(p: Spawned, pattern: RegExp): Promise<string> {
  await p.waitForOutput(pattern, 60_000);
  return pattern.exec(p.output())![1];
}
