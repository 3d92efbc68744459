// Two receivers and two workers as separate `barrage start` processes on one PostgreSQL: a change
// made through one receiver is used by the other receiver and by both workers within a second,
// and a revoked key is refused by both receivers within a second.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { stringify } from 'yaml';
import { newEncryptionKey } from '../../src/store/secret-box';
import { uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { createTestDatabase } from '../helpers/postgres';
import { CLI, spawnLogged, type Spawned } from '../helpers/process';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const ADMIN = 'procs-admin-key';
const WITHIN_MS = 1_000;
let databaseUrl = '';
let sink: TestSink;
const receivers: { process: Spawned; url: string }[] = [];
const workers: Spawned[] = [];
const tenantId = `procs_${Date.now().toString(36)}`;
let key = '';

beforeAll(async () => {
  sink = await startTestSink();
  databaseUrl = await createTestDatabase('procs');
  const file = join(mkdtempSync(join(tmpdir(), 'barrage-procs-')), 'barrage.yaml');
  writeFileSync(
    file,
    stringify({
      server: { port: 0 },
      temporal: { namespaceCacheRefresh: '2s', address: testTemporalAddress(), taskQueue: uniqueName('procs') },
      database: { url: 'env:DATABASE_URL' },
      security: { allowPrivateDestinations: true, adminApiKeys: [ADMIN], encryptionKey: 'env:BARRAGE_ENCRYPTION_KEY' },
      log: { level: 'info' },
    }),
  );
  const env = { ...process.env, DATABASE_URL: databaseUrl, BARRAGE_ENCRYPTION_KEY: newEncryptionKey() };
  const start = (role: string) => spawnLogged(process.execPath, [CLI, 'start', '--config', file, '--role', role], { env });
  for (let i = 0; i < 2; i++) workers.push(start('worker'));
  const spawned = [start('receiver'), start('receiver')];
  for (const p of [...workers, ...spawned]) await p.waitForOutput(/"msg":"(worker running|receiver listening)"/);
  for (const p of spawned)
    receivers.push({ process: p, url: logLines(p).find((l) => l.msg === 'receiver listening')!.url as string });
}, 120_000);

afterAll(async () => {
  for (const p of [...workers, ...receivers.map((r) => r.process)]) p.child.kill('SIGTERM');
  await Promise.all([...workers, ...receivers.map((r) => r.process)].map((p) => p.exited));
  await sink?.close();
});

function logLines(p: Spawned): Record<string, unknown>[] {
  return p
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function registryVersion(): Promise<number> {
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  try {
    return Number((await pg.query('select version from registry_version')).rows[0].version);
  } finally {
    await pg.end();
  }
}

/** When each process logged that it uses `version` (or a later one), in ms after `since`. */
async function adoptedWithin(processes: Spawned[], version: number, since: number): Promise<number[]> {
  return eventually(
    async () => {
      const times = processes.map((p) => {
        const line = logLines(p).find((l) => l.msg === 'registry updated' && Number(l.version) >= version);
        return line ? Date.parse(String(line.time)) - since : undefined;
      });
      return times.every((t) => t !== undefined) ? (times as number[]) : undefined;
    },
    5_000,
    `every process on registry version ${version}`,
  );
}

const all = () => [...receivers.map((r) => r.process), ...workers];

test('a tenant created through one receiver is served by both workers', async () => {
  const created = await api(`${receivers[0].url}/v1/tenants`, { key: ADMIN, body: { id: tenantId } });
  expect(created.status).toBe(201);
  const at = Date.now();
  await eventually(
    async () =>
      workers.every((w) => w.output().includes(`"namespace":"${tenantId}","msg":"worker serving namespace"`)) ? true : undefined,
    5_000,
    'both workers serving the namespace',
  );
  expect(Date.now() - at).toBeLessThan(5_000);
}, 60_000);

test('a key made through receiver 1 works on receiver 2, and every process has the change, within 1 s', async () => {
  const created = await api(`${receivers[0].url}/v1/tenants/${tenantId}/api-keys`, { key: ADMIN, method: 'POST' });
  const at = Date.now();
  key = created.body.key;
  const version = await registryVersion();
  await eventually(
    async () => ((await api(`${receivers[1].url}/v1/destinations`, { key })).status === 200 ? true : undefined),
    WITHIN_MS,
  );
  const times = await adoptedWithin(all(), version, at);
  expect(Math.max(...times)).toBeLessThan(WITHIN_MS);
});

test('a destination made through receiver 2 routes receiver 1’s next event, delivered by a worker', async () => {
  const made = await api(`${receivers[1].url}/v1/destinations`, { key, body: { id: 'sink', url: sink.url } });
  expect(made.status).toBe(201);
  const at = Date.now();
  const version = await registryVersion();
  await eventually(
    async () => ((await api(`${receivers[0].url}/v1/destinations/sink`, { key })).status === 200 ? true : undefined),
    WITHIN_MS,
  );
  expect(Math.max(...(await adoptedWithin(all(), version, at)))).toBeLessThan(WITHIN_MS);
  const sent = await api(`${receivers[0].url}/v1/events`, {
    key,
    body: { id: 'procs-1', type: 'x.created', data: { ok: true } },
  });
  expect(sent).toMatchObject({ status: 202, body: { destinations: ['sink'] } });
  const [got] = await sink.waitFor(1);
  expect(got.headers['webhook-id']).toBe('procs-1');
  // The worker logs the attempt once the sink has answered: wait for that line, then count.
  const attempts = () =>
    workers.map((w) => logLines(w).filter((l) => l.msg === 'delivery attempt' && l.eventId === 'procs-1').length);
  await eventually(async () => (attempts().some((n) => n > 0) ? true : undefined), 10_000, 'the attempt log line');
  expect(attempts().reduce((a, b) => a + b)).toBe(1);
}, 60_000);

test('a key revoked through receiver 2 is refused by both receivers within 1 s', async () => {
  const keys = await api(`${receivers[0].url}/v1/tenants/${tenantId}/api-keys`, { key: ADMIN });
  const revoked = await api(`${receivers[1].url}/v1/tenants/${tenantId}/api-keys/${keys.body.apiKeys[0].id}`, {
    key: ADMIN,
    method: 'DELETE',
  });
  expect(revoked.status).toBe(204);
  const at = Date.now();
  for (const r of receivers) {
    await eventually(async () => ((await api(`${r.url}/v1/destinations`, { key })).status === 401 ? true : undefined), WITHIN_MS);
  }
  expect(Date.now() - at).toBeLessThan(WITHIN_MS);
});
