// temporal.apiKey against a real temporal-server that checks it, as Temporal Cloud does: its
// frontend serves TLS (no client certificate) and authorizes every call by the bearer token's
// signature and `permissions` claim. A key with admin rights registers the namespace and delivers;
// a namespace-scoped key (the kind Temporal Cloud issues) serves an existing namespace with
// temporal.manageNamespaces: false; a forged, expired or missing key fails at start, at once,
// saying what to check, and no key ever appears in an error or a log line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BarrageConfig } from '../../src/config';
import { issue, makeCa, writeIssued } from '../helpers/certificates';
import { startTestCluster, type TestCluster } from '../helpers/cluster';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { api, capturingLogger, startFailure, startHub } from '../helpers/hub';
import { forger, makeTokenIssuer, type TokenIssuer } from '../helpers/jwt';
import { startTestSink, type TestSink } from '../helpers/sink';

const SERVER_NAME = 'temporal.barrage.test';
const KEY = 'key-jwt';
const NAMESPACE = uniqueName('barrage-jwt');
let dir: string;
let caFile: string;
let issuer: TokenIssuer;
let cluster: TestCluster;
let sink: TestSink;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'barrage-jwt-'));
  const ca = makeCa('Barrage test CA');
  const server = writeIssued(dir, 'server', issue(ca, { cn: SERVER_NAME, dnsNames: [SERVER_NAME], ips: ['127.0.0.1'] }));
  caFile = writeIssued(dir, 'ca', ca).certFile;
  issuer = makeTokenIssuer(dir);
  const adminApiKey = issuer.token({ permissions: ['temporal-system:admin'], sub: 'cluster-admin' });
  cluster = await startTestCluster({
    tls: { ...server, caFile, serverName: SERVER_NAME },
    authorization: { keySourceUri: issuer.keySourceUri, adminApiKey },
  });
  sink = await startTestSink();
}, 120_000);

afterAll(async () => {
  await sink?.close();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function configWith(apiKey: string | undefined, temporal: Record<string, unknown> = {}): BarrageConfig {
  const taskQueue = uniqueName('jwt');
  return testConfig({
    address: cluster.address,
    taskQueue,
    tenants: [{ id: 'jwt', namespace: NAMESPACE, apiKeys: [KEY], destinations: [destination('sink', sink.url)] }],
    raw: {
      temporal: {
        namespaceCacheRefresh: '2s',
        address: cluster.address,
        taskQueue,
        tls: { caFile, serverName: SERVER_NAME },
        ...(apiKey ? { apiKey } : {}),
        ...temporal,
      },
    },
  });
}

async function deliversOne(config: BarrageConfig, logs: ReturnType<typeof capturingLogger>, type: string): Promise<void> {
  const hub = await startHub(config, undefined, logs.logger);
  try {
    const before = sink.received.length;
    const sent = await api(`${hub.url}/v1/events`, { key: KEY, body: { type, data: { n: 1 } } });
    expect(sent.status).toBe(202);
    const got = await sink.waitFor(before + 1);
    expect(got.slice(before).map((r) => r.headers['webhook-id'])).toEqual([sent.body.id]);
  } finally {
    await hub.stop();
  }
}

test('an admin key over TLS: the namespace and its search attributes are registered, an event is delivered', async () => {
  const logs = capturingLogger();
  const key = issuer.token({ permissions: ['temporal-system:admin'] });
  await deliversOne(configWith(key), logs, 'jwt.admin');
  expect(logs.text()).not.toContain(key);
}, 90_000);

test('a key scoped to the namespace, with manageNamespaces: false, serves it', async () => {
  const logs = capturingLogger();
  const key = issuer.token({ permissions: [`${NAMESPACE}:write`] });
  await deliversOne(configWith(key, { manageNamespaces: false }), logs, 'jwt.scoped');
  expect(logs.text()).not.toContain(key);
}, 90_000);

test.each([
  [
    'a forged key',
    () => configWith(forger(issuer)({ permissions: ['temporal-system:admin'] })),
    /refused the connection .*check temporal\.apiKey/,
  ],
  [
    'an expired key',
    () => configWith(issuer.token({ permissions: ['temporal-system:admin'], expiresInSeconds: -60 })),
    /refused the connection .*check temporal\.apiKey/,
  ],
  ['no key', () => configWith(undefined), /refused registering namespace .*set temporal\.apiKey/],
  [
    'a namespace-scoped key, with manageNamespaces left on',
    () => configWith(issuer.token({ permissions: [`${NAMESPACE}:write`] })),
    /refused registering namespace .*needs admin rights.*manageNamespaces: false/,
  ],
])(
  '%s fails at start, at once, saying what to check',
  async (_name, makeConfig, message) => {
    const logs = capturingLogger();
    const config = makeConfig();
    const apiKey = config.temporal.apiKey;
    const { failure, waited } = await startFailure(config, logs);
    expect(failure).toBeInstanceOf(Error);
    expect(failure!.name).toBe('TemporalAuthError');
    expect(failure!.message).toMatch(message);
    expect(waited).toBe(false);
    if (apiKey) {
      expect(failure!.message).not.toContain(apiKey);
      expect(logs.text()).not.toContain(apiKey);
    }
  },
  60_000,
);
