// `barrage tenants|keys|destinations|events|deliveries <verb>` against a real hub, as a script or
// a person runs it: tables by default, --json for scripts, exit 0 / 1 (API error, code printed) / 2 (usage).
import type { Hub } from '../../src/lib';
import { startLibraryHub } from '../helpers/library';
import { CLI, spawnLogged } from '../helpers/process';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-cli-manage';
const ADMIN = 'admin-cli-manage';
let hub: Hub;
let sink: TestSink;

beforeAll(async () => {
  sink = await startTestSink();
  const tenant = { id: 'clitenant', namespace: 'barrage-clitenant', apiKeys: [KEY], destinations: [] };
  hub = await startLibraryHub([tenant], { security: { allowPrivateDestinations: true, adminApiKeys: [ADMIN] } });
}, 60_000);

afterAll(async () => {
  await hub?.close();
  await sink?.close();
});

async function barrage(args: string[], env: Record<string, string | undefined> = {}) {
  const p = spawnLogged(process.execPath, [CLI, ...args], {
    env: { ...process.env, BARRAGE_URL: hub.url, BARRAGE_API_KEY: KEY, ...env },
  });
  const code = await p.exited;
  return { code, output: p.output() };
}

test('destinations: create, list as a table and as JSON, get', async () => {
  const created = await barrage([
    'destinations',
    'create',
    '--id',
    'billing',
    '--endpoint',
    `${sink.url}/b`,
    '--events',
    'order.*,refund.*',
  ]);
  expect(created).toMatchObject({ code: 0 });
  expect(created.output).toContain('id: billing');
  const table = await barrage(['destinations', 'list']);
  expect(table.code).toBe(0);
  expect(table.output).toMatch(/^ID\s+TYPE\s+EVENTS/m);
  expect(table.output).toMatch(/^billing\s+http\s+\["order\.\*","refund\.\*"\]/m);
  const json = JSON.parse((await barrage(['destinations', 'list', '--json'])).output);
  expect(json.items.map((d: { id: string }) => d.id)).toEqual(['billing']);
  const got = JSON.parse((await barrage(['destinations', 'get', 'billing', '--json'])).output);
  expect(got).toMatchObject({ id: 'billing', type: 'http', url: `${sink.url}/b` });
});

test('events: send, get, attempts, retry; an unknown one exits 1 with its code', async () => {
  expect((await barrage(['events', 'send', '--type', 'order.created', '--id', 'cli-ord-1', '--data', '{"total":5}'])).code).toBe(
    0,
  );
  await eventually(async () => {
    const { output } = await barrage(['events', 'get', 'cli-ord-1', '--json']);
    return JSON.parse(output).status === 'delivered' ? true : undefined;
  });
  const attempts = await barrage(['events', 'attempts', 'cli-ord-1']);
  expect(attempts.output).toMatch(/^DESTINATION\s+ATTEMPT\s+OUTCOME/m);
  expect(attempts.output).toMatch(/^billing\s+1\s+delivered\s+200/m);
  const retry = JSON.parse((await barrage(['events', 'retry', 'cli-ord-1', '--json'])).output);
  expect(retry).toMatchObject({ id: 'cli-ord-1', skipped: ['billing'] });
  const missing = await barrage(['events', 'get', 'nope']);
  expect(missing.code).toBe(1);
  expect(missing.output).toContain('error 404 not_found: event not found');
  const missingJson = await barrage(['events', 'get', 'nope', '--json']);
  expect(JSON.parse(missingJson.output)).toMatchObject({ error: { status: 404, code: 'not_found' } });
});

test('deliveries: a one-off with a header, and the secret that signs it', async () => {
  const sent = await barrage([
    'deliveries',
    'send',
    '--to',
    `${sink.url}/one`,
    '--header',
    'x-ref=77',
    '--data',
    '{"a":1}',
    '--json',
  ]);
  expect(sent.code).toBe(0);
  const id = JSON.parse(sent.output).id;
  const got = await eventually(async () => sink.received.find((r) => r.headers['webhook-id'] === id));
  expect(got.headers['x-ref']).toBe('77');
  const secret = JSON.parse((await barrage(['deliveries', 'secret', '--json'])).output);
  expect(secret.secrets[0].secret).toMatch(/^whsec_/);
});

test('tenants and keys with an admin key', async () => {
  const admin = { BARRAGE_API_KEY: ADMIN };
  expect((await barrage(['tenants', 'create', 'cliapi', '--namespace', 'barrage-cliapi'], admin)).code).toBe(0);
  const tenants = await barrage(['tenants', 'list'], admin);
  expect(tenants.output).toMatch(/^clitenant\s+barrage-clitenant\s+config/m);
  expect(tenants.output).toMatch(/^cliapi\s+barrage-cliapi\s+api/m);
  const key = JSON.parse((await barrage(['keys', 'create', 'cliapi', '--name', 'ci', '--json'], admin)).output);
  expect(key).toMatchObject({ name: 'ci', key: expect.any(String) });
  // The new key works for its tenant at once.
  expect((await barrage(['destinations', 'list'], { BARRAGE_API_KEY: key.key })).code).toBe(0);
  const listed = await barrage(['keys', 'list', 'cliapi'], admin);
  expect(listed.output).toContain(key.id);
  expect((await barrage(['keys', 'revoke', 'cliapi', key.id], admin)).code).toBe(0);
  // A config-file tenant's keys are the file's: the API's 409, exit 1 with its code.
  const refused = await barrage(['keys', 'create', 'clitenant'], admin);
  expect(refused).toMatchObject({ code: 1 });
  expect(refused.output).toContain('error 409 managed_by_config');
  // A tenant key on an admin route: 403.
  expect((await barrage(['tenants', 'list'])).output).toContain('error 403 forbidden');
});

test('usage mistakes exit 2: no hub named, an unknown verb, a missing argument', async () => {
  const noUrl = await barrage(['events', 'list'], { BARRAGE_URL: undefined });
  expect(noUrl.code).toBe(2);
  expect(noUrl.output).toContain('--url');
  expect((await barrage(['events', 'explode'])).code).toBe(2);
  expect((await barrage(['events', 'get'])).code).toBe(2);
  expect((await barrage(['destinations', 'update', 'billing', '--data', '{not json'])).code).toBe(2);
});
