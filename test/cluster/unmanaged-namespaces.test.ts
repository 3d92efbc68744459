// temporal.manageNamespaces: false on temporal-server, as on Temporal Cloud: namespaces are made
// outside Barrage (here with temporal-config/setup-namespaces.sh and the Temporal CLI, as
// docs/PRODUCTION.md says). A tenant
// whose namespace is missing is refused with what to create; one that appears later is served
// without a restart.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findTemporalCli, PROJECT_ROOT, type BarrageConfig } from '../../src/config';
import { SEARCH_ATTRIBUTES } from '../../src/contracts';
import { newEncryptionKey } from '../../src/store/secret-box';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, capturingLogger, startHub, type TestHub } from '../helpers/hub';
import { openTestRegistry, type TestRegistry } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const run = promisify(execFile);
const ADMIN = 'admin-unmanaged';
const KEY = 'key-late';
const lateNamespace = uniqueName('late');
const logs = capturingLogger();
let config: BarrageConfig;
let hub: TestHub;
let reg: TestRegistry;
let sink: TestSink;

/** What an operator runs (docs/PRODUCTION.md): the script for a whole namespace, the CLI for parts. */
const setupScript = (namespace: string) =>
  run('bash', [join(PROJECT_ROOT, 'temporal-config', 'setup-namespaces.sh'), namespace], {
    env: { ...process.env, TEMPORAL_ADDRESS: testTemporalAddress(), TEMPORAL_CLI_PATH: findTemporalCli(process.env)! },
  });
const temporalCli = (args: string[]) => run(findTemporalCli(process.env)!, [...args, '--address', testTemporalAddress()]);

beforeAll(async () => {
  sink = await startTestSink();
  config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('unmanaged'),
    tenants: [{ id: 'late', namespace: lateNamespace, apiKeys: [KEY], destinations: [destination('sink', sink.url)] }],
    raw: {
      temporal: { address: testTemporalAddress(), taskQueue: uniqueName('unmanaged'), manageNamespaces: false },
      security: { allowPrivateDestinations: true, adminApiKeys: [ADMIN], encryptionKey: newEncryptionKey() },
    },
  });
  reg = await openTestRegistry(config);
  hub = await startHub(config, ['receiver', 'worker'], logs.logger, { registry: reg.registry });
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await reg?.close();
  await sink?.close();
});

const createTenant = (id: string, namespace: string) => api(`${hub.url}/v1/tenants`, { key: ADMIN, body: { id, namespace } });

test('a config tenant whose namespace is missing: the worker says what to create, events get 503; created later, it is served without a restart', async () => {
  const line = await eventually(async () => logs.lines().find((l) => l.namespace === lateNamespace && l.level === 40));
  expect(line.msg).toContain(
    `namespace ${lateNamespace} does not exist: create namespace ${lateNamespace} with the search attributes`,
  );
  for (const sa of Object.values(SEARCH_ATTRIBUTES)) expect(line.msg).toContain(`${sa.name} (${sa.type})`);
  const early = await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'late.early', data: {} } });
  expect(early).toMatchObject({ status: 503, body: { error: { code: 'temporal_unavailable' } } });
  expect(early.body.error.message).toContain(`namespace ${lateNamespace} does not exist yet`);
  await setupScript(lateNamespace);
  const accepted = await eventually(async () => {
    const r = await api(`${hub.url}/v1/events`, { key: KEY, body: { id: 'late-1', type: 'late.ok', data: { n: 1 } } });
    return r.status === 202 || r.status === 200 ? r : undefined;
  }, 60_000);
  const delivered = await eventually(async () => sink.received.find((r) => r.headers['webhook-id'] === accepted.body.id), 90_000);
  expect(JSON.parse(delivered.body.toString())).toEqual({ n: 1 });
}, 180_000);

test('POST /v1/tenants for a namespace that does not exist → 422 naming it and the five search attributes; nothing stored', async () => {
  const namespace = uniqueName('absent');
  const res = await createTenant('absent', namespace);
  expect(res).toMatchObject({ status: 422, body: { error: { code: 'namespace_not_ready' } } });
  expect(res.body.error.message).toContain(`namespace ${namespace} does not exist and temporal.manageNamespaces is false`);
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
    'namespace',
    ...Object.values(SEARCH_ATTRIBUTES).map((sa) => `searchAttributes.${sa.name}`),
  ]);
  expect((await api(`${hub.url}/v1/tenants/absent`, { key: ADMIN })).status).toBe(404);
});

test('a namespace without the search attributes → 422 naming the missing ones; with them → 201 and served', async () => {
  const namespace = uniqueName('bare');
  await temporalCli(['operator', 'namespace', 'create', '--namespace', namespace, '--retention', '72h']);
  const refused = await eventually(async () => {
    const r = await createTenant('bare', namespace);
    return r.status === 422 && r.body.error.message.includes('lacks search attributes') ? r : undefined;
  }, 30_000);
  expect(refused.body.error.details).toHaveLength(5);
  await setupScript(namespace);
  const created = await eventually(async () => {
    const r = await createTenant('bare', namespace);
    return r.status === 201 ? r : undefined;
  }, 30_000);
  expect(created.body).toMatchObject({ id: 'bare', namespace, managedBy: 'api' });
  const key = (await api(`${hub.url}/v1/tenants/bare/api-keys`, { key: ADMIN, body: { name: 't' } })).body.key;
  await api(`${hub.url}/v1/destinations`, { key, body: { id: 'sink', url: sink.url, events: ['*'] } });
  const sent = await api(`${hub.url}/v1/events`, { key, body: { type: 'bare.ok', data: { n: 2 } } });
  expect(sent).toMatchObject({ status: 202 });
  await eventually(async () => sink.received.find((r) => r.headers['webhook-id'] === sent.body.id), 60_000);
}, 120_000);
