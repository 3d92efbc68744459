// temporal.tls against a real temporal-server whose frontend requires TLS with client certificates
// (mTLS), using certificates this test makes: the right CA and client certificate connect and
// deliver (client, worker and namespace registration all over TLS); a wrong CA, a missing client
// certificate or an expired one fail at start, at once, saying what to check, with no certificate
// or key content in the error or the logs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BarrageConfig } from '../../src/config';
import { issue, makeCa, writeIssued } from '../helpers/certificates';
import { startTestCluster, type TestCluster } from '../helpers/cluster';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { api, capturingLogger, startFailure, startHub } from '../helpers/hub';
import { startTestSink, type TestSink } from '../helpers/sink';

const SERVER_NAME = 'temporal.barrage.test';
const KEY = 'key-tls';
let dir: string;
let cluster: TestCluster;
let sink: TestSink;
const files: Record<
  'ca' | 'wrongCa' | 'client' | 'clientKey' | 'expired' | 'expiredKey' | 'strangerCert' | 'strangerKey',
  string
> = {} as never;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'barrage-tls-'));
  const ca = makeCa('Barrage test CA');
  const wrongCa = makeCa('Some other CA');
  const server = writeIssued(
    dir,
    'server',
    issue(ca, { cn: SERVER_NAME, dnsNames: [SERVER_NAME, 'localhost'], ips: ['127.0.0.1'] }),
  );
  const worker = writeIssued(dir, 'system-worker', issue(ca, { cn: 'temporal-system-worker' }));
  const client = writeIssued(dir, 'barrage', issue(ca, { cn: 'barrage' }));
  const expired = writeIssued(dir, 'expired', issue(ca, { cn: 'barrage-old', fromDays: -60, toDays: -1 }));
  const stranger = writeIssued(dir, 'stranger', issue(wrongCa, { cn: 'stranger' }));
  files.ca = writeIssued(dir, 'ca', ca).certFile;
  files.wrongCa = writeIssued(dir, 'wrong-ca', wrongCa).certFile;
  Object.assign(files, {
    client: client.certFile,
    clientKey: client.keyFile,
    expired: expired.certFile,
    expiredKey: expired.keyFile,
    strangerCert: stranger.certFile,
    strangerKey: stranger.keyFile,
  });
  cluster = await startTestCluster({
    tls: {
      ...server,
      caFile: files.ca,
      clientCaFile: files.ca,
      workerCertFile: worker.certFile,
      workerKeyFile: worker.keyFile,
      serverName: SERVER_NAME,
    },
  });
  sink = await startTestSink();
}, 120_000);

afterAll(async () => {
  await sink?.close();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function configWith(tls: Record<string, unknown>): BarrageConfig {
  return testConfig({
    address: cluster.address,
    taskQueue: uniqueName('tls'),
    tenants: [{ id: 'tls', namespace: 'barrage-tls', apiKeys: [KEY], destinations: [destination('sink', sink.url)] }],
    raw: {
      temporal: {
        namespaceCacheRefresh: '2s',
        address: cluster.address,
        taskQueue: uniqueName('tls'),
        tls: { serverName: SERVER_NAME, ...tls },
      },
    },
  });
}

/** Everything secret in the files, as text that must never be printed. */
function secretTexts(): string[] {
  return [files.clientKey, files.expiredKey, files.strangerKey, files.client, files.ca]
    .map((f) => readFileSync(f, 'utf8').split('\n')[1])
    .filter(Boolean);
}

test('the right CA and client certificate: namespace registered, event accepted and delivered over TLS', async () => {
  const logs = capturingLogger();
  const hub = await startHub(
    configWith({ caFile: files.ca, certFile: files.client, keyFile: files.clientKey }),
    undefined,
    logs.logger,
  );
  try {
    const sent = await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'tls.ok', data: { n: 1 } } });
    expect(sent.status).toBe(202);
    const [got] = await sink.waitFor(1);
    expect(got.headers['webhook-id']).toBe(sent.body.id);
  } finally {
    await hub.stop();
  }
  for (const secret of secretTexts()) expect(logs.text()).not.toContain(secret);
}, 90_000);

test.each([
  [
    'a CA that did not sign the server certificate',
    () => ({ caFile: files.wrongCa, certFile: files.client, keyFile: files.clientKey }),
    /caFile/,
  ],
  ['no client certificate, where the server requires one', () => ({ caFile: files.ca }), /certFile\/keyFile/],
  [
    'a client certificate from a CA the server does not trust',
    () => ({ caFile: files.ca, certFile: files.strangerCert, keyFile: files.strangerKey }),
    /certFile\/keyFile/,
  ],
  [
    'an expired client certificate',
    () => ({ caFile: files.ca, certFile: files.expired, keyFile: files.expiredKey }),
    /certFile: the certificate in .*expired on/,
  ],
  [
    'a key that is not the certificate’s',
    () => ({ caFile: files.ca, certFile: files.client, keyFile: files.strangerKey }),
    /is not the private key of/,
  ],
])(
  '%s fails at start, at once, saying what to check',
  async (_name, tls, message) => {
    const logs = capturingLogger();
    const { failure, waited } = await startFailure(configWith(tls()), logs);
    expect(failure).toBeInstanceOf(Error);
    expect(failure!.name).toBe('TemporalTlsError');
    expect(failure!.message).toMatch(message);
    // The retry loop for a server that is still starting (up to 60 s) logs each wait; this one never waited.
    expect(waited).toBe(false);
    for (const secret of secretTexts()) {
      expect(failure!.message).not.toContain(secret);
      expect(logs.text()).not.toContain(secret);
    }
    expect(failure!.message).not.toMatch(/BEGIN/);
  },
  60_000,
);
